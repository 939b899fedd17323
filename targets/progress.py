"""How an indicator's status for a year is decided (the rule is also shown on the indicators page).

- No value: no data.
- The value meets the target (at least / at most): achieved.
- What is due: the target itself in the target year and for targets that apply every year;
  in earlier years, the point on a straight path from the base-year (2022) value to the target.
- At least what is due: on track. At least 90 % of it: at risk. Less: behind.
  For "at most" targets (e.g. no infringement incidents), anything above the target is behind.
"""

from decimal import Decimal

from .models import Direction, Indicator, Plan, Status

AT_RISK_SHARE = Decimal("0.9")


def due_value(indicator: Indicator, plan: Plan, year: int, base_value: Decimal | None) -> Decimal:
    """What the indicator should have reached by the year to be on course for its target."""
    target = indicator.target
    if indicator.target_every_year or year >= plan.last_year or base_value is None:
        return target
    if year <= plan.base_year:
        return base_value
    share = Decimal(year - plan.base_year) / Decimal(plan.last_year - plan.base_year)
    return base_value + (target - base_value) * share


def status_for(indicator: Indicator, plan: Plan, year: int, value: Decimal | None, base_value: Decimal | None) -> str:
    if value is None:
        return Status.NO_DATA
    if indicator.direction == Direction.AT_MOST:
        return Status.ACHIEVED if value <= indicator.target else Status.BEHIND
    if value >= indicator.target:
        return Status.ACHIEVED
    due = due_value(indicator, plan, year, base_value)
    if value >= due:
        return Status.ON_TRACK
    if due > 0 and value >= due * AT_RISK_SHARE:
        return Status.AT_RISK
    return Status.BEHIND


def progress_percent(indicator: Indicator, value: Decimal | None) -> int:
    """How far the value has come towards the target, 0–100, for progress bars."""
    if value is None:
        return 0
    if indicator.direction == Direction.AT_MOST:
        return 100 if value <= indicator.target else 0
    if indicator.target <= 0:
        return 100
    return int(max(Decimal(0), min(Decimal(100), value / indicator.target * 100)))
