"""Celery queues per kind of work: every route names a task that exists and a queue that the
Procfile's and the systemd unit's workers consume, so no task is left waiting in a queue
nobody reads."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from ipportal.celery import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tasks() -> set[str]:
    app.loader.import_default_modules()
    return {name for name in app.tasks if not name.startswith("celery.")}


def test_every_route_names_an_existing_task(tasks):
    assert set(settings.CELERY_TASK_ROUTES) <= tasks


def test_every_kind_of_work_has_its_queue():
    routed = {name: app.amqp.router.route({}, name)["queue"].name for name in settings.CELERY_TASK_ROUTES}
    assert routed == {
        "enterprises.tasks.run_import_task": "imports",
        "enterprises.tasks.requeue_waiting_imports": "imports",
        "targets.tasks.recompute_indicators": "recompute",
        "targets.tasks.make_annual_report": "reports",
    }


def test_a_task_without_a_route_goes_to_the_default_queue(tasks):
    for name in tasks - set(settings.CELERY_TASK_ROUTES):
        assert app.amqp.router.route({}, name)["queue"].name == "default"


def test_a_worker_started_without_queues_consumes_every_queue_a_task_is_sent_to(tasks):
    consumed = set(app.amqp.queues.consume_from or app.amqp.queues)
    assert {app.amqp.router.route({}, name)["queue"].name for name in tasks} <= consumed
    assert consumed == {"default", "imports", "recompute", "reports"}


@pytest.mark.parametrize("path", ["Procfile", "deploy/systemd/ipportal-worker.service"])
def test_deployed_workers_do_not_narrow_their_queues(path):
    """With -Q a worker would consume only the queues it names; without, all of CELERY_TASK_QUEUES."""
    workers = [line for line in (ROOT / path).read_text().splitlines() if re.search(r"celery .*\bworker\b", line)]
    assert workers
    assert not any(re.search(r"\s(-Q|--queues)\b", line) for line in workers)
