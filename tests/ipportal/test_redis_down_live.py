"""Redis stopped under a running portal and worker, then started again (real services).

The test runs a Redis server of its own (so stopping it disturbs nobody), a Celery worker
connected to it, and sends the pages' requests with tasks not run eagerly. While Redis is
stopped, an upload waits for the queue, a recomputation and an annual report are done in the
request; nothing stays in a state that nothing will move: once Redis answers again, beat's
periodic sweep sends the waiting import and the worker checks it.
"""

import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from enterprises.models import ImportRun
from enterprises.tasks import requeue_waiting
from ipportal.celery import app as celery_app
from targets.models import AnnualReport, RecomputeRun

from ..factories import valid_credit_code
from .test_redis_down import forget_connections
from .test_worker_killed import ROOT, database_url, wait_for

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.REDIS_URL or connection.vendor != "postgresql",
        reason="needs REDIS_URL and a PostgreSQL DATABASE_URL (the worker must share the test database)",
    ),
]


class RedisServer:
    """A Redis server on a free port, without persistence, stopped and started at will."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.answers, timeout=20, what="redis-server to answer")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    conf = celery_app.conf
    saved = conf.broker_url, conf.result_backend, conf.task_always_eager
    conf.broker_url, conf.result_backend, conf.task_always_eager = server.url, server.url, False
    forget_connections()
    yield server
    conf.broker_url, conf.result_backend, conf.task_always_eager = saved
    forget_connections()
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def worker(redis_server):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_server.url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "ipportal", "worker", "--pool", "solo", "--loglevel", "WARNING"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


def upload(client):
    text = f"企业名称,统一社会信用代码,所属产业\n荆门断线企业,{valid_credit_code()},绿色化工\n"
    file = SimpleUploadedFile("list.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("enterprises:import-list"), {"kind": "enterprises", "file": file})


def test_while_redis_is_stopped_nothing_hangs_or_strands_and_waiting_work_goes_ahead_when_it_returns(
    reference_data, official_client, redis_server, worker
):
    upload(official_client)
    first = ImportRun.objects.get()
    wait_for(lambda: ImportRun.objects.get(pk=first.pk).status == ImportRun.Status.PREVIEWED, what="the worker")

    redis_server.stop()
    upload(official_client)
    waiting = ImportRun.objects.exclude(pk=first.pk).get()
    assert waiting.status == ImportRun.Status.PREVIEWING and waiting.waiting_for_queue

    assert official_client.post(reverse("targets:recompute")).status_code == 302
    assert RecomputeRun.objects.filter(trigger__endswith="(in request)", state=RecomputeRun.State.DONE).exists()

    response = official_client.post(reverse("targets:report-list"), {"year": "2025"})
    report = AnnualReport.objects.get()
    assert response.status_code == 302 and report.state == AnnualReport.State.DONE

    redis_server.start()
    forget_connections()
    wait_for(lambda: requeue_waiting() == 1, timeout=30, what="the waiting import to be sent again")
    wait_for(
        lambda: ImportRun.objects.get(pk=waiting.pk).status == ImportRun.Status.PREVIEWED,
        what="the worker to check the import sent again",
    )
    assert not ImportRun.objects.get(pk=waiting.pk).waiting_for_queue
    assert not ImportRun.objects.filter(waiting_for_queue=True).exists()
