"""Indicator values computed from the records, by the rules of shared/plan/indicators.md.

Each aggregation kind is written once (annual count or sum, stock at year end, per 10k people,
ratio, growth, cumulative); each indicator's calculator says which records it aggregates and
registers under its code. Counts and sums are done by the database. A value that cannot be
computed is None with a reason code (rendered in the reader's language by `explain`).
"""

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from enterprises.models import GIProduct, Patent, PatentType, Trademark
from finance.models import Pledge, PledgedIPType, PledgedItem

from .models import Plan, YearlyFigure

TEN_THOUSAND = Decimal(10000)
MILLION = Decimal(1_000_000)
HUNDRED = Decimal(100)
HIGH_VALUE_PLEDGE_CNY = Decimal(10_000_000)


@dataclass
class Outcome:
    value: Decimal | None
    reason: str = ""
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    base_value: Decimal | None = None
    inputs: dict = field(default_factory=dict)


@dataclass
class Context:
    """What a calculator may need besides the year: the plan, and reference figures cached per run."""

    plan: Plan
    _figures: dict[int, YearlyFigure | None] = field(default_factory=dict)

    def figures(self, year: int) -> YearlyFigure | None:
        if year not in self._figures:
            self._figures[year] = YearlyFigure.objects.filter(year=year).first()
        return self._figures[year]


Calculator = Callable[[Context, int], Outcome]
CALCULATORS: dict[str, Calculator] = {}

# Extra high-value rules (e.g. awards, added by the finance app): each returns a Q on Patent for year Y.
HIGH_VALUE_RULES: list[Callable[[int], Q]] = []


def calculator(code: str) -> Callable[[Calculator], Calculator]:
    def register(function: Calculator) -> Calculator:
        CALCULATORS[code] = function
        return function

    return register


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def d(number) -> Decimal:
    return number if isinstance(number, Decimal) else Decimal(number)


# --- the aggregation kinds, written once -------------------------------------------------------

_COUNTED_UP_TO: ContextVar[dt.date | None] = ContextVar("indicator_counted_up_to", default=None)


@contextmanager
def counted_up_to(day: dt.date) -> Iterator[None]:
    """Annual counts and sums (and the growth rates built on them) leave out records dated after the day.

    The year-end forecast (targets.forecast) runs the ordinary calculators inside this to get the
    year-to-date value of the current year, and the same stretch of last year."""
    token = _COUNTED_UP_TO.set(day)
    try:
        yield
    finally:
        _COUNTED_UP_TO.reset(token)


def in_year(queryset: QuerySet, date_field: str, year: int) -> QuerySet:
    rows = queryset.filter(**{f"{date_field}__year": year})
    cutoff = _COUNTED_UP_TO.get()
    return rows if cutoff is None else rows.filter(**{f"{date_field}__lte": cutoff})


def annual_count(queryset: QuerySet, date_field: str, year: int, *, distinct: str | None = None) -> int:
    """Records whose date falls in the calendar year (distinct values of a field, if given)."""
    rows = in_year(queryset, date_field, year)
    if distinct:
        return rows.exclude(**{distinct: ""}).aggregate(n=Count(distinct, distinct=True))["n"]
    return rows.count()


def annual_sum(queryset: QuerySet, date_field: str, amount_field: str, year: int) -> Decimal:
    total = in_year(queryset, date_field, year).aggregate(total=Sum(amount_field))["total"]
    return d(total or 0)


def count_outcome(count: int | Decimal, **inputs) -> Outcome:
    return Outcome(value=d(count), inputs=inputs)


def per_10k(ctx: Context, count: int, year: int, **inputs) -> Outcome:
    """A stock divided by the year's resident population, × 10,000."""
    figures = ctx.figures(year)
    population = figures.population if figures else None
    if not population:
        return Outcome(
            None,
            reason="missing_figure",
            numerator=d(count),
            inputs={**inputs, "count": count, "figure": "population", "year": year},
        )
    return Outcome(
        d(count) * TEN_THOUSAND / d(population),
        numerator=d(count),
        denominator=d(population),
        inputs={**inputs, "count": count, "population": population},
    )


