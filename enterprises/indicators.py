"""C1–C9 from the IP records and M1–M4 from certifications, ISO 56005 pilots and honours
(shared/plan/indicators.md); the high-value invention rule that C4 and the patent pages use."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from targets.computation import (
    Context,
    Outcome,
    annual_count,
    calculator,
    count_outcome,
    per_10k,
    ratio,
    year_end,
)

from .models import GIProduct, Honour, LegalStatus, Patent, PatentType, Trademark
from .qualifying import certified_enterprises, pilot_target_enterprises, piloting_enterprise_ids

MILLION = Decimal(1_000_000)

# More high-value rules (the pledge and award rules, added by the finance app): a Q on Patent for year Y each.
HIGH_VALUE_RULES: list[Callable[[int], Q]] = []


def park_patents() -> QuerySet:
    """Park patents the indicators count: confirmed by an import or an official (not only declared)."""
    return Patent.objects.counted()


def park_trademarks() -> QuerySet:
    return Trademark.objects.counted()


def declared_note(measure: Callable[[QuerySet], int], model) -> dict:
    """{"declared": n}: what the measure would add from park records only an enterprise filing
    declares (left out until confirmed; the indicator page links them to the reconciliation worklist)."""
    declared = measure(model.objects.declared())
    return {"declared": declared} if declared else {}


def high_value_q(year: int) -> Q:
    """The national definition of a high-value invention patent, for patents in force at the end of Y:
    rules 1–3 here, the pledge and award rules from finance (HIGH_VALUE_RULES)."""
    rule = Q(strategic_emerging=True) | Q(overseas_family=True) | Q(application_date__lt=dt.date(year - 10, 12, 31))
    for extra in HIGH_VALUE_RULES:
        rule |= extra(year)
    return rule


@calculator("C1")
def patents_granted(ctx: Context, year: int) -> Outcome:
    def granted(patents: QuerySet) -> int:
        return annual_count(patents, "grant_date", year)

    return count_outcome(granted(park_patents()), **declared_note(granted, Patent))


@calculator("C2")
def pct_applications(ctx: Context, year: int) -> Outcome:
    def filed(patents: QuerySet) -> int:
        return annual_count(patents, "pct_filing_date", year, distinct="pct_number")

    return count_outcome(filed(park_patents()), **declared_note(filed, Patent))


def valid_inventions(year: int, patents: QuerySet | None = None) -> QuerySet:
    patents = park_patents() if patents is None else patents
    return patents.filter(patent_type=PatentType.INVENTION).in_force_on(year_end(year))


def lapse_date_unknown(year: int) -> dict:
    """{"lapse_date_unknown": n}: park inventions granted by the year end that lapsed on a day
    nobody knows; they count as not in force, and the C3/C4 pages list them."""
    unknown = (
        park_patents()
        .filter(patent_type=PatentType.INVENTION, legal_status=LegalStatus.LAPSED, lapse_date__isnull=True)
        .filter(grant_date__lte=year_end(year))
        .count()
    )
    return {"lapse_date_unknown": unknown} if unknown else {}


@calculator("C3")
def valid_inventions_per_10k(ctx: Context, year: int) -> Outcome:
    def valid(patents: QuerySet) -> int:
        return valid_inventions(year, patents).count()

    return per_10k(ctx, valid(park_patents()), year, **declared_note(valid, Patent), **lapse_date_unknown(year))


@calculator("C4")
def high_value_inventions_per_10k(ctx: Context, year: int) -> Outcome:
    def high_value(patents: QuerySet) -> int:
        return valid_inventions(year, patents).filter(high_value_q(year)).count()

    return per_10k(
        ctx, high_value(park_patents()), year, **declared_note(high_value, Patent), **lapse_date_unknown(year)
    )


@calculator("C5")
def funding_share(ctx: Context, year: int) -> Outcome:
    figures = ctx.figures(year)
    for name in ("ip_funding", "public_budget"):
        if figures is None or getattr(figures, name) is None:
            return ratio(None, None, missing={"figure": name, "year": year})
    return ratio(figures.ip_funding, figures.public_budget)


def inventions_granted(year: int, patents: QuerySet | None = None) -> int:
    patents = park_patents() if patents is None else patents
    return annual_count(patents.filter(patent_type=PatentType.INVENTION), "grant_date", year)


@calculator("C6")
def inventions_per_million_rd(ctx: Context, year: int) -> Outcome:
    figures = ctx.figures(year)
    if figures is None or figures.rd_expenditure is None:
        return ratio(None, None, missing={"figure": "rd_expenditure", "year": year})
    granted = inventions_granted(year)
    declared = declared_note(lambda patents: inventions_granted(year, patents), Patent)
    return ratio(granted, figures.rd_expenditure / MILLION, scale=Decimal(1), count=granted, **declared)


@calculator("C7")
def trademarks_registered(ctx: Context, year: int) -> Outcome:
    def registered(marks: QuerySet) -> int:
        return annual_count(marks, "registration_date", year)

    return count_outcome(registered(park_trademarks()), **declared_note(registered, Trademark))


@calculator("C8")
def trademarks_in_force(ctx: Context, year: int) -> Outcome:
    def in_force(marks: QuerySet) -> int:
        return marks.in_force_on(year_end(year)).count()

    return count_outcome(in_force(park_trademarks()), **declared_note(in_force, Trademark))


@calculator("C9")
def geographical_indications(ctx: Context, year: int) -> Outcome:
    marks = park_trademarks().filter(geographical_indication=True).in_force_on(year_end(year)).count()
    products = GIProduct.objects.in_force_on(year_end(year)).count()
    return count_outcome(marks + products, gi_trademarks=marks, gi_products=products)


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


@calculator("M1")
def certified(ctx: Context, year: int) -> Outcome:
    """Enterprises with a certificate valid on 31 December (each enterprise once)."""
    return count_outcome(certified_enterprises(year_end(year)).count())


@calculator("M2")
def pilot_coverage(ctx: Context, year: int) -> Outcome:
    targets = pilot_target_enterprises(year)
    piloting = targets.filter(pk__in=piloting_enterprise_ids(year_end(year))).count()
    return ratio(piloting, targets.count(), piloting=piloting)


def honoured_in_plan(ctx: Context, kinds, year: int) -> Outcome:
    """Enterprises newly granted one of the honours from the plan's first year to Y, each once.

    An honour is new (新培育) when the enterprise held neither it nor a higher one of the kinds
    in an earlier year: a renewal, or a lower honour after a higher, is not new."""
    first = ctx.plan.first_year
    honoured = Honour.objects.filter(kind__in=kinds, year__gte=first, year__lte=year)
    held_before = Q()
    for rank, kind in enumerate(kinds):
        same_or_higher = Honour.objects.filter(
            enterprise=OuterRef("enterprise"), kind__in=kinds[rank:], year__lt=OuterRef("year")
        )
        held_before |= Q(kind=kind) & Exists(same_or_higher)
    count = honoured.exclude(held_before).aggregate(n=Count("enterprise", distinct=True))["n"]
    return count_outcome(count, from_year=first, to_year=year)


@calculator("M3")
def national_ip_enterprises(ctx: Context, year: int) -> Outcome:
    return honoured_in_plan(ctx, Honour.NATIONAL_IP, year)


@calculator("M4")
def provincial_demonstration_enterprises(ctx: Context, year: int) -> Outcome:
    return honoured_in_plan(ctx, (Honour.Kind.PROVINCIAL_DEMONSTRATION,), year)
