"""Sending work to the Celery queue, the one way every page, command and task does it.

`send(task, *args, **kwargs)` queues a task and answers whether it was queued. When Redis (the
broker, or the result store that Celery touches first when it sends) cannot be reached, it
answers False within a few seconds (the connect timeouts and retry policies in settings) instead
of raising after ~20 s: each caller then falls back as its module documents (a recomputation
runs in the request, an annual report is made in the request, an import run waits for the queue
and is sent again). Tasks are sent without a result: the portal follows work through its own
rows (import runs, recompute runs, reports), never through Celery's result store.
"""

import logging

from celery import Task
from kombu.exceptions import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What Celery, kombu and redis-py raise when Redis does not answer (socket errors are OSError).
UNREACHABLE = (OperationalError, RedisConnectionError, RedisTimeoutError, OSError)


def unreachable(error: BaseException) -> bool:
    """Whether an error means "the queue cannot be reached". Celery's Redis result store wraps
    a failed reconnection in a RuntimeError ("Retry limit exceeded ... result store"), so the
    cause is looked at too."""
    return isinstance(error, UNREACHABLE) or (
        isinstance(error, RuntimeError) and isinstance(error.__cause__, UNREACHABLE)
    )


def send(task: Task, *args, **kwargs) -> bool:
    """Queue `task(*args, **kwargs)`; True when queued, False when the queue cannot be reached.

    Errors other than an unreachable broker or result store are raised (a programming error
    must not pass for an outage). With no broker configured (tasks run eagerly), the task runs
    here and its own errors propagate as they would in the request."""
    eager = task.app.conf.task_always_eager
    try:
        task.apply_async(args, kwargs, ignore_result=True)
    except Exception as error:
        if eager or not unreachable(error):
            raise
        logger.warning("task queue unreachable; %s not queued: %s", task.name, error)
        return False
    return True
