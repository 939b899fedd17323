"""A Celery worker killed (SIGKILL) in the middle of a recomputation or a large import.

Tasks are acknowledged late: the message of a task whose worker died is delivered again, to
another worker (after the visibility timeout, here 5 s) or, when only the pool process died,
by the same worker at once (task_reject_on_worker_lost). The result equals an undisturbed run.

To catch the task mid-run for sure, the test holds a lock the task needs: the recomputation's
advisory lock, or a lock on the patent table that the import writes into, and kills the worker
while PostgreSQL shows its query waiting for that lock.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from core.importing import KINDS, run_import
from core.importing.engine import CHUNK_SIZE
from enterprises.models import ImportRun, Patent
from enterprises.tasks import run_import_task
from ipportal.celery import app as celery_app
from targets.models import IndicatorValue, RecomputeRun
from targets.recompute import LOCK_ID, recompute
from targets.tasks import recompute_indicators

from ..factories import EnterpriseFactory, PatentFactory
from ..files import patent_csv

ROOT = Path(__file__).resolve().parents[2]
VISIBILITY_TIMEOUT = 5

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.REDIS_URL or connection.vendor != "postgresql",
        reason="needs REDIS_URL and a PostgreSQL DATABASE_URL (the worker must share the test database)",
    ),
]


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Celery workers started as in production (prefork pool, one process), killed at will."""

    def __init__(self):
        self.processes: list[subprocess.Popen] = []

    def start(self, **extra_env: str) -> subprocess.Popen:
        env = {
            **os.environ,
            **extra_env,
            "DATABASE_URL": database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "ipportal", "worker", "--concurrency", "1", "--loglevel", "WARNING"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL the worker and its pool process: no warm shutdown, no acknowledgement."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


@pytest.fixture
def workers():
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    pool = Workers()
    yield pool
    pool.stop_all()


@pytest.fixture
def side_connection():
    """A second connection to the test database, to hold locks the worker will wait for."""
    with psycopg.connect(database_url(), autocommit=True) as conn:
        yield conn


def wait_for(condition, timeout: float = 90, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def waiting_on(wait_event: str) -> bool:
    """Whether a query of this database waits for a lock of this kind (asked outside any
    transaction: pg_stat_activity is a snapshot taken once per transaction)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND wait_event = %s",
            [wait_event],
        )
        return cursor.fetchone()[0] > 0


def stored_values() -> dict:
    return {
        (value.indicator.code, value.year): (value.value, value.reason, value.status, value.numerator, value.inputs)
        for value in IndicatorValue.objects.select_related("indicator")
    }


def pool_process_of(worker: subprocess.Popen) -> int:
    children = subprocess.run(["pgrep", "-P", str(worker.pid)], capture_output=True, text=True).stdout.split()
    assert len(children) == 1, children
    return int(children[0])


@pytest.mark.parametrize("killed", ["the whole worker", "its pool process"])
def test_recompute_killed_mid_run_is_run_again_with_the_same_result(reference_data, workers, side_connection, killed):
    enterprise = EnterpriseFactory()
    for _ in range(5):
        PatentFactory(enterprise=enterprise)
    recompute(trigger="undisturbed")
    expected = stored_values()
    assert len(expected) == 29 * 4
    IndicatorValue.objects.all().delete()
    RecomputeRun.objects.all().delete()

    side_connection.execute("SELECT pg_advisory_lock(%s)", [LOCK_ID])
    worker = workers.start()
    recompute_indicators.delay(trigger="killed")
    wait_for(lambda: waiting_on("advisory"), what="the recomputation to wait for its lock")

    if killed == "the whole worker":
        workers.kill(worker)
        side_connection.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])
        time.sleep(VISIBILITY_TIMEOUT + 1)
        workers.start()
    else:
        os.kill(pool_process_of(worker), signal.SIGKILL)
        side_connection.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])

    wait_for(
        lambda: RecomputeRun.objects.filter(trigger="killed", state=RecomputeRun.State.DONE).exists(),
        what="the recomputation to run again",
    )
    assert stored_values() == expected


def test_import_killed_mid_run_is_run_again_with_the_same_result(reference_data, official, workers, side_connection):
    enterprise = EnterpriseFactory()
    rows = CHUNK_SIZE * 3 + 10
    text = patent_csv(rows, holder_code=enterprise.credit_code)
    run = ImportRun.objects.create(
        kind="patents",
        file=ContentFile(text.encode(), name="patents.csv"),
        original_name="patents.csv",
        status=ImportRun.Status.IMPORTING,
        created_by=official,
    )

    with side_connection.transaction():
        side_connection.execute("LOCK TABLE enterprises_patent IN EXCLUSIVE MODE")
        worker = workers.start()
        run_import_task.delay(run.pk, True)
        wait_for(lambda: waiting_on("relation"), what="the import to wait for the patent table")
        workers.kill(worker)
    assert not Patent.objects.exists()

    time.sleep(VISIBILITY_TIMEOUT + 1)
    workers.start()
    wait_for(lambda: ImportRun.objects.get(pk=run.pk).status == ImportRun.Status.DONE, what="the import to finish")

    run.refresh_from_db()
    assert (run.rows_total, run.new, run.updated, run.unchanged, run.invalid) == (rows, rows, 0, 0, 0)
    assert Patent.objects.filter(enterprise=enterprise).count() == rows
    # An undisturbed import of the same file finds exactly its rows: nothing new, nothing changed.
    again = run_import(KINDS["patents"], Path(run.file.path))
    assert (again.new, again.updated, again.unchanged) == (0, 0, rows)


def test_import_whose_worker_died_is_shown_lost_and_its_retry_stores_it(
    reference_data, official, official_client, workers, side_connection
):
    """Past its (here 2 s) lease and with the worker's lock gone with its connection, the run is
    found lost on its page; Retry sends it again and a new worker stores it."""
    from django.urls import reverse

    enterprise = EnterpriseFactory()
    rows = CHUNK_SIZE + 10
    run = ImportRun.objects.create(
        kind="patents",
        file=ContentFile(patent_csv(rows, holder_code=enterprise.credit_code).encode(), name="patents.csv"),
        original_name="patents.csv",
        status=ImportRun.Status.IMPORTING,
        created_by=official,
    )
    with side_connection.transaction():
        side_connection.execute("LOCK TABLE enterprises_patent IN EXCLUSIVE MODE")
        worker = workers.start(TASK_RUNNING_LEASE_SECONDS="2")
        run_import_task.delay(run.pk, True)
        wait_for(lambda: waiting_on("relation"), what="the import to wait for the patent table")
        time.sleep(3)  # past its lease, but the worker still holds the run: not lost
        official_client.get(run.get_absolute_url())
        assert ImportRun.objects.get(pk=run.pk).status == ImportRun.Status.IMPORTING
        workers.kill(worker)

    wait_for(lambda: not waiting_on("relation"), what="the killed worker's connection to close")
    time.sleep(3)  # its last heartbeat expires
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and run.retry_status == ImportRun.Status.IMPORTING
    assert "The process working on this import stopped" in page and not Patent.objects.exists()

    workers.start()
    official_client.post(reverse("enterprises:import-retry", args=[run.pk]))
    wait_for(lambda: ImportRun.objects.get(pk=run.pk).status == ImportRun.Status.DONE, what="the retried import")
    assert Patent.objects.filter(enterprise=enterprise).count() == rows
