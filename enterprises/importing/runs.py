"""The life of an upload on the officials' import page: check (preview), confirm, store.

The work runs as a Celery task (in-process when no broker is configured). Progress goes
through the cache, because the import's own transaction hides its row counts until it commits.
"""

import logging
from pathlib import Path

from django.core.cache import cache
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation

from ..models import ImportRun
from . import KINDS
from .base import run_import

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


def start(run: ImportRun) -> None:
    """Queue the check of a freshly uploaded file."""
    from ..tasks import run_import_task

    transaction.on_commit(lambda: run_import_task.delay(run.pk, False))


def confirm(run: ImportRun, *, skip_invalid: bool) -> bool:
    """Queue the storing of a checked file; False if it was not waiting for confirmation."""
    from ..tasks import run_import_task

    claimed = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.PREVIEWED).update(
        status=ImportRun.Status.IMPORTING, skip_invalid=skip_invalid, rows_done=0
    )
    if not claimed:
        return False
    transaction.on_commit(lambda: run_import_task.delay(run.pk, True))
    return True


def cancel(run: ImportRun) -> bool:
    return bool(
        ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.PREVIEWED).update(
            status=ImportRun.Status.CANCELLED, finished_at=timezone.now()
        )
    )


def process_run(run_id: int, *, confirm: bool) -> None:
    """Check or store one run. Runs whose state moved on already (a repeated task) are left alone."""
    expected = ImportRun.Status.IMPORTING if confirm else ImportRun.Status.PREVIEWING
    run = ImportRun.objects.filter(pk=run_id, status=expected).first()
    if run is None:
        return
    kind = KINDS[run.kind]
    source = Path(run.file.path)
    rejects_path = source.with_name(source.name + ".rejects.csv")

    def progress(done: int, total: int | None) -> None:
        cache.set(progress_key(run.pk), (done, total or 0), timeout=3600)

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
        except Exception as error:
            logger.exception("import run %s failed", run.pk)
            run.status = ImportRun.Status.FAILED
            run.message = f"{type(error).__name__}: {error}"
            run.finished_at = timezone.now()
            run.save()
            raise

        run.rows_total = run.rows_done = result.rows
        run.new, run.updated, run.unchanged, run.invalid = result.new, result.updated, result.unchanged, result.invalid
        run.not_in_park = result.extra.get("not_in_park", 0)
        run.errors = [error.as_dict() for error in result.errors]
        run.ignored_columns = result.ignored_columns
        run.message = result.file_error
        if result.file_error:
            run.status = ImportRun.Status.REFUSED
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
        cache.delete(progress_key(run.pk))
    if confirm and result.committed:
        from ipportal.audit import import_committed
        from targets.recompute import request_recompute

        import_committed(run)
        request_recompute("import")
