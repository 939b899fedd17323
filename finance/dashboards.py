"""This app's parts of the officials' dashboard: the card for claims awaiting review, and the
pledge and industry charts (targets.dashboards)."""

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.review import OPEN
from enterprises.models import Industry, Patent, Trademark
from targets.dashboards.attention import Attention, attention_card
from targets.dashboards.charts import ChartData, record_chart
from targets.models import Plan

from .models import Claim, Pledge


@attention_card(order=20, sources=(Claim,))
def claims_waiting(plan: Plan, year: int) -> Attention:
    return Attention(
        _("claims awaiting review"),
        Claim.objects.filter(state__in=OPEN).count(),
        reverse("finance:claim-list") + "?waiting=true",
    )


@record_chart(order=30)
def pledges_by_bank_and_year(plan: Plan, year: int, top: int = 6) -> ChartData:
    years = list(plan.years)
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


@record_chart(order=40)
def industries_compared(plan: Plan, year: int) -> ChartData:
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
