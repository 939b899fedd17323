"""U1–U11 and M6 from the finance app's records; the high-value rules 4 (pledges of 10 million
yuan or more) and 5 (awards) that C4 adds to enterprises' rules (shared/plan/indicators.md)."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from enterprises.indicators import HIGH_VALUE_RULES, declared_note
from targets.computation import (
    Context,
    Measure,
    Outcome,
    annual_count,
    annual_sum,
    average_growth,
    calculator,
    count_outcome,
    cumulative,
    d,
    growth,
    in_year_q,
    ratio,
    year_end,
)

from .models import (
    Award,
    IPTransaction,
    MajorProject,
    NavigationProject,
    OperationPlatform,
    Pledge,
    PledgedIPType,
    PledgedItem,
    ServiceInstitution,
    TechContract,
)

HIGH_VALUE_PLEDGE_CNY = Decimal(10_000_000)


def pledged_patents(year: int) -> Q:
    """High-value rule 4: pledges of the patent registered by the year end total 10 million yuan or more."""
    pledged = (
        PledgedItem.objects.filter(pledge__ip_type=PledgedIPType.PATENT, pledge__registration_date__lte=year_end(year))
        .values("number")
        .annotate(total=Sum("pledge__amount"))
        .filter(total__gte=HIGH_VALUE_PLEDGE_CNY)
        .values("number")
    )
    return Q(application_number__in=pledged)


def awarded_patents(year: int) -> Q:
    """High-value rule 5: the patent won a China Patent Award or a national S&T award by the year end."""
    kinds = [*Award.CHINA_PATENT_AWARDS, Award.Kind.NATIONAL_ST]
    won = Award.objects.filter(kind__in=kinds, award_date__lte=year_end(year), patent__isnull=False)
    return Q(pk__in=won.values("patent"))


HIGH_VALUE_RULES.extend((pledged_patents, awarded_patents))


def park_pledges(ip_type: str | None = None, pledges: QuerySet | None = None) -> QuerySet:
    """Park pledges the indicators count: confirmed by an import or an official (not only declared)."""
    pledges = Pledge.objects.counted() if pledges is None else pledges
    return pledges.filter(ip_type=ip_type) if ip_type else pledges


def _registered_in(year: int, ip_type: str | None = None) -> Q:
    rule = in_year_q("registration_date", year)
    return rule & Q(ip_type=ip_type) if ip_type else rule


# What U4, U5 and U6 count and sum of the pledges registered in a year (by registration date),
# for every year of a recomputation in one query (Context.yearly_figures).
PLEDGE_MEASURES: dict[str, Measure] = {
    "patent_count": lambda year: Count("pk", filter=_registered_in(year, PledgedIPType.PATENT)),
    "patent_amount": lambda year: Sum("amount", filter=_registered_in(year, PledgedIPType.PATENT)),
    "count": lambda year: Count("pk", filter=_registered_in(year)),
    "amount": lambda year: Sum("amount", filter=_registered_in(year)),
}


def pledge_figures(ctx: Context, year: int) -> tuple[dict, dict]:
    """PLEDGE_MEASURES for the year over the counted park pledges, and over those only declared
    (a sum over no pledge is None)."""
    return (
        ctx.yearly_figures("pledges", park_pledges(), PLEDGE_MEASURES, year, dated="registration_date"),
        ctx.yearly_figures(
            "pledges:declared", Pledge.objects.declared(), PLEDGE_MEASURES, year, dated="registration_date"
        ),
    )


def _counted(ctx: Context, name: str) -> Callable[[int], Decimal]:
    """The measure of the counted park pledges as a function of the year (0 for nothing)."""
    return lambda year: d(pledge_figures(ctx, year)[0][name] or 0)


@calculator("U4")
def patent_pledge_growth(ctx: Context, year: int) -> Outcome:
    declared = declared_note(pledge_figures(ctx, year)[1], "patent_count")
    return growth(_counted(ctx, "patent_count"), year, **declared)


@calculator("U5")
def patent_pledge_amount_growth(ctx: Context, year: int) -> Outcome:
    declared = declared_note(pledge_figures(ctx, year)[1], "patent_count")
    return growth(_counted(ctx, "patent_amount"), year, measure_unit="cny", **declared)


@calculator("U6")
def pledge_amount(ctx: Context, year: int) -> Outcome:
    declared = declared_note(pledge_figures(ctx, year)[1], "count")
    return count_outcome(_counted(ctx, "amount")(year), **declared)


def open_at(queryset, opened: str, closed: str, day: dt.date):
    return queryset.filter(**{f"{opened}__lte": day}).filter(
        Q(**{f"{closed}__isnull": True}) | Q(**{f"{closed}__gt": day})
    )


@calculator("U1")
def review_coverage(ctx: Context, year: int) -> Outcome:
    projects = MajorProject.objects.filter(project_date__year=year)
    reviewed = projects.filter(ip_review=True).count()
    return ratio(reviewed, projects.count(), reviewed=reviewed)


@calculator("U2")
def operation_platforms(ctx: Context, year: int) -> Outcome:
    return count_outcome(open_at(OperationPlatform.objects.all(), "opened_date", "closed_date", year_end(year)).count())


@calculator("U3")
def institutions_with_office(ctx: Context, year: int) -> Outcome:
    day = year_end(year)
    return count_outcome(open_at(ServiceInstitution.objects.all(), "office_opened", "office_closed", day).count())


def park_awards():
    """Awards won by park enterprises; an award with no enterprise counts nowhere."""
    return Award.objects.filter(enterprise__isnull=False)


@calculator("U7")
def china_patent_awards(ctx: Context, year: int) -> Outcome:
    awards = park_awards().filter(kind__in=Award.CHINA_PATENT_AWARDS)
    return cumulative(ctx, lambda y: annual_count(awards, "award_date", y), year)


@calculator("U8")
def hubei_patent_awards(ctx: Context, year: int) -> Outcome:
    awards = park_awards().filter(kind=Award.Kind.HUBEI)
    return cumulative(ctx, lambda y: annual_count(awards, "award_date", y), year)


def park_transaction_amount(year: int) -> Decimal:
    """IP transactions with a park enterprise as a party, summed by contract date."""
    return annual_sum(IPTransaction.objects.filter(enterprise__isnull=False), "contract_date", "amount", year)


def park_contract_turnover(year: int) -> Decimal:
    """Technology contracts with a park enterprise as a party, summed by registration date."""
    return annual_sum(TechContract.objects.filter(enterprise__isnull=False), "registration_date", "turnover", year)


@calculator("U9")
def transaction_growth(ctx: Context, year: int) -> Outcome:
    """年均增长: average annual growth since the base year (U4/U5 are year-on-year)."""
    return average_growth(ctx, park_transaction_amount, year, measure_unit="cny")


@calculator("U10")
def contract_growth(ctx: Context, year: int) -> Outcome:
    return average_growth(ctx, park_contract_turnover, year, measure_unit="cny")


@calculator("U11")
def enterprise_navigation(ctx: Context, year: int) -> Outcome:
    projects = NavigationProject.objects.filter(kind=NavigationProject.Kind.ENTERPRISE)
    return count_outcome(annual_count(projects, "start_date", year))


@calculator("M6")
def institutions_introduced(ctx: Context, year: int) -> Outcome:
    introduced = ServiceInstitution.objects.filter(introduced_date__isnull=False)
    return cumulative(ctx, lambda y: annual_count(introduced, "introduced_date", y), year)
