"""This app's parts of the officials' dashboard: cards for filings and failed imports, and the
patent, trademark and top-enterprise charts (targets.dashboards)."""

import datetime as dt

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.review import OPEN
from targets.dashboards.attention import Attention, attention_card
from targets.dashboards.charts import ChartData, record_chart
from targets.models import Plan

from .models import Filing, ImportRun, Patent, PatentType, Trademark


@attention_card(order=30, sources=(Filing,))
def filings_waiting(plan: Plan, year: int) -> Attention:
    return Attention(
        _("filings awaiting review"),
        Filing.objects.filter(state__in=OPEN).count(),
        reverse("enterprises:filing-list") + "?waiting=true",
    )


@attention_card(order=40, sources=(ImportRun,))
def failed_imports(plan: Plan, year: int) -> Attention:
    return Attention(
        _("failed imports"),
        ImportRun.objects.filter(status=ImportRun.Status.FAILED).count(),
        reverse("enterprises:import-list") + "?status=failed",
    )


def _park_patents():
    return Patent.objects.filter(enterprise__isnull=False)


@record_chart(order=10)
def patents_by_type_and_year(plan: Plan, year: int) -> ChartData:
    years = list(plan.years)

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


@record_chart(order=20)
def trademarks_by_year(plan: Plan, year: int) -> ChartData:
    years = list(plan.years)

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


@record_chart(order=50)
def top_enterprises(plan: Plan, year: int, top: int = 10) -> ChartData:
    day = dt.date(year, 12, 31)
    rows = list(
        Patent.objects.filter(enterprise__isnull=False, patent_type=PatentType.INVENTION)
        .in_force_on(day)
        .values("enterprise", "enterprise__name")
        .annotate(n=Count("id"))
        .order_by("-n", "enterprise__name")[:top]
    )
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
