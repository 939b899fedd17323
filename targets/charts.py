"""A small server-side SVG of an indicator's yearly values against its target path (no script needed)."""

from dataclasses import dataclass
from decimal import Decimal

from ipportal.formatting import indicator_value

from .models import Indicator
from .progress import due_value

WIDTH, HEIGHT, PAD = 560, 220, 40


@dataclass
class Bar:
    x: float
    y: float
    height: float
    width: float
    year: int
    label: str


@dataclass
class Chart:
    bars: list[Bar]
    path: str
    target_y: float
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - PAD


def history_chart(indicator: Indicator, rows: list[dict]) -> Chart:
    plan = indicator.plan
    base = next((row["value"] for row in rows if row["year"] == plan.base_year), None)
    path_values = [(row["year"], due_value(indicator, plan, row["year"], base)) for row in rows]
    values = [row["value"] for row in rows if row["value"] is not None]
    top = max([Decimal(0), indicator.target, *values, *(v for _, v in path_values)]) or Decimal(1)
    span = HEIGHT - 2 * PAD
    slot = (WIDTH - 2 * PAD) / max(1, len(rows))

    def y_of(value: Decimal) -> float:
        return round(HEIGHT - PAD - float(value / top) * span, 1)

    bars = []
    for index, row in enumerate(rows):
        x = PAD + index * slot + slot * 0.2
        value = row["value"]
        y = y_of(value) if value is not None else HEIGHT - PAD
        label = indicator_value(value, indicator.unit)  # in its unit, money in 万元 (ipportal.formatting)
        bars.append(Bar(round(x, 1), y, round(HEIGHT - PAD - y, 1), round(slot * 0.6, 1), row["year"], label))
    points = [f"{round(PAD + i * slot + slot * 0.5, 1)},{y_of(v)}" for i, (_, v) in enumerate(path_values)]
    return Chart(bars=bars, path=" ".join(points), target_y=y_of(indicator.target))