def ratio(numerator, denominator, *, scale: Decimal = HUNDRED, missing: dict | None = None, **inputs) -> Outcome:
    """numerator / denominator × scale; None when an input is missing or the denominator is zero."""
    if missing:
        return Outcome(None, reason="missing_figure", inputs={**inputs, **missing})
    if numerator is None or denominator is None:
        return Outcome(None, reason="missing_figure", inputs=inputs)
    if d(denominator) == 0:
        return Outcome(None, reason="zero_denominator", numerator=d(numerator), denominator=d(0), inputs=inputs)
    return Outcome(
        d(numerator) / d(denominator) * scale, numerator=d(numerator), denominator=d(denominator), inputs=inputs
    )


def growth(measure: Callable[[int], Decimal | int], year: int, **inputs) -> Outcome:
    """(value in Y − value in Y−1) / value in Y−1, as a percentage; undefined over a zero base."""
    current, previous = d(measure(year)), d(measure(year - 1))
    inputs = {**inputs, "current": str(current), "previous": str(previous), "previous_year": year - 1}
    if previous == 0:
        return Outcome(None, reason="zero_base", numerator=current, base_value=previous, inputs=inputs)
    return Outcome(
        (current - previous) / previous * HUNDRED,
        numerator=current - previous,
        denominator=previous,
        base_value=previous,
        inputs=inputs,
    )


def cumulative(ctx: Context, measure: Callable[[int], int | Decimal], year: int, **inputs) -> Outcome:
    """The measure summed from the plan's first year to Y inclusive (0 before the plan starts)."""
    years = list(range(ctx.plan.first_year, year + 1))
    total = sum((d(measure(y)) for y in years), Decimal(0))
    return Outcome(total, inputs={**inputs, "from_year": ctx.plan.first_year, "to_year": year})


# --- the records the park's indicators count ----------------------------------------------------


def park_patents() -> QuerySet:
    return Patent.objects.in_park()


def park_trademarks() -> QuerySet:
    return Trademark.objects.in_park()


def park_pledges(ip_type: str | None = None) -> QuerySet:
    pledges = Pledge.objects.filter(enterprise__isnull=False)
    return pledges.filter(ip_type=ip_type) if ip_type else pledges


def high_value_q(year: int) -> Q:
    """The national definition of a high-value invention patent, for patents in force at the end of Y."""
    day = year_end(year)
    pledged = (
        PledgedItem.objects.filter(pledge__ip_type=PledgedIPType.PATENT, pledge__registration_date__lte=day)
        .values("number")
        .annotate(total=Sum("pledge__amount"))
        .filter(total__gte=HIGH_VALUE_PLEDGE_CNY)
        .values("number")
    )
    rule = (
        Q(strategic_emerging=True)
        | Q(overseas_family=True)
        | Q(application_date__lt=dt.date(year - 10, 12, 31))
        | Q(application_number__in=pledged)
    )
    for extra in HIGH_VALUE_RULES:
        rule |= extra(year)
    return rule


# --- the catalogue's calculators --------------------------------------------------------------


@calculator("C1")
def patents_granted(ctx: Context, year: int) -> Outcome:
    return count_outcome(annual_count(park_patents(), "grant_date", year))


@calculator("C2")
def pct_applications(ctx: Context, year: int) -> Outcome:
    return count_outcome(annual_count(park_patents(), "pct_filing_date", year, distinct="pct_number"))


def valid_inventions(year: int) -> QuerySet:
    return park_patents().filter(patent_type=PatentType.INVENTION).in_force_on(year_end(year))


@calculator("C3")
def valid_inventions_per_10k(ctx: Context, year: int) -> Outcome:
    return per_10k(ctx, valid_inventions(year).count(), year)


@calculator("C4")
def high_value_inventions_per_10k(ctx: Context, year: int) -> Outcome:
    return per_10k(ctx, valid_inventions(year).filter(high_value_q(year)).count(), year)


