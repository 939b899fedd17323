"""What the dashboards show: the stored indicator values by area, what needs attention, and the
record charts (each a small table of categories × series computed by the database).

The officials' dashboard reads only stored values (IndicatorValue) and a few counts, so it stays
fast on a province-scale database. The record charts aggregate the records; their data is cached
until the next recomputation (which follows every import and record change).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .categories import assess
from .links import records_link
from .models import Area, IndicatorValue, Plan, RecomputeRun, Status
from .progress import due_value, progress_percent

SPARK_W, SPARK_H = 96, 24


@dataclass
class Tile:
    """One indicator on the dashboard: this year's value, target, progress, status and trend."""

    indicator: object
    value: Decimal | None
    status: str
    progress: int
    link: str | None
    trend: list[tuple[int, Decimal | None]]
    assessment: object = None  # the SDG-style progress category (targets.categories)

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
    try:
        year = int(requested or "")
    except ValueError:
        year = timezone.localdate().year
    return min(max(year, plan.first_year), plan.last_year)


def tiles_by_area(plan: Plan, year: int) -> list[tuple[str, str, list[Tile]]]:
    indicators = list(plan.indicators.all())
    values: dict[tuple[int, int], IndicatorValue] = {
        (v.indicator_id, v.year): v for v in IndicatorValue.objects.filter(indicator__plan=plan)
    }
    areas = []
    for code, label in Area.choices:
        tiles = []
        for indicator in indicators:
            if indicator.area != code:
                continue
            stored = values.get((indicator.pk, year))
            value = stored.value if stored else None
            base = values.get((indicator.pk, plan.base_year))
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
                    assessment=assess(indicator, plan, year, value, base.value if base else None),
                )
            )
        areas.append((code, label, tiles))
    return areas


@dataclass
class Attention:
    label: str
    count: int
    url: str


def attention(plan: Plan, year: int, tiles: list[Tile]) -> list[Attention]:
    """Counts of what needs an official's attention, each linking to the list behind it."""
    from django.urls import reverse

    from core.models import ReviewState
    from enterprises.models import Filing, ImportRun
    from finance.models import Claim

    from .supervision import overdue_work_plans

    waiting = (ReviewState.SUBMITTED, ReviewState.UNDER_REVIEW)
    behind = sum(1 for tile in tiles if tile.status == Status.BEHIND)
    return [
        Attention(_("indicators behind"), behind, reverse("targets:indicator-list") + f"?year={year}&status=behind"),
        Attention(
            _("claims awaiting review"),
            Claim.objects.filter(state__in=waiting).count(),
            reverse("finance:claim-list") + "?waiting=true",
        ),
        Attention(
            _("filings awaiting review"),
            Filing.objects.filter(state__in=waiting).count(),
            reverse("enterprises:filing-list") + "?waiting=true",
        ),
        Attention(
            _("failed imports"),
            ImportRun.objects.filter(status=ImportRun.Status.FAILED).count(),
            reverse("enterprises:import-list") + "?status=failed",
        ),
        Attention(_("overdue work plans"), len(overdue_work_plans(plan)), reverse("targets:task-overdue")),
    ]


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


# -- Record charts --------------------------------------------------------------------------------


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


def _park_patents():
    from enterprises.models import Patent

    return Patent.objects.filter(enterprise__isnull=False)


def patents_by_type_and_year(years) -> ChartData:
    from django.urls import reverse

    from enterprises.models import PatentType

    counts = {
        (row["year"], row["patent_type"]): row["n"]
        for row in _park_patents()
        .filter(grant_date__year__in=years)
        .annotate(year=ExtractYear("grant_date"))
        .values("year", "patent_type")
        .annotate(n=Count("id"))
    }
    series = [(label, [counts.get((y, value), 0) for y in years]) for value, label in PatentType.choices]
    links = [f"{reverse('enterprises:patent-list')}?in_park=1&grant_year={y}" for y in years]
    return ChartData(
        "patents",
        gettext_lazy("Park patents granted, by type and year"),
        "stacked",
        list(years),
        series,
        gettext_lazy("patents"),
        links,
    )


def trademarks_by_year(years) -> ChartData:
    from django.urls import reverse

    from enterprises.models import Trademark

    counts = dict(
        Trademark.objects.filter(enterprise__isnull=False, registration_date__year__in=years)
        .annotate(year=ExtractYear("registration_date"))
        .values_list("year")
        .annotate(n=Count("id"))
    )
    links = [f"{reverse('enterprises:trademark-list')}?in_park=1&year={y}" for y in years]
    return ChartData(
        "trademarks",
        gettext_lazy("Park trademarks registered, by year"),
        "bar",
        list(years),
        [(_("trademarks"), [counts.get(y, 0) for y in years])],
        gettext_lazy("trademarks"),
        links,
    )


