"""The dashboard's indicator tiles (stored values by area, with progress and trend) and the plan's calendar.

The tiles read only stored values (IndicatorValue), so the page stays fast on a province-scale database.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from ..links import records_link
from ..models import Area, IndicatorValue, Plan, Status
from ..progress import progress_percent
from ..values import approved_values

SPARK_W, SPARK_H = 96, 24


@dataclass
class Tile:
    """One indicator on the dashboard: this year's value, target, progress, status and trend.

    The status (targets.progress) is the one status a tile shows; the pace since the base year
    (targets.categories) and the year-end forecast explain it on the indicator's page.
    """

    indicator: object
    value: Decimal | None
    status: str
    progress: int
    link: str | None
    trend: list[tuple[int, Decimal | None]]
    approved: bool = False  # the year is approved: value and status are the approved ones

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def sparkline(self) -> str:
        """SVG polyline points of the yearly values (server-side, no script)."""
        known = [(year, value) for year, value in self.trend if value is not None]
        if len(known) < 2:
            return ""
        values = [float(v) for _, v in known]
        low, high = min(values), max(values)
        span = (high - low) or 1.0
        years = [year for year, _ in self.trend]
        step = SPARK_W / max(1, len(years) - 1)
        points = []
        for year, value in known:
            x = round(years.index(year) * step, 1)
            y = round(SPARK_H - 2 - (float(value) - low) / span * (SPARK_H - 4), 1)
            points.append(f"{x},{y}")
        return " ".join(points)


def dashboard_year(plan: Plan, requested: str | None) -> int:
    """The year asked for, else the plan's reporting year; within the plan's years."""
    try:
        year = int(requested or "")
    except ValueError:
        year = plan.reporting_day().year
    return min(max(year, plan.first_year), plan.last_year)


def tiles_by_area(plan: Plan, year: int) -> list[tuple[str, str, list[Tile]]]:
    indicators = list(plan.indicators.all())
    values: dict[tuple[int, int], IndicatorValue] = {
        (v.indicator_id, v.year): v for v in IndicatorValue.objects.filter(indicator__plan=plan)
    }
    approved = approved_values(plan, plan.years)  # approved years show their approved values
    values.update(approved)
    areas = []
    for code, label in Area.choices:
        tiles = []
        for indicator in indicators:
            if indicator.area != code:
                continue
            stored = values.get((indicator.pk, year))
            value = stored.value if stored else None
            tiles.append(
                Tile(
                    indicator=indicator,
                    value=value,
                    status=stored.status if stored else Status.NO_DATA,
                    progress=progress_percent(indicator, value),
                    link=records_link(indicator, year),
                    trend=[
                        (y, values[(indicator.pk, y)].value if (indicator.pk, y) in values else None)
                        for y in plan.years
                    ],
                    approved=(indicator.pk, year) in approved,
                )
            )
        areas.append((code, label, tiles))
    return areas


@dataclass
class Milestone:
    date: dt.date
    label: str
    done: bool


def timeline(plan: Plan) -> list[Milestone]:
    """The plan's calendar: start, each year's work plan (due at the previous year end) and assessment, end."""
    today = timezone.localdate()
    items = [Milestone(dt.date(plan.first_year, 1, 1), _("plan starts"), True)]
    for year in plan.years:
        if year <= plan.base_year:
            continue
        items.append(Milestone(dt.date(year - 1, 12, 31), _("work plan for %(year)s due") % {"year": year}, False))
        items.append(Milestone(dt.date(year, 12, 31), _("assessment of %(year)s") % {"year": year}, False))
    items.append(Milestone(dt.date(plan.last_year, 12, 31), _("plan ends: 2025 targets due"), False))
    for item in items:
        item.done = item.date <= today
    return sorted({(m.date, m.label): m for m in items}.values(), key=lambda m: (m.date, m.label))