@calculator("C5")
def funding_share(ctx: Context, year: int) -> Outcome:
    figures = ctx.figures(year)
    for name in ("ip_funding", "public_budget"):
        if figures is None or getattr(figures, name) is None:
            return ratio(None, None, missing={"figure": name, "year": year})
    return ratio(figures.ip_funding, figures.public_budget)


def inventions_granted(year: int) -> int:
    return annual_count(park_patents().filter(patent_type=PatentType.INVENTION), "grant_date", year)


@calculator("C6")
def inventions_per_million_rd(ctx: Context, year: int) -> Outcome:
    figures = ctx.figures(year)
    if figures is None or figures.rd_expenditure is None:
        return ratio(None, None, missing={"figure": "rd_expenditure", "year": year})
    granted = inventions_granted(year)
    return ratio(granted, figures.rd_expenditure / MILLION, scale=Decimal(1), count=granted)


@calculator("C7")
def trademarks_registered(ctx: Context, year: int) -> Outcome:
    return count_outcome(annual_count(park_trademarks(), "registration_date", year))


@calculator("C8")
def trademarks_in_force(ctx: Context, year: int) -> Outcome:
    return count_outcome(park_trademarks().in_force_on(year_end(year)).count())


@calculator("C9")
def geographical_indications(ctx: Context, year: int) -> Outcome:
    marks = park_trademarks().filter(geographical_indication=True).in_force_on(year_end(year)).count()
    products = GIProduct.objects.in_force_on(year_end(year)).count()
    return count_outcome(marks + products, gi_trademarks=marks, gi_products=products)


def patent_pledge_count(year: int) -> int:
    return annual_count(park_pledges(PledgedIPType.PATENT), "registration_date", year)


def patent_pledge_amount(year: int) -> Decimal:
    return annual_sum(park_pledges(PledgedIPType.PATENT), "registration_date", "amount", year)


@calculator("U4")
def patent_pledge_growth(ctx: Context, year: int) -> Outcome:
    return growth(patent_pledge_count, year)


@calculator("U5")
def patent_pledge_amount_growth(ctx: Context, year: int) -> Outcome:
    return growth(patent_pledge_amount, year)


@calculator("U6")
def pledge_amount(ctx: Context, year: int) -> Outcome:
    return count_outcome(annual_sum(park_pledges(), "registration_date", "amount", year))


# --- explanations -----------------------------------------------------------------------------

FIGURE_LABELS = {
    "population": lambda: _("resident population"),
    "public_budget": lambda: _("public budget expenditure"),
    "ip_funding": lambda: _("IP work funding"),
    "rd_expenditure": lambda: _("R&D expenditure"),
}


def explain(reason: str, inputs: dict) -> str:
    """The reason a value is missing, in the active language."""
    if reason == "missing_figure":
        label = FIGURE_LABELS.get(inputs.get("figure", ""), lambda: inputs.get("figure", ""))()
        return _("No data: the %(figure)s for %(year)s has not been entered.") % {
            "figure": label,
            "year": inputs.get("year", ""),
        }
    if reason == "zero_base":
        return _("No value: growth over a zero base in %(year)s is undefined.") % {"year": inputs.get("previous_year")}
    if reason == "zero_denominator":
        return _("No value: there is nothing to divide by this year.")
    if reason == "not_reported":
        return _("No data: no official has entered a value for this year yet.")
    if reason == "no_survey":
        return _("No data: no satisfaction survey has been entered for %(year)s.") % {"year": inputs.get("year", "")}
    if reason == "no_calculator":
        return _("No data: the records this indicator is counted from are not kept in the portal yet.")
    return reason


def inventions_per_10k_without(ctx: Context, year: int, excluded: list[int]) -> dict[str, tuple[Outcome, Outcome]]:
    """C3 and C4 for the year as the records stand, and with the given patents lapsed (left out)."""
    valid = valid_inventions(year)
    high_value = valid.filter(high_value_q(year))
    return {
        "C3": (per_10k(ctx, valid.count(), year), per_10k(ctx, valid.exclude(pk__in=excluded).count(), year)),
        "C4": (
            per_10k(ctx, high_value.count(), year),
            per_10k(ctx, high_value.exclude(pk__in=excluded).count(), year),
        ),
    }
