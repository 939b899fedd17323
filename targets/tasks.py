from celery import shared_task
from django.core.cache import cache

from . import recompute as recomputation


@shared_task(acks_late=True)
def recompute_indicators(year: int | None = None, trigger: str = "task") -> int:
    """Recompute one year, or every year of the current plan. Safe to run twice at once."""
    cache.delete(recomputation.QUEUED_KEY)
    run = recomputation.recompute([year] if year else None, trigger=trigger)
    return run.values_written if run else 0


@shared_task(acks_late=True)
def make_annual_report(report_id: int) -> str:
    """Make an annual report's XLSX and PDF; the report row records progress and the outcome."""
    from .models import AnnualReport
    from .reports import make

    report = AnnualReport.objects.filter(pk=report_id).first()
    if report is None or report.state == AnnualReport.State.DONE:
        return "gone" if report is None else report.state
    return make(report).state
