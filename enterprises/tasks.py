from celery import shared_task

from .importing import runs


@shared_task(acks_late=True)
def run_import_task(run_id: int, confirm: bool) -> None:
    """Preview (confirm=False) or store (confirm=True) an uploaded list; progress is kept on the run."""
    runs.process_run(run_id, confirm=confirm)


@shared_task
def requeue_waiting_imports() -> int:
    """Send again the import runs queued while the broker was down (every minute, from beat)."""
    return runs.requeue_waiting()
