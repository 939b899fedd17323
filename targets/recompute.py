"""Recomputing the stored indicator values: once per transaction that changed records, nightly,
on an official's request, or from the command line.

A run reads and computes everything inside one transaction that holds a lock, then writes all
values at once: two runs at the same time queue behind each other, and a failure rolls back
leaving the previous values in place (the failed run is recorded and shown to officials).
"""

import logging
import time
import traceback
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from . import early_warnings
from .cache import bump_values_generation
from .computation import CALCULATORS, Context, Outcome
from .models import Indicator, IndicatorValue, Plan, RecomputeRun, ReportedValue
from .progress import status_for

logger = logging.getLogger(__name__)

LOCK_ID = 0x1F0A_2023
QUEUED_KEY = "indicators:recompute-queued"


def compute_one(ctx: Context, indicator: Indicator, year: int, reported: dict) -> tuple[Outcome, str]:
    """The outcome for one indicator and year, and its method (computed or reported)."""
    function = CALCULATORS.get(indicator.calculator) if not indicator.is_reported else None
    if function is not None:
        return function(ctx, year), IndicatorValue.Method.COMPUTED
    entry = reported.get((indicator.pk, year))
    if entry is not None:
        return Outcome(entry.value, inputs={"note": entry.note}), IndicatorValue.Method.REPORTED
    reason = "not_reported" if indicator.is_reported else "no_calculator"
    return Outcome(None, reason=reason), IndicatorValue.Method.REPORTED


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])


def recompute(
    years: list[int] | None = None, *, plan: Plan | None = None, trigger: str = "manual"
) -> RecomputeRun | None:
    plan = plan or (Plan.objects.for_year(years[0]) if years else Plan.objects.current())
    if plan is None:
        logger.warning("no plan defined; nothing to recompute")
        return None
    years = sorted(set(years or plan.years))
    run = RecomputeRun.objects.create(trigger=trigger, years=years)
    queries = 0

    def count_queries(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    started = time.monotonic()
    try:
        with connection.execute_wrapper(count_queries), transaction.atomic():
            _lock()
            written, changes = _compute_and_store(plan, years)
    except Exception:
        logger.exception("indicator recomputation failed")
        run.state = RecomputeRun.State.FAILED
        run.error = traceback.format_exc(limit=5)
        run.finished_at = timezone.now()
        run.queries = queries
        run.save()
        raise
    bump_values_generation()
    run.state = RecomputeRun.State.DONE
    run.values_written = written
    run.queries = queries
    run.finished_at = timezone.now()
    run.save()
    early_warnings.warn(changes, run)
    logger.info(
        "recomputed %s values for %s in %.2f s, %s queries", written, years, time.monotonic() - started, queries
    )
    return run


def _compute_and_store(plan: Plan, years: list[int]) -> tuple[int, list[dict]]:
    """Write the values; return how many, and what got worse (early_warnings.worsened)."""
    ctx = Context(plan=plan)
    indicators = list(plan.indicators.all())
    reported = {(r.indicator_id, r.year): r for r in ReportedValue.objects.filter(indicator__plan=plan)}
    outcomes: dict[tuple[int, int], tuple[Outcome, str]] = {}
    for indicator in indicators:
        for year in years:
            outcomes[(indicator.pk, year)] = compute_one(ctx, indicator, year, reported)

    # The status needs each indicator's base-year value: from this run, else as stored.
    base_values: dict[int, Decimal | None] = {}
    stored_base = dict(
        IndicatorValue.objects.filter(indicator__plan=plan, year=plan.base_year).values_list("indicator_id", "value")
    )
    before = {
        (indicator_id, year): (value, status)
        for indicator_id, year, value, status in IndicatorValue.objects.filter(
            indicator__plan=plan, year__in=years
        ).values_list("indicator_id", "year", "value", "status")
    }
    for indicator in indicators:
        in_run = outcomes.get((indicator.pk, plan.base_year))
        base_values[indicator.pk] = in_run[0].value if in_run else stored_base.get(indicator.pk)

    now = timezone.now()
    rows = []
    after = {}
    for indicator in indicators:
        for year in years:
            outcome, method = outcomes[(indicator.pk, year)]
            status = status_for(indicator, plan, year, outcome.value, base_values[indicator.pk])
            after[(indicator.pk, year)] = (outcome.value, status)
            rows.append(
                IndicatorValue(
                    indicator=indicator,
                    year=year,
                    value=outcome.value,
                    reason=outcome.reason,
                    numerator=outcome.numerator,
                    denominator=outcome.denominator,
                    base_value=outcome.base_value,
                    inputs=outcome.inputs,
                    status=status,
                    method=method,
                    computed_at=now,
                )
            )
    IndicatorValue.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["indicator", "year"],
        update_fields=[
            "value",
            "reason",
            "numerator",
            "denominator",
            "base_value",
            "inputs",
            "status",
            "method",
            "computed_at",
        ],
    )
    changes = early_warnings.worsened(plan, indicators, years, before, after, stored_base, base_values)
    return len(rows), changes
