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
from .models import Indicator, IndicatorValue, Plan, RecomputeRun, ReportedValue, ValueChange
from .progress import status_for

logger = logging.getLogger(__name__)

LOCK_ID = 0x1F0A_2023
QUEUED_KEY = "indicators:recompute-queued"
TRIGGER_LENGTH = 200


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
    """Queue behind any other run. And no JIT for this transaction: PostgreSQL compiles a query of
    many conditional aggregates (Context.yearly_figures) for about a second, longer than it runs."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])
            cursor.execute("SET LOCAL jit = off")


def recompute(
    years: list[int] | None = None, *, plan: Plan | None = None, trigger: str = "manual"
) -> RecomputeRun | None:
    """Compute and store the values of the years (default: every year of the plan) in one locked
    transaction. ``trigger`` says what asked for it (an import run, a filing approval, an edit, the
    nightly run …); every stored value it changes keeps its previous one as a ValueChange with
    that trigger. Returns the run, None without a plan; re-raises a failure after recording it."""
    plan = plan or (Plan.objects.for_year(years[0]) if years else Plan.objects.current())
    if plan is None:
        logger.warning("no plan defined; nothing to recompute")
        return None
    years = sorted(set(years or plan.years))
    run = RecomputeRun.objects.create(trigger=trigger[:TRIGGER_LENGTH], years=years)
    queries = 0

    def count_queries(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    started = time.monotonic()
    try:
        with connection.execute_wrapper(count_queries), transaction.atomic():
            _lock()
            written, changes = _compute_and_store(plan, years, run)
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


# SQLite keeps a DecimalField as a double (about 15 significant digits), PostgreSQL exactly (EXACT:
# 16 decimal places): a value read back may differ from the one computed in its last digits.
SAME_VALUE_TOLERANCE = Decimal("1e-12")


def changed(stored: Decimal | None, computed: Decimal | None) -> bool:
    """Whether a recomputed value differs from the stored one by more than the database's rounding
    (relative SAME_VALUE_TOLERANCE, at least that much absolute); None is a value of its own."""
    if stored is None or computed is None:
        return (stored is None) != (computed is None)
    return abs(stored - computed) > SAME_VALUE_TOLERANCE * max(abs(computed), Decimal(1))


HISTORY_FIELDS = ("indicator_id", "year", "value", "numerator", "denominator", "inputs", "status", "computed_at")


def _compute_and_store(plan: Plan, years: list[int], run: RecomputeRun) -> tuple[int, list[dict]]:
    """Write the values and the history of those that changed; return how many values, and what
    got worse (early_warnings.worsened)."""
    ctx = Context(plan=plan, years=tuple(years))
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
    previous = {
        (row["indicator_id"], row["year"]): row
        for row in IndicatorValue.objects.filter(indicator__plan=plan, year__in=years).values(*HISTORY_FIELDS)
    }
    before = {key: (row["value"], row["status"]) for key, row in previous.items()}
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
    ValueChange.objects.bulk_create(
        ValueChange(
            indicator_id=key[0],
            year=key[1],
            value=row["value"],
            numerator=row["numerator"],
            denominator=row["denominator"],
            inputs=row["inputs"],
            status=row["status"],
            computed_at=row["computed_at"],
            new_value=after[key][0],
            changed_at=now,
            run=run,
            trigger=run.trigger,
        )
        for key, row in previous.items()
        if key in after and changed(row["value"], after[key][0])
    )
    changes = early_warnings.worsened(plan, indicators, years, before, after, stored_base, base_values)
    return len(rows), changes
