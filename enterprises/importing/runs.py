"""The life of an upload on the officials' import page: check (preview), confirm, store.

The work runs as a Celery task (in-process when no broker is configured); queueing it is
enterprises.tasks' (start, confirm, requeue), beside the task. Progress goes
through the cache, because the import's own transaction hides its row counts until it commits.

A run is leased to the process working on it (`lease_until`, ImportRun): for a while after it
is sent, then, while it runs, for as long as it shows signs of life (a heartbeat in the cache at
every chunk; on PostgreSQL, the run's advisory lock, which dies with the process's connection).
A run past its lease that no process holds lost its worker (killed, restarted): `find_lost`
fails it as retryable, and its page offers to retry or cancel it (a redelivered task retries it
too).

When the broker cannot be reached, a run is not lost: it is marked as waiting for the queue
(the page says so) and sent again as soon as the broker answers, by its own page while an
official watches it and by a periodic task (`requeue_waiting`). A task delivered twice (a
worker killed mid-run, a redelivery) is harmless: runs of the same import queue behind a
lock, and a run whose state has moved on is left alone.
"""

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from core.importing import KINDS
from core.importing.engine import run_import
from ipportal.audit import import_committed
from ipportal.coded import coded, stored
from targets.tasks import request_recompute

from ..models import ImportRun

logger = logging.getLogger(__name__)


def progress_key(run_id: int) -> str:
    return f"import-progress:{run_id}"


def progress_of(run: ImportRun) -> tuple[int, int]:
    """(rows done, rows in the file) for a run, live while it is under way."""
    if run.is_active:
        live = cache.get(progress_key(run.pk))
        if live:
            return live
    return run.rows_done, run.rows_total


# Advisory lock class (first key) for "one process works on this import run at a time".
RUN_LOCK_CLASS = 0x1F0A_0001


def heartbeat_key(run_id: int) -> str:
    return f"import-heartbeat:{run_id}"


def lease(seconds: int) -> dt.datetime:
    """The end of a lease starting now."""
    return timezone.now() + dt.timedelta(seconds=seconds)


def cancel(run: ImportRun) -> bool:
    """Cancel a run waiting for confirmation, or one that lost its worker; False for any other."""
    return bool(
        ImportRun.objects.filter(pk=run.pk)
        .filter(
            Q(status__in=(ImportRun.Status.PREVIEWED, ImportRun.Status.MAPPING))
            | Q(status=ImportRun.Status.FAILED, retry_status__in=ImportRun.ACTIVE)
        )
        .update(status=ImportRun.Status.CANCELLED, retry_status="", finished_at=timezone.now())
    )


def _held(run_id: int) -> bool:
    """Whether a process works on the run now: it beat within the running lease (in a cache
    that every process shares when Redis is configured), or, on PostgreSQL, holds the run's lock."""
    if cache.get(heartbeat_key(run_id)):
        return True
    if connection.vendor != "postgresql":
        return False
    key = [RUN_LOCK_CLASS, run_id % 2**31]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", key)
        free = cursor.fetchone()[0]
        if free:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)
    return not free


def find_lost(candidates: QuerySet[ImportRun] | None = None) -> int:
    """Fail, as retryable, the active runs (of `candidates`, default all) past their lease that
    no process holds; a run waiting for the queue is not lost. Returns how many were failed."""
    now = timezone.now()
    queued_since = now - dt.timedelta(seconds=settings.TASK_QUEUED_LEASE_SECONDS)
    expired = (candidates if candidates is not None else ImportRun.objects.all()).filter(
        Q(lease_until__lt=now) | Q(lease_until=None, created_at__lt=queued_since),
        status__in=ImportRun.ACTIVE,
        waiting_for_queue=False,
    )
    lost = 0
    for run in expired.only("pk", "status", "lease_until"):
        if _held(run.pk):
            continue
        lost += ImportRun.objects.filter(
            pk=run.pk, status=run.status, lease_until=run.lease_until, waiting_for_queue=False
        ).update(status=ImportRun.Status.FAILED, retry_status=run.status, finished_at=now)
        logger.warning("import run %s lost its worker while %s", run.pk, run.status)
    return lost


