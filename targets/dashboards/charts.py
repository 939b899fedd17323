"""The record charts (each a small table of categories × series computed by the database) and
an indicator's history chart. The apps whose records are charted register their charts from
their `dashboards` module; the data is cached until the next recomputation (which follows every
import and record change)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ipportal.formatting import chart_unit

from ..models import Plan, RecomputeRun
from ..progress import due_value


@dataclass
class ChartData:
    slug: str
    title: str
    kind: str  # bar | stacked | line
    categories: list  # x axis
    series: list[tuple[str, list]]  # (name, one value per category)
    unit: str = ""
    links: list[str | None] = field(default_factory=list)  # a drill-down URL per category, if any

    def as_json(self) -> dict:
        return {
            "slug": self.slug,
            "title": str(self.title),
            "kind": self.kind,
            "unit": str(self.unit),
            "categories": [str(c) for c in self.categories],
            "series": [
                {"name": str(name), "data": [float(v) if v is not None else None for v in values]}
                for name, values in self.series
            ],
        }

    @property
    def dom_id(self) -> str:
        return f"data-{self.slug}"

    def table_rows(self) -> list[tuple[object, str | None, list]]:
        """The table view's rows: category, its drill-down link (if any), one value per series."""
        return [
            (category, self.links[i] if i < len(self.links) else None, [values[i] for _, values in self.series])
            for i, category in enumerate(self.categories)
        ]

    def rows(self) -> list[list]:
        """The table view: one row per category, one column per series."""
        return [
            [category if isinstance(category, int) else str(category), *(values[i] for _, values in self.series)]
            for i, category in enumerate(self.categories)
        ]


Chart = Callable[[Plan, int], ChartData]
CHARTS: list[tuple[int, Chart]] = []


def record_chart(order: int) -> Callable[[Chart], Chart]:
    """Add a record chart, function (plan, year) -> ChartData, at `order` (smaller first)."""

    def add(chart: Chart) -> Chart:
        CHARTS.append((order, chart))
        CHARTS.sort(key=lambda entry: entry[0])
        return chart

    return add


def record_charts(plan: Plan, year: int) -> list[ChartData]:
    """The record charts, cached until the next recomputation (imports and edits trigger one)."""
    last = RecomputeRun.objects.order_by("-pk").values_list("pk", flat=True).first()
    key = f"dashboard-charts:{plan.pk}:{year}:{last}:{get_language()}"
    charts = cache.get(key)
    if charts is None:
        charts = [chart(plan, year) for _order, chart in CHARTS]
        cache.set(key, charts, 600)
    return charts


def chart_by_slug(plan: Plan, year: int, slug: str) -> ChartData | None:
    return next((chart for chart in record_charts(plan, year) if chart.slug == slug), None)


def history_chart_data(indicator, rows: list[dict]) -> ChartData:
    """An indicator's yearly values against the straight path from the base year to the target,
    scaled and labelled for people (CNY in 万元, the unit in words: ipportal.formatting.chart_unit)."""
    plan = indicator.plan
    base = next((row["value"] for row in rows if row["year"] == plan.base_year), None)
    years = [row["year"] for row in rows]
    divisor, unit = chart_unit(indicator.unit)

    def scaled(value):
        return None if value is None else value / divisor

    path = [scaled(due_value(indicator, plan, year, base)) for year in years]
    return ChartData(
        f"history-{indicator.code}",
        indicator.name,
        "history",
        years,
        [
            (_("%(name)s (%(unit)s)") % {"name": _("value"), "unit": unit}, [scaled(row["value"]) for row in rows]),
            (_("%(name)s (%(unit)s)") % {"name": _("target path"), "unit": unit}, path),
        ],
        unit,
    )
