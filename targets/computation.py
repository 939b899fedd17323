"""The indicator engine: values computed from the records, by the rules of shared/plan/indicators.md.

This module knows no record model. Each app's `indicators` module registers the calculators of
the indicators counted from its records (`@calculator("C1")`: C-series and M1–M4 in enterprises,
U-series and M6 in finance, P3 and M5 in training, P1 and P2 in enforcement). Each aggregation kind is written once (annual count or sum, stock at year end, per 10k people,
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

from django.db.models import Aggregate, Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from .models import Plan, YearlyFigure

TEN_THOUSAND = Decimal(10000)
MILLION = Decimal(1_000_000)
HUNDRED = Decimal(100)


@dataclass
class Outcome:
    value: Decimal | None
    reason: str = ""
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    base_value: Decimal | None = None
    inputs: dict = field(default_factory=dict)


# A measure of a source table for one year: an aggregate whose filter says which rows count
# (Count("pk", filter=Q(...))), for Context.yearly_figures.
Measure = Callable[[int], Aggregate]


@dataclass
class Context:
    """What a calculator may need besides the year: the plan, reference figures cached per run, and
    the yearly figures of a source table counted for all the run's ``years`` at once."""

    plan: Plan
    years: tuple[int, ...] = ()
    _figures: dict[int, YearlyFigure | None] = field(default_factory=dict)
    _counted: dict[tuple, dict[int, dict[str, int | Decimal | None]]] = field(default_factory=dict)

    def figures(self, year: int) -> YearlyFigure | None:
        if year not in self._figures:
            self._figures[year] = YearlyFigure.objects.filter(year=year).first()
        return self._figures[year]

    def yearly_figures(
        self, key: str, queryset: QuerySet, measures: dict[str, Measure], year: int, *, dated: str = ""
    ) -> dict:
        """{measure name: its aggregate over the queryset for the year}.

        The first call for a key (a name for the queryset and its measures: the same key must
        always come with the same ones) computes every measure for the year and all the context's
        ``years`` still missing in one query of conditional aggregates (FILTER), so a recomputation
        reads each large source table once, not once per indicator and year. The cut-off day of
        counted_up_to in force at the call is part of the key. ``dated`` names a date field that
        every measure counts by: the query then reads only the rows dated in those years (by the
        field's index, if it has one)."""
        cache = self._counted.setdefault((key, _COUNTED_UP_TO.get()), {})
        if year not in cache:
            missing = sorted({year, *self.years} - cache.keys())
            if dated:
                span = {f"{dated}__gte": dt.date(missing[0], 1, 1), f"{dated}__lte": year_end(missing[-1])}
                queryset = queryset.filter(**span)
            row = queryset.aggregate(
                **{f"{name}_{y}": measure(y) for y in missing for name, measure in measures.items()}
            )
            for y in missing:
                cache[y] = {name: row[f"{name}_{y}"] for name in measures}
        return cache[year]


Calculator = Callable[[Context, int], Outcome]
CALCULATORS: dict[str, Calculator] = {}


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


def in_year_q(date_field: str, year: int) -> Q:
    """Records whose date falls in the calendar year (and not after the counted_up_to day)."""
    rule = Q(**{f"{date_field}__year": year})
    cutoff = _COUNTED_UP_TO.get()
    return rule if cutoff is None else rule & Q(**{f"{date_field}__lte": cutoff})


def in_year(queryset: QuerySet, date_field: str, year: int) -> QuerySet:
    return queryset.filter(in_year_q(date_field, year))


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


def growth(measure: Callable[[int], Decimal | int], year: int, measure_unit: str = "count", **inputs) -> Outcome:
    """(value in Y − value in Y−1) / value in Y−1, as a percentage; undefined over a zero base.

    measure_unit is the unit of what grows ("count", or "cny" for amounts): pages show the
    amounts compared in it (ipportal.formatting), kept in the inputs as "measure_unit"."""
    current, previous = d(measure(year)), d(measure(year - 1))
    inputs = {
        **inputs,
        "current": str(current),
        "previous": str(previous),
        "previous_year": year - 1,
        "measure_unit": measure_unit,
    }
    if previous == 0:
        return Outcome(None, reason="zero_base", numerator=current, base_value=previous, inputs=inputs)
    return Outcome(
        (current - previous) / previous * HUNDRED,
        numerator=current - previous,
        denominator=previous,
        base_value=previous,
        inputs=inputs,
    )


def average_growth(
    ctx: Context, measure: Callable[[int], Decimal | int], year: int, measure_unit: str = "count", **inputs
) -> Outcome:
    """Average annual growth since the base year (the year before the plan), as a percentage:
    ((value in Y ÷ value in the base year) ^ (1 ÷ (Y − base)) − 1) × 100 — the plan's "年均增长".

    Undefined in and before the base year, and over a zero base. measure_unit as for growth()."""
    base_year = ctx.plan.first_year - 1
    current = d(measure(year))
    inputs = {
        **inputs,
        "current": str(current),
        "base_year": base_year,
        "previous_year": base_year,
        "measure_unit": measure_unit,
    }
    if year <= base_year:
        return Outcome(None, reason="base_year", inputs=inputs)
    base = d(measure(base_year))
    inputs["base"] = str(base)
    if base == 0:
        return Outcome(None, reason="zero_base", numerator=current, base_value=base, inputs=inputs)
    return Outcome(
        compound_rate(current, base, year - base_year),
        numerator=current,
        denominator=base,
        base_value=base,
        inputs=inputs,
    )


def compound_rate(current: Decimal, base: Decimal, years: int) -> Decimal:
    """((current ÷ base) ^ (1 ÷ years) − 1) × 100; the base is not zero."""
    return ((current / base) ** (Decimal(1) / Decimal(years)) - 1) * HUNDRED


def cumulative(ctx: Context, measure: Callable[[int], int | Decimal], year: int, **inputs) -> Outcome:
    """The measure summed from the plan's first year to Y inclusive (0 before the plan starts)."""
    years = list(range(ctx.plan.first_year, year + 1))
    total = sum((d(measure(y)) for y in years), Decimal(0))
    return Outcome(total, inputs={**inputs, "from_year": ctx.plan.first_year, "to_year": year})


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
    if reason == "base_year":
        return _("No value: %(year)s is the base year of the average annual growth.") % {
            "year": inputs.get("base_year", "")
        }
    if reason == "zero_denominator":
        return _("No value: there is nothing to divide by this year.")
    if reason == "not_reported":
        return _("No data: no official has entered a value for this year yet.")
    if reason == "no_survey":
        return _("No data: no satisfaction survey has been entered for %(year)s.") % {"year": inputs.get("year", "")}
    if reason == "not_computed":
        return _("Not computed yet: recompute the indicators.")
    if reason == "no_calculator":
        return _("No data: the records this indicator is counted from are not kept in the portal yet.")
    return reason
