"""The patent and trademark indicators counted for all years in one query (Context.yearly_figures)
give exactly what the earlier per-indicator, per-year queries gave, on varied records with the
edges of indicators.md: dates on 31 December and 1 January, lapsed with and without a lapse date,
pending and rejected applications, invalidated marks, records outside the park and records only a
filing declares.

The reference functions below are the calculators as they were before the counting was batched,
kept here verbatim (with the in-force rules written out) so that the comparison stays honest."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.db.models import Count, Q, QuerySet, Sum

from enterprises.indicators import high_value_q
from enterprises.models import GIProduct, Patent, PatentType, Trademark
from finance.models import Award, Pledge
from targets.computation import (
    CALCULATORS,
    Context,
    count_outcome,
    counted_up_to,
    d,
    growth,
    per_10k,
    ratio,
    year_end,
)
from targets.models import IndicatorValue, Plan, YearlyFigure
from targets.recompute import changed, recompute

from .records import patent, pledge, trademark

pytestmark = pytest.mark.django_db

D = dt.date
YEARS = (2022, 2023, 2024, 2025)
MILLION = Decimal(1_000_000)


# --- the calculators before batching ----------------------------------------------------------


def old_in_year(queryset: QuerySet, field: str, year: int, cutoff: dt.date | None) -> QuerySet:
    rows = queryset.filter(**{f"{field}__year": year})
    return rows if cutoff is None else rows.filter(**{f"{field}__lte": cutoff})


def old_patent_in_force(queryset: QuerySet, day: dt.date) -> QuerySet:
    return queryset.filter(grant_date__lte=day).filter(
        Q(legal_status="valid") | Q(legal_status="lapsed", lapse_date__gt=day)
    )


def old_trademark_in_force(queryset: QuerySet, day: dt.date) -> QuerySet:
    return queryset.filter(registration_date__lte=day, expiry_date__gte=day).filter(
        Q(status="valid") | Q(status__in=("invalid", "cancelled"), invalid_date__gt=day)
    )


def old_declared(measure, model) -> dict:
    n = measure(model.objects.declared())
    return {"declared": n} if n else {}


def old_lapse_unknown(year: int) -> dict:
    n = (
        Patent.objects.counted()
        .filter(patent_type=PatentType.INVENTION, legal_status="lapsed", lapse_date__isnull=True)
        .filter(grant_date__lte=year_end(year))
        .count()
    )
    return {"lapse_date_unknown": n} if n else {}


def old_valid_inventions(year: int, patents: QuerySet) -> QuerySet:
    return old_patent_in_force(patents.filter(patent_type=PatentType.INVENTION), year_end(year))


def old_outcomes(ctx: Context, year: int, cutoff: dt.date | None = None) -> dict:
    def granted(patents):
        return old_in_year(patents, "grant_date", year, cutoff).count()

    def pct_filed(patents):
        rows = old_in_year(patents, "pct_filing_date", year, cutoff).exclude(pct_number="")
        return rows.aggregate(n=Count("pct_number", distinct=True))["n"]

    def valid(patents):
        return old_valid_inventions(year, patents).count()

    def high_value(patents):
        return old_valid_inventions(year, patents).filter(high_value_q(year)).count()

    def inventions_granted(patents):
        return old_in_year(patents.filter(patent_type=PatentType.INVENTION), "grant_date", year, cutoff).count()

    def registered(marks):
        return old_in_year(marks, "registration_date", year, cutoff).count()

    def in_force(marks):
        return old_trademark_in_force(marks, year_end(year)).count()

    def patent_pledges(y, pledges=None):
        pledges = Pledge.objects.counted() if pledges is None else pledges
        return old_in_year(pledges.filter(ip_type="patent"), "registration_date", y, cutoff)

    def pledge_sum(pledges, y):
        return d(old_in_year(pledges, "registration_date", y, cutoff).aggregate(total=Sum("amount"))["total"] or 0)

    def pledge_count(y):
        return patent_pledges(y).count()

    def pledge_amount(y):
        return pledge_sum(Pledge.objects.counted().filter(ip_type="patent"), y)

    def declared_pledges(pledges):
        return patent_pledges(year, pledges).count()

    def declared_all_pledges(pledges):
        return old_in_year(pledges, "registration_date", year, cutoff).count()

    patents, marks = Patent.objects.counted(), Trademark.objects.counted()
    figures = ctx.figures(year)
    c6 = ratio(None, None, missing={"figure": "rd_expenditure", "year": year})
    if figures is not None and figures.rd_expenditure is not None:
        n = inventions_granted(patents)
        c6 = ratio(
            n, figures.rd_expenditure / MILLION, scale=Decimal(1), count=n, **old_declared(inventions_granted, Patent)
        )
    gi_marks = old_trademark_in_force(marks.filter(geographical_indication=True), year_end(year)).count()
    gi_products = GIProduct.objects.in_force_on(year_end(year)).count()
    return {
        "C1": count_outcome(granted(patents), **old_declared(granted, Patent)),
        "C2": count_outcome(pct_filed(patents), **old_declared(pct_filed, Patent)),
        "C3": per_10k(ctx, valid(patents), year, **old_declared(valid, Patent), **old_lapse_unknown(year)),
        "C4": per_10k(ctx, high_value(patents), year, **old_declared(high_value, Patent), **old_lapse_unknown(year)),
        "C6": c6,
        "C7": count_outcome(registered(marks), **old_declared(registered, Trademark)),
        "C8": count_outcome(in_force(marks), **old_declared(in_force, Trademark)),
        "C9": count_outcome(gi_marks + gi_products, gi_trademarks=gi_marks, gi_products=gi_products),
        "U4": growth(pledge_count, year, **old_declared(declared_pledges, Pledge)),
        "U5": growth(pledge_amount, year, measure_unit="cny", **old_declared(declared_pledges, Pledge)),
        "U6": count_outcome(pledge_sum(Pledge.objects.counted(), year), **old_declared(declared_all_pledges, Pledge)),
    }


# --- varied records ---------------------------------------------------------------------------

EDGE_DAYS = [D(y, m, d) for y in range(2011, 2027) for m, d in ((1, 1), (12, 30), (12, 31), (6, 15))]


def varied_records(enterprise_a, enterprise_b, seed: int) -> None:
    rng = random.Random(seed)

    def some_day():
        return rng.choice(EDGE_DAYS)

    numbers = []
    for _ in range(160):
        status = rng.choice(["valid", "valid", "lapsed", "lapsed", "pending", "rejected"])
        granted = None if status in ("pending", "rejected") else some_day()
        lapsed = rng.choice([None, some_day()]) if status == "lapsed" else None
        pct = rng.random() < 0.2
        record = patent(
            rng.choice([enterprise_a, enterprise_b, None]),
            type_digit=rng.choice("12389"),
            granted=granted,
            status=status,
            lapsed=lapsed,
            applied=rng.choice([D(2013, 12, 30), D(2013, 12, 31), D(2014, 12, 30), D(2020, 1, 1), some_day()]),
            strategic_emerging=rng.random() < 0.15,
            overseas_family=rng.random() < 0.1,
            pct_number=f"PCT/CN2024/{rng.randint(1, 5):06d}" if pct else "",
            pct_filing_date=some_day() if pct else None,
            reconciled=rng.random() < 0.8,
        )
        numbers.append(record.application_number)
    for _ in range(40):  # pledges summing to 1000 万元 (rule 4) in some years, not in others
        record = pledge(
            rng.choice([enterprise_a, enterprise_b, None]),
            some_day(),
            rng.choice([300, 500, 700, 1000]),
            numbers=rng.sample(numbers, rng.randint(1, 3)),
            ip_type=rng.choice(["patent", "patent", "trademark"]),
        )
        if rng.random() < 0.2:
            Pledge.objects.filter(pk=record.pk).update(reconciled=False)
    for record in rng.sample(list(Patent.objects.all()), 8):  # rule 5
        Award.objects.create(
            kind=rng.choice([*Award.CHINA_PATENT_AWARDS, Award.Kind.NATIONAL_ST, Award.Kind.HUBEI]),
            title="获奖专利",
            award_date=some_day(),
            enterprise=record.enterprise,
            patent=record,
        )
    for _ in range(120):
        status = rng.choice(["valid", "valid", "invalid", "cancelled"])
        mark = trademark(
            rng.choice([enterprise_a, enterprise_b, None]),
            some_day(),
            status=status,
            expiry=rng.choice([None, some_day()]),
            gi=rng.random() < 0.2,
            invalid_date=rng.choice([None, some_day()]) if status != "valid" else None,
        )
        if rng.random() < 0.2:
            Trademark.objects.filter(pk=mark.pk).update(reconciled=False)
    for n in range(3):
        GIProduct.objects.create(
            registration_number=f"GI-{seed}-{n}", title="地标产品", approval_date=some_day(), revoked_date=some_day()
        )
    for year in (2022, 2024, 2025):  # 2023 has no figures: C3, C4 and C6 give no value
        YearlyFigure.objects.create(year=year, population=20000 + year, rd_expenditure=Decimal("150000000"))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_for_all_years_at_once_equal_the_per_year_queries(seed, enterprise_a, enterprise_b):
    varied_records(enterprise_a, enterprise_b, seed)
    plan = Plan.objects.current()
    batched = Context(plan=plan, years=YEARS)
    for year in YEARS:
        expected = old_outcomes(Context(plan=plan), year)
        for code, outcome in expected.items():
            assert CALCULATORS[code](batched, year) == outcome, (code, year)


def test_counts_up_to_a_day_equal_the_per_year_queries(enterprise_a, enterprise_b):
    """The year-to-date counts of the forecast (counted_up_to) are batched by their cut-off day."""
    varied_records(enterprise_a, enterprise_b, 4)
    plan = Plan.objects.current()
    ctx = Context(plan=plan, years=YEARS)
    for cutoff in (D(2024, 12, 30), D(2025, 6, 15), D(2025, 1, 1)):
        for year in (cutoff.year - 1, cutoff.year):
            expected = old_outcomes(Context(plan=plan), year, cutoff)
            with counted_up_to(cutoff):
                for code in ("C1", "C2", "C6", "C7", "U4", "U5", "U6"):
                    assert CALCULATORS[code](ctx, year) == expected[code], (code, year, cutoff)


def test_recompute_stores_the_per_year_figures(enterprise_a, enterprise_b):
    varied_records(enterprise_a, enterprise_b, 5)
    plan = Plan.objects.current()
    recompute()
    for year in YEARS:
        for code, outcome in old_outcomes(Context(plan=plan), year).items():
            stored = IndicatorValue.objects.get(indicator__code=code, year=year)
            assert not changed(stored.value, outcome.value), (code, year)  # as stored: SQLite rounds
            assert (stored.numerator, stored.inputs) == (outcome.numerator, outcome.inputs), (code, year)


def test_one_query_per_table_for_all_years(enterprise_a, django_assert_max_num_queries):
    """The patents (and their PCT filings), the trademarks and the pledges are each read once for
    the counted and once for the declared records, however many years are computed (the pledges
    once more for the year before the first, which the growth rates compare with)."""
    patent(enterprise_a, granted=D(2024, 5, 5))
    plan = Plan.objects.current()
    ctx = Context(plan=plan, years=YEARS)
    with django_assert_max_num_queries(10 + len(YEARS)):  # + the yearly figures, one per year
        for year in YEARS:
            for code in ("C1", "C2", "C3", "C4", "C6", "C7", "C8", "U4", "U5", "U6"):
                CALCULATORS[code](ctx, year)
