"""Year-end forecasts of the annual (flow) indicators: counts and sums by date within the year,
and the growth rates built on them.

The year-to-date value is computed by the indicator's own calculator with the records dated
after the "as of" day left out (computation.counted_up_to), then projected to 31 December:

- by last year's pattern when last year has a total: if by the same day last year X % of last
  year's total had happened, the projection is year-to-date ÷ X %;
- otherwise pro rata by the share of the year elapsed (days so far ÷ days in the year).

For a growth indicator the underlying annual measure (pledge count, amount, turnover) is
projected, and the projected growth is taken against last year's full total (for an average
annual growth, U9 and U10, against the base year's). The margin is the
projection's distance from the target in the indicator's direction: positive is a surplus,
negative a shortfall.
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .computation import CALCULATORS, HUNDRED, Context, Outcome, compound_rate, counted_up_to, d, explain
from .models import Aggregation, Direction, Indicator, Plan
from .values import as_number

FLOW_AGGREGATIONS = (Aggregation.ANNUAL_COUNT, Aggregation.ANNUAL_SUM, Aggregation.GROWTH)

PATTERN = "pattern"
PRO_RATA = "pro_rata"
METHOD_LABELS = {
    PATTERN: _("last year's pattern"),
    PRO_RATA: _("share of the year elapsed"),
}


@dataclass
class Forecast:
    indicator: Indicator
    as_of: dt.date
    to_date: Decimal | None  # the year-to-date value (for growth indicators: of the measure grown)
    previous_to_date: Decimal | None  # the same stretch of last year
    previous_total: Decimal | None  # last year's whole-year total
    share: Decimal | None  # the part of a year's total expected by the day, 0–1
    method: str
    projected_total: Decimal | None  # to_date projected to 31 December
    projected: Decimal | None  # the indicator's projected year-end value (a growth rate for growth indicators)
    reason: str = ""
    measure_unit: str = ""  # the unit of to_date and the totals: the indicator's, or for growth what grows

    @property
    def year(self) -> int:
        return self.as_of.year

    @property
    def target(self) -> Decimal:
        return self.indicator.target

    @property
    def margin(self) -> Decimal | None:
        """Surplus (positive) or shortfall (negative) of the projection against the target."""
        if self.projected is None:
            return None
        if self.indicator.direction == Direction.AT_MOST:
            return self.target - self.projected
        return self.projected - self.target

    @property
    def margin_size(self) -> Decimal | None:
        return None if self.margin is None else abs(self.margin)

    @property
    def share_percent(self) -> Decimal | None:
        return None if self.share is None else self.share * HUNDRED

    @property
    def meets_target(self) -> bool | None:
        return None if self.margin is None else self.margin >= 0

    @property
    def method_label(self) -> str:
        return str(METHOD_LABELS.get(self.method, ""))


def same_day_last_year(day: dt.date) -> dt.date:
    if day.month == 2 and day.day == 29:
        return dt.date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def elapsed_share(day: dt.date) -> Decimal:
    """Days from 1 January to the day inclusive, over the days of its year."""
    days_in_year = 366 if calendar.isleap(day.year) else 365
    return Decimal(day.timetuple().tm_yday) / Decimal(days_in_year)


def is_flow(indicator: Indicator) -> bool:
    return indicator.aggregation in FLOW_AGGREGATIONS and indicator.calculator in CALCULATORS


def _measure(indicator: Indicator, outcome: Outcome) -> Decimal | None:
    """The annual flow a calculator counted: its value, or for a growth rate the current-year measure."""
    if indicator.aggregation == Aggregation.GROWTH:
        current = outcome.inputs.get("current")
        return None if current is None else d(current)
    return outcome.value


def forecast(indicator: Indicator, plan: Plan, as_of: dt.date) -> Forecast:
    """The year-end forecast of one flow indicator, from the records as they stand."""
    calculate = CALCULATORS[indicator.calculator]
    ctx = Context(plan=plan)
    year = as_of.year
    with counted_up_to(as_of):
        now = calculate(ctx, year)
    with counted_up_to(same_day_last_year(as_of)):
        before = calculate(ctx, year - 1)
    last_year = calculate(ctx, year - 1)
    to_date = _measure(indicator, now)
    previous_to_date = _measure(indicator, before)
    previous_total = _measure(indicator, last_year)
    result = Forecast(indicator, as_of, to_date, previous_to_date, previous_total, None, "", None, None)
    result.measure_unit = (
        now.inputs.get("measure_unit", "count") if indicator.aggregation == Aggregation.GROWTH else indicator.unit
    )
    if to_date is None:
        result.reason = explain(now.reason, now.inputs)
        return result
    if previous_total and previous_to_date and previous_total > 0 and previous_to_date > 0:
        result.share, result.method = previous_to_date / previous_total, PATTERN
    else:
        result.share, result.method = elapsed_share(as_of), PRO_RATA
    result.projected_total = to_date / result.share
    if indicator.aggregation != Aggregation.GROWTH:
        result.projected = result.projected_total
    elif "base" in now.inputs:  # average annual growth since the base year (U9, U10)
        base = d(now.inputs["base"])
        if base:
            result.projected = compound_rate(result.projected_total, base, year - now.inputs["base_year"])
        else:
            result.reason = explain("zero_base", now.inputs)
    elif "base_year" in now.inputs:
        result.reason = explain(now.reason, now.inputs)
    elif not previous_total:
        result.reason = explain("zero_base", {"previous_year": year - 1})
    else:
        result.projected = (result.projected_total - previous_total) / previous_total * HUNDRED
    return result


def forecasts(plan: Plan, as_of: dt.date) -> list[Forecast]:
    """Forecasts of every flow indicator of the plan, in the plan's order."""
    return [forecast(indicator, plan, as_of) for indicator in plan.indicators.all() if is_flow(indicator)]


def json_forecast(item: Forecast) -> dict:
    """The fields the API gives for a forecast, numbers as JSON numbers."""

    indicator = item.indicator
    return {
        "code": indicator.code,
        "name_zh": indicator.name_zh,
        "name_en": indicator.name_en,
        "unit": indicator.unit,
        "aggregation": indicator.aggregation,
        "direction": indicator.direction,
        "as_of": item.as_of,
        "year": item.year,
        "to_date": as_number(item.to_date),
        "previous_to_date": as_number(item.previous_to_date),
        "previous_total": as_number(item.previous_total),
        "measure_unit": item.measure_unit,
        "share": as_number(item.share),
        "method": item.method,
        "projected_total": as_number(item.projected_total),
        "projected": as_number(item.projected),
        "target": as_number(item.target),
        "margin": as_number(item.margin),
        "meets_target": item.meets_target,
        "reason": item.reason,
    }
