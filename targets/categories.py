"""Progress categories over the plan, after the UN SDG progress methodology (the rule is shown
on the indicator pages).

The observed progress since the base year is compared with the progress needed to reach the
target by the target year, as a ratio:

- compound (counts, amounts, per-10k figures): observed compound annual growth
  (value ÷ base)^(1 ÷ years elapsed) − 1, over the needed one (target ÷ base)^(1 ÷ plan years) − 1;
- linear (percentages, which are bounded at 100 or, for growth rates, may be negative; and any
  indicator whose base, value or target is zero or less, where compound growth is undefined):
  observed change per year (value − base) ÷ years elapsed, over the needed one
  (target − base) ÷ plan years.

Target achieved when the value meets the target (in its direction); otherwise by the ratio:
sufficient pace (code on_track) at 95 % or more, acceleration needed from 60 % to 95 %, limited progress from 0 to
60 %, deterioration below 0 (moving away from the target). When the base already met the target
and the value no longer does, nothing was needed and the move is a deterioration. For "at most"
targets the needed change is a fall, so a fall counts as progress. No value, no base-year value,
or the base year itself: insufficient data.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Direction, Indicator, Plan, Unit

ON_TRACK_RATIO = Decimal("0.95")
ACCELERATION_RATIO = Decimal("0.6")

COMPOUND = "compound"
LINEAR = "linear"


class Category(models.TextChoices):
    ACHIEVED = "target_achieved", _("target achieved")
    # Worded apart from the status's "on track" (targets.progress): one word, one meaning on a page.
    ON_TRACK = "on_track", _("sufficient pace")
    ACCELERATION_NEEDED = "acceleration_needed", _("acceleration needed")
    LIMITED_PROGRESS = "limited_progress", _("limited progress")
    DETERIORATION = "deterioration", _("deterioration")
    INSUFFICIENT_DATA = "insufficient_data", _("insufficient data")


@dataclass(frozen=True)
class Assessment:
    category: str
    ratio: Decimal | None = None  # observed ÷ needed progress
    method: str = ""  # compound or linear

    @property
    def label(self) -> str:
        return str(Category(self.category).label)


def meets_target(indicator: Indicator, value: Decimal) -> bool:
    if indicator.direction == Direction.AT_MOST:
        return value <= indicator.target
    return value >= indicator.target


def _compound_rate(end: Decimal, start: Decimal, years: int) -> Decimal:
    return (end / start) ** (Decimal(1) / Decimal(years)) - 1


def assess(
    indicator: Indicator, plan: Plan, year: int, value: Decimal | None, base_value: Decimal | None
) -> Assessment:
    """The progress category of an indicator's value for a year, given its base-year value."""
    if value is None:
        return Assessment(Category.INSUFFICIENT_DATA)
    if meets_target(indicator, value):
        return Assessment(Category.ACHIEVED)
    elapsed, span = year - plan.base_year, plan.last_year - plan.base_year
    if base_value is None or elapsed <= 0 or span <= 0:
        return Assessment(Category.INSUFFICIENT_DATA)
    target = indicator.target
    linear = indicator.unit == Unit.PERCENT or min(base_value, value, target) <= 0
    method = LINEAR if linear else COMPOUND
    if linear:  # the per-year changes, each multiplied by elapsed × span so the ratio stays exact
        observed = (value - base_value) * span
        needed = (target - base_value) * elapsed
    else:
        try:
            observed = _compound_rate(value, base_value, elapsed)
            needed = _compound_rate(target, base_value, span)
        except (InvalidOperation, ZeroDivisionError):  # pragma: no cover - guarded by the positivity test
            return Assessment(Category.INSUFFICIENT_DATA)
    wanted_sign = -1 if indicator.direction == Direction.AT_MOST else 1
    if needed == 0 or (needed > 0) != (wanted_sign > 0):
        # The base already met the target and the value has moved off it.
        return Assessment(Category.DETERIORATION, None, method)
    ratio = observed / needed
    if ratio >= ON_TRACK_RATIO:
        category = Category.ON_TRACK
    elif ratio >= ACCELERATION_RATIO:
        category = Category.ACCELERATION_NEEDED
    elif ratio >= 0:
        category = Category.LIMITED_PROGRESS
    else:
        category = Category.DETERIORATION
    return Assessment(category, ratio, method)
