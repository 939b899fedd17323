"""The stored indicator values as rows for pages, the API and the command line."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from .categories import assess
from .computation import explain
from .models import Indicator, IndicatorValue, Plan, Status
from .progress import progress_percent


def as_number(value: Decimal | None) -> int | float | None:
    """A JSON number: whole values as integers."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def row_for(indicator: Indicator, year: int, stored: IndicatorValue | None, plan_base: Decimal | None = None) -> dict:
    """One indicator's stored value for a year; plan_base is its value in the plan's base year."""
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
    }


def value_rows(plan: Plan, year: int, area: str | None = None) -> list[dict]:
    indicators = plan.indicators.all()
    if area:
        indicators = indicators.filter(area=area)
    stored = {v.indicator_id: v for v in IndicatorValue.objects.filter(indicator__plan=plan, year=year)}
    base = dict(
        IndicatorValue.objects.filter(indicator__plan=plan, year=plan.base_year).values_list("indicator_id", "value")
    )
    return [row_for(indicator, year, stored.get(indicator.pk), base.get(indicator.pk)) for indicator in indicators]


def history_rows(indicator: Indicator) -> list[dict]:
    stored = {v.year: v for v in indicator.values.all()}
    base_stored = stored.get(indicator.plan.base_year)
    base = base_stored.value if base_stored else None
    return [row_for(indicator, year, stored.get(year), base) for year in indicator.plan.years]


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
    }
