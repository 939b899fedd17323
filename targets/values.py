"""The stored indicator values as rows for pages, the API, the command line and the reports.

For a year approved (targets.approval) a row's value, inputs and status are the approved ones,
``approved`` is True and ``computed`` is the current computation beside them; otherwise the
row is the stored value and ``computed`` equals it."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from .categories import assess
from .computation import explain
from .models import ApprovedValue, Indicator, IndicatorValue, Plan, Status, YearApproval
from .progress import progress_percent


def as_number(value: Decimal | None) -> int | float | None:
    """A JSON number: whole values as integers."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def row_for(
    indicator: Indicator,
    year: int,
    stored: IndicatorValue | None,
    plan_base: Decimal | None = None,
    approved: ApprovedValue | None = None,
) -> dict:
    """One indicator's value for a year: the approved one when the year is approved (with the
    stored current computation as ``computed``), else the stored one; plan_base is its value in
    the plan's base year."""
    computed = stored.value if stored else None
    computed_status = stored.status if stored else Status.NO_DATA
    if approved is not None:
        stored = approved
    value = stored.value if stored else None
    if stored is None:
        reason = _("Not computed yet: recompute the indicators.")
    elif value is None:
        reason = explain(stored.reason, stored.inputs)
    else:
        reason = ""
    return {
        "code": indicator.code,
        "year": year,
        "name_zh": indicator.name_zh,
        "name_en": indicator.name_en,
        "area": indicator.area,
        "unit": indicator.unit,
        "aggregation": indicator.aggregation,
        "value": value,
        "reason": reason,
        "target": indicator.target,
        "target_upper": indicator.target_upper,
        "direction": indicator.direction,
        "status": stored.status if stored else Status.NO_DATA,
        "status_label": Status(stored.status).label if stored else Status.NO_DATA.label,
        "progress": progress_percent(indicator, value),
        "numerator": stored.numerator if stored else None,
        "denominator": stored.denominator if stored else None,
        "base_value": stored.base_value if stored else None,
        "inputs": stored.inputs if stored else {},
        "method": stored.method if stored else "",
        "computed_at": stored.computed_at if stored else None,
        "indicator": indicator,
        "assessment": assess(indicator, indicator.plan, year, value, plan_base),
        "approved": approved is not None,
        "approved_value": approved,
        "approval": approved.approval if approved is not None else None,
        "computed": computed,
        "computed_status": computed_status,
        "difference": None if computed is None or value is None else computed - value,
    }


def approved_values(
    plan: Plan, years: list[int], indicator: Indicator | None = None
) -> dict[tuple[int, int], ApprovedValue]:
    """(indicator pk, year) → the approved value, for the years that are approved."""
    rows = ApprovedValue.objects.filter(
        approval__plan=plan, approval__year__in=years, approval__withdrawn_at__isnull=True
    ).select_related("approval__approved_by")
    if indicator is not None:
        rows = rows.filter(indicator=indicator)
    return {(row.indicator_id, row.approval.year): row for row in rows}


def approvals_of(plan: Plan, year: int | None = None) -> list[YearApproval]:
    """Every approval of the plan (of a year), active and withdrawn, newest first."""
    rows = YearApproval.objects.filter(plan=plan).select_related("approved_by", "withdrawn_by")
    return list(rows.filter(year=year) if year is not None else rows)


def value_rows(plan: Plan, year: int, area: str | None = None) -> list[dict]:
    """Every indicator's row for the year (approved values when the year is approved): the one
    source of the indicator pages, the API, show_indicators and the annual report."""
    indicators = plan.indicators.all()
    if area:
        indicators = indicators.filter(area=area)
    stored = {v.indicator_id: v for v in IndicatorValue.objects.filter(indicator__plan=plan, year=year)}
    base = dict(
        IndicatorValue.objects.filter(indicator__plan=plan, year=plan.base_year).values_list("indicator_id", "value")
    )
    approved = approved_values(plan, sorted({year, plan.base_year}))
    for (indicator_id, approved_year), row in approved.items():
        if approved_year == plan.base_year:
            base[indicator_id] = row.value
    return [
        row_for(indicator, year, stored.get(indicator.pk), base.get(indicator.pk), approved.get((indicator.pk, year)))
        for indicator in indicators
    ]


def history_rows(indicator: Indicator) -> list[dict]:
    """The indicator's row for each year of its plan (approved values where approved)."""
    plan = indicator.plan
    stored = {v.year: v for v in indicator.values.all()}
    approved = {year: row for (_, year), row in approved_values(plan, plan.years, indicator).items()}
    base_row = approved.get(plan.base_year) or stored.get(plan.base_year)
    base = base_row.value if base_row else None
    return [row_for(indicator, year, stored.get(year), base, approved.get(year)) for year in plan.years]


def json_row(row: dict) -> dict:
    """The fields the CLI's JSON and the API share, with numbers as JSON numbers."""
    return {
        "code": row["code"],
        "year": row["year"],
        "name_zh": row["name_zh"],
        "name_en": row["name_en"],
        "area": row["area"],
        "unit": row["unit"],
        "value": as_number(row["value"]),
        "reason": row["reason"],
        "target": as_number(row["target"]),
        "target_upper": as_number(row["target_upper"]),
        "direction": row["direction"],
        "status": row["status"],
        "numerator": as_number(row["numerator"]),
        "denominator": as_number(row["denominator"]),
        "base_value": as_number(row["base_value"]),
        "method": row["method"],
        # In the portal's time zone (+08:00), as every other timestamp of the API.
        "computed_at": timezone.localtime(row["computed_at"]).isoformat() if row["computed_at"] else None,
        "category": row["assessment"].category,
        "category_ratio": as_number(row["assessment"].ratio),
        "category_method": row["assessment"].method,
        "approved": row["approved"],
        "computed": as_number(row["computed"]),
        "difference": as_number(row["difference"]),
        "approved_at": timezone.localtime(row["approval"].approved_at).isoformat() if row["approval"] else None,
        "approved_by": row["approval"].approved_by.username if row["approval"] else None,
    }
