"""The app's Celery tasks and the helpers that queue them (so the pages and the command line
call these, and the tasks call enterprises.importing.runs)."""

import logging

from celery import shared_task
from django.conf import settings
from django.db import models, transaction

from ipportal.queueing import send

from .importing import runs
from .models import ImportRun

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def run_import_task(run_id: int, confirm: bool) -> None:
    """Preview (confirm=False) or store (confirm=True) an uploaded list; progress is kept on the run."""
    runs.process_run(run_id, confirm=confirm)


@shared_task
def requeue_waiting_imports() -> int:
    """Every minute, from beat: fail as retryable the runs that lost their worker, and send
    again the runs queued while the broker was down (their count is returned)."""
    runs.find_lost()
    return requeue_waiting()


def send_run(run_id: int, confirm: bool) -> bool:
    """Queue the task of a run; if the broker is down, mark the run as waiting. True when queued.

    The run is leased for the time a queued task may wait (settings.TASK_QUEUED_LEASE_SECONDS)."""
    ImportRun.objects.filter(pk=run_id, status__in=ImportRun.ACTIVE).update(
        lease_until=runs.lease(settings.TASK_QUEUED_LEASE_SECONDS)
    )
    if send(run_import_task, run_id, confirm):
        return True
    logger.warning("task queue unreachable; import run %s waits for the queue", run_id)
    ImportRun.objects.filter(pk=run_id, status__in=ImportRun.ACTIVE).update(waiting_for_queue=True)
    return False


def start(run: ImportRun) -> None:
    """Queue the check of a freshly uploaded file."""
    transaction.on_commit(lambda: send_run(run.pk, False))


def requeue(run: ImportRun) -> bool:
    """Send a run waiting for the queue again (once, whoever asks first); True if it was sent."""
    claimed = ImportRun.objects.filter(pk=run.pk, waiting_for_queue=True, status__in=ImportRun.ACTIVE).update(
        waiting_for_queue=False
    )
    if not claimed:
        return False
    return send_run(run.pk, run.status == ImportRun.Status.IMPORTING)


def requeue_waiting() -> int:
    """Send again every run whose task could not be queued; stops at the first broker failure."""
    sent = 0
    for run in ImportRun.objects.filter(waiting_for_queue=True, status__in=ImportRun.ACTIVE).only("pk", "status"):
        if not requeue(run):
            break
        sent += 1
    return sent


def confirm(run: ImportRun, *, skip_invalid: bool) -> bool:
    """Queue the storing of a checked file; False if it was not waiting for confirmation."""
    claimed = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.PREVIEWED).update(
        status=ImportRun.Status.IMPORTING, skip_invalid=skip_invalid, rows_done=0
    )
    if not claimed:
        return False
    transaction.on_commit(lambda: send_run(run.pk, True))
    return True


def retry(run: ImportRun) -> bool:
    """Run again the stage (check or store) of a run that lost its worker; False for any other run."""
    stage = run.retry_status
    claimed = ImportRun.objects.filter(
        pk=run.pk, status=ImportRun.Status.FAILED, retry_status__in=ImportRun.ACTIVE
    ).update(status=models.F("retry_status"), retry_status="", finished_at=None, rows_done=0)
    if not claimed:
        return False
    transaction.on_commit(lambda: send_run(run.pk, stage == ImportRun.Status.IMPORTING))
    return True
