"""The app's Celery tasks and the helpers that queue them (through ipportal.queueing.send); if the
queue cannot be reached, the work runs in the caller's process rather than being lost."""

import datetime as dt
import logging

from celery import shared_task
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from ipportal.queueing import send

from . import dossier as dossiers
from . import leases, reports
from . import recompute as recomputation
from .models import AnnualReport, Dossier, Plan
from .reminders import send_reminders

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def recompute_indicators(year: int | None = None, trigger: str = "task") -> int:
    """Recompute one year, or every year of the current plan. Safe to run twice at once."""
    cache.delete(recomputation.QUEUED_KEY)
    run = recomputation.recompute([year] if year else None, trigger=trigger)
    return run.values_written if run else 0


@shared_task(acks_late=True)
def make_annual_report(report_id: int) -> str:
    """Make an annual report's XLSX and PDF; the report row records progress and the outcome."""
    report = AnnualReport.objects.filter(pk=report_id).first()
    if report is None or report.state == AnnualReport.State.DONE:
        return "gone" if report is None else report.state
    return reports.make(report).state


@shared_task(acks_late=True)
def make_dossier(dossier_id: int) -> str:
    """Make an assessment dossier's DOCX and PDF; the dossier row records progress and the outcome."""
    dossier = Dossier.objects.filter(pk=dossier_id).first()
    if dossier is None or dossier.state == Dossier.State.DONE:
        return "gone" if dossier is None else dossier.state
    return dossiers.make(dossier).state


@shared_task(acks_late=True)
def send_supervision_reminders(day: str | None = None) -> int:
    """The daily reminders and weekly digests (beat, every morning); safe to run twice."""
    return len(send_reminders(dt.date.fromisoformat(day) if day else timezone.localdate()).reminders)


def queue_or_run(trigger: str) -> bool:
    """Queue a recomputation; if the broker cannot be reached, run it now rather than lose it.

    Returns True when queued, False when it ran in the caller's process."""
    if send(recompute_indicators, trigger=trigger):
        return True
    cache.delete(recomputation.QUEUED_KEY)
    logger.warning("task queue unreachable; recomputing in the request")
    recomputation.recompute(trigger=f"{trigger} (in request)")
    return False


def request_recompute(trigger: str = "change") -> None:
    """Ask for a recomputation once the current transaction commits: once per transaction,
    and not again while one is already queued."""
    connection_ = transaction.get_connection()
    if any(getattr(callback, "recompute_request", False) for _, callback, _ in connection_.run_on_commit):
        return

    def enqueue() -> None:
        if cache.add(recomputation.QUEUED_KEY, trigger, timeout=600) is False:
            return
        queue_or_run(trigger)

    enqueue.recompute_request = True
    transaction.on_commit(enqueue)


def request_report(plan: Plan, year: int, user) -> AnnualReport:
    """Create the report row and queue its task once the row is committed; if the broker cannot
    be reached, make the report in the request rather than lose it."""
    report = AnnualReport.objects.create(plan=plan, year=year, created_by=user, lease_until=leases.queued_lease())

    def enqueue() -> None:
        if not send(make_annual_report, report.pk):
            logger.warning("task queue unreachable; making the report in the request")
            reports.make(report)

    transaction.on_commit(enqueue)
    return report


def request_dossier(plan: Plan, year: int | None, user) -> Dossier:
    """Create the dossier row (year None: the whole plan) and queue its task once the row is
    committed; if the broker cannot be reached, make it in the request rather than lose it."""
    dossier = Dossier.objects.create(plan=plan, year=year, created_by=user, lease_until=leases.queued_lease())

    def enqueue() -> None:
        if not send(make_dossier, dossier.pk):
            logger.warning("task queue unreachable; making the dossier in the request")
            dossiers.make(dossier)

    transaction.on_commit(enqueue)
    return dossier