def pledges_by_bank_and_year(years, top: int = 6) -> ChartData:
    from finance.models import Pledge

    pledges = Pledge.objects.filter(enterprise__isnull=False, registration_date__year__in=years)
    banks = [
        row["pledgee_name"]
        for row in pledges.values("pledgee_name").annotate(total=Sum("amount")).order_by("-total", "pledgee_name")[:top]
    ]
    sums = {
        (row["pledgee_name"], row["year"]): row["total"]
        for row in pledges.annotate(year=ExtractYear("registration_date"))
        .values("pledgee_name", "year")
        .annotate(total=Sum("amount"))
    }
    ten_k = Decimal(10000)
    series = [(bank, [(sums.get((bank, y)) or Decimal(0)) / ten_k for y in years]) for bank in banks]
    others = [
        sum(((total or 0) for (bank, year), total in sums.items() if year == y and bank not in banks), Decimal(0))
        / ten_k
        for y in years
    ]
    if any(others):
        series.append((_("other lenders"), others))
    return ChartData(
        "pledges",
        gettext_lazy("Pledge financing by lender and year (10k yuan)"),
        "stacked",
        list(years),
        series,
        gettext_lazy("10k yuan"),
    )


def industries_compared(year: int) -> ChartData:
    from django.urls import reverse

    from enterprises.models import Industry, Patent, Trademark
    from finance.models import Pledge

    day = dt.date(year, 12, 31)
    patents = dict(
        Patent.objects.filter(enterprise__isnull=False)
        .in_force_on(day)
        .values_list("enterprise__industry")
        .annotate(n=Count("id"))
    )
    trademarks = dict(
        Trademark.objects.filter(enterprise__isnull=False)
        .in_force_on(day)
        .values_list("enterprise__industry")
        .annotate(n=Count("id"))
    )
    pledges = dict(
        Pledge.objects.filter(enterprise__isnull=False, registration_date__year=year)
        .values_list("enterprise__industry")
        .annotate(n=Count("id"))
    )
    industries = list(Industry.choices)
    links = [f"{reverse('enterprises:list')}?industry={value}" for value, _label in industries]
    return ChartData(
        "industries",
        gettext_lazy("The park's industries compared (%(year)s)") % {"year": year},
        "bar",
        [label for _value, label in industries],
        [
            (_("patents in force"), [patents.get(value, 0) for value, _label in industries]),
            (_("trademarks in force"), [trademarks.get(value, 0) for value, _label in industries]),
            (_("pledges in the year"), [pledges.get(value, 0) for value, _label in industries]),
        ],
        "",
        links,
    )


def top_enterprises(year: int, top: int = 10) -> ChartData:
    from enterprises.models import Patent, PatentType

    day = dt.date(year, 12, 31)
    rows = list(
        Patent.objects.filter(enterprise__isnull=False, patent_type=PatentType.INVENTION)
        .in_force_on(day)
        .values("enterprise", "enterprise__name")
        .annotate(n=Count("id"))
        .order_by("-n", "enterprise__name")[:top]
    )
    from django.urls import reverse

    links = [f"{reverse('enterprises:detail', args=[row['enterprise']])}" for row in rows]
    return ChartData(
        "top",
        gettext_lazy("Top enterprises by invention patents in force (%(year)s)") % {"year": year},
        "bar",
        [row["enterprise__name"] for row in rows],
        [(_("invention patents in force"), [row["n"] for row in rows])],
        gettext_lazy("patents"),
        links,
    )


CHARTS = ("patents", "trademarks", "pledges", "industries", "top")


def record_charts(plan: Plan, year: int) -> list[ChartData]:
    """The record charts, cached until the next recomputation (imports and edits trigger one)."""
    from django.utils.translation import get_language

    last = RecomputeRun.objects.order_by("-pk").values_list("pk", flat=True).first()
    key = f"dashboard-charts:{plan.pk}:{year}:{last}:{get_language()}"
    charts = cache.get(key)
    if charts is None:
        years = list(plan.years)
        charts = [
            patents_by_type_and_year(years),
            trademarks_by_year(years),
            pledges_by_bank_and_year(years),
            industries_compared(year),
            top_enterprises(year),
        ]
        cache.set(key, charts, 600)
    return charts


def chart_by_slug(plan: Plan, year: int, slug: str) -> ChartData | None:
    return next((chart for chart in record_charts(plan, year) if chart.slug == slug), None)


def history_chart_data(indicator, rows: list[dict]) -> ChartData:
    """An indicator's yearly values against the straight path from the base year to the target."""
    plan = indicator.plan
    base = next((row["value"] for row in rows if row["year"] == plan.base_year), None)
    years = [row["year"] for row in rows]
    path = [due_value(indicator, plan, year, base) for year in years]
    return ChartData(
        f"history-{indicator.code}",
        indicator.name,
        "history",
        years,
        [(_("value"), [row["value"] for row in rows]), (_("target path"), path)],
        indicator.unit,
    )