@contextmanager
def _working_on(run_id: int) -> Iterator[None]:
    """Hold a session lock on the run, so a second delivery of its task waits for the first.

    The lock lives on the database connection: a worker killed mid-run loses it with its
    connection, and the redelivered task goes ahead (the killed import rolled back)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [RUN_LOCK_CLASS, run_id % 2**31])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [RUN_LOCK_CLASS, run_id % 2**31])


def process_run(run_id: int, *, confirm: bool) -> None:
    """Check or store one run. Runs whose state moved on already (a repeated task) are left alone."""
    with _working_on(run_id):
        _process_run(run_id, confirm=confirm)


def _process_run(run_id: int, *, confirm: bool) -> None:
    expected = ImportRun.Status.IMPORTING if confirm else ImportRun.Status.PREVIEWING
    # A run found to have lost its worker is taken up again by its redelivered task.
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.FAILED, retry_status=expected).update(
        status=expected, retry_status="", finished_at=None
    )
    running_lease = settings.TASK_RUNNING_LEASE_SECONDS
    if not ImportRun.objects.filter(pk=run_id, status=expected).update(lease_until=lease(running_lease)):
        return
    cache.set(heartbeat_key(run_id), True, timeout=running_lease)
    run = ImportRun.objects.get(pk=run_id)
    kind = KINDS[run.kind]
    source = Path(run.file.path)
    rejects_path = source.with_name(source.name + ".rejects.csv")

    def progress(done: int, total: int | None) -> None:
        cache.set(progress_key(run.pk), (done, total or 0), timeout=3600)
        cache.set(heartbeat_key(run.pk), True, timeout=running_lease)

    if not source.exists():
        # The upload is gone (web and worker processes not sharing MEDIA_ROOT, or it was removed):
        # a failure of the server, not of the file. Its path goes to the log only.
        logger.error("import run %s: its uploaded file %s is missing", run.pk, source)
        run.status = ImportRun.Status.FAILED
        run.message = stored(
            coded(
                gettext_noop(
                    "The uploaded file is no longer on the server, so nothing was stored: upload it again "
                    "(run %(id)s; the log has the details)."
                ),
                id=run.pk,
            )
        )
        run.finished_at = timezone.now()
        run.save()
        return

    with translation.override(run.language):
        try:
            result = run_import(
                kind,
                source,
                skip_invalid=run.skip_invalid if confirm else True,
                dry_run=not confirm,
                rejects_path=rejects_path,
                on_progress=progress,
            )
        except Exception:
            logger.exception("import run %s failed", run.pk)
            run.status = ImportRun.Status.FAILED
            # The error's own text can name files, tables or values: it goes to the log only.
            run.message = stored(
                coded(
                    gettext_noop(
                        "The import failed on the server and stored nothing; the log has the details (run %(id)s)."
                    ),
                    id=run.pk,
                )
            )
            run.finished_at = timezone.now()
            run.save()
            raise

        run.rows_total = run.rows_done = result.rows
        run.new, run.updated, run.unchanged, run.invalid = result.new, result.updated, result.unchanged, result.invalid
        run.not_in_park = result.extra.get("not_in_park", 0)
        run.warnings = result.warnings
        run.errors = [error.as_dict() for error in result.errors]
        run.ignored_columns = result.ignored_columns
        run.file_format, run.header_row = result.file_format, result.header_row
        run.layout_name = result.layout_name
        if not confirm:
            run.changes = result.changes
        run.holder_matching = {
            "counts": {key: count for key, count in result.extra.items() if key.startswith("matched_by_")},
            "unmatched": result.listed.get("unmatched_holders", [])[:50],
        }
        run.title_lines = [[number, text] for number, text in result.skipped_lines]
        run.message = stored(result.file_problem)
        run.detected_kind = result.detected_kind
        if result.mapping_request and not confirm:
            # Required fields without a column: the official maps them (the file is checked after).
            run.status = ImportRun.Status.MAPPING
            run.mapping_request = result.mapping_request
            run.message = ""
        elif result.file_error:
            run.status = ImportRun.Status.REFUSED_FILE
        elif not confirm:
            run.status = ImportRun.Status.PREVIEWED
        elif result.committed:
            run.status = ImportRun.Status.DONE
        else:
            run.status = ImportRun.Status.REFUSED
        if confirm:
            run.finished_at = timezone.now()
            if result.rejects_path:
                with open(result.rejects_path, "rb") as handle:
                    run.rejects_file.save(f"{source.stem}-rejects.csv", File(handle), save=False)
                Path(result.rejects_path).unlink(missing_ok=True)
        else:
            Path(rejects_path).unlink(missing_ok=True)
        run.save()
        cache.delete_many([progress_key(run.pk), heartbeat_key(run.pk)])
    if confirm and result.committed:
        import_committed(run)
        request_recompute(f"import run {run.pk} ({run.kind})")
