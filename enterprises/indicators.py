"""C1–C9 from the IP records and M1–M4 from certifications, ISO 56005 pilots and honours
(shared/plan/indicators.md); the high-value invention rule that C4 and the patent pages use."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from targets.computation import (
    Context,
    Measure,
    Outcome,
    calculator,
    count_outcome,
    in_year_q,
    per_10k,
    ratio,
    year_end,
)

from .models import (
    GIProduct,
    Honour,
    LegalStatus,
    Patent,
    PatentType,
    Trademark,
    patent_in_force_q,
    trademark_in_force_q,
)
from .qualifying import certified_enterprises, pilot_target_enterprises, piloting_enterprise_ids

MILLION = Decimal(1_000_000)

# More high-value rules (the pledge and award rules, added by the finance app): a Q on Patent for year Y each.
HIGH_VALUE_RULES: list[Callable[[int], Q]] = []


def park_patents() -> QuerySet:
    """Park patents the indicators count: confirmed by an import or an official (not only declared)."""
    return Patent.objects.counted()


def park_trademarks() -> QuerySet:
    return Trademark.objects.counted()


def high_value_q(year: int) -> Q:
    """The national definition of a high-value invention patent, for patents in force at the end of Y:
    rules 1–3 here, the pledge and award rules from finance (HIGH_VALUE_RULES)."""
    rule = Q(strategic_emerging=True) | Q(overseas_family=True) | Q(application_date__lt=dt.date(year - 10, 12, 31))
    for extra in HIGH_VALUE_RULES:
        rule |= extra(year)
    return rule


def valid_inventions_q(year: int) -> Q:
    """Invention patents in force at the end of Y (C3)."""
    return Q(patent_type=PatentType.INVENTION) & patent_in_force_q(year_end(year))


def lapse_date_unknown_q(year: int) -> Q:
    """Inventions granted by the end of Y that lapsed on a day nobody knows: not in force."""
    return Q(
        patent_type=PatentType.INVENTION,
        legal_status=LegalStatus.LAPSED,
        lapse_date__isnull=True,
        grant_date__lte=year_end(year),
    )


# What C1, C3, C4 and C6 count of the patents in a year: counted for every year of a
# recomputation in one pass over the table (Context.yearly_figures).
PATENT_MEASURES: dict[str, Measure] = {
    "granted": lambda year: Count("pk", filter=in_year_q("grant_date", year)),
    "inventions_granted": lambda year: Count(
        "pk", filter=Q(patent_type=PatentType.INVENTION) & in_year_q("grant_date", year)
    ),
    "valid_inventions": lambda year: Count("pk", filter=valid_inventions_q(year)),
    "high_value": lambda year: Count("pk", filter=valid_inventions_q(year) & high_value_q(year)),
    "lapse_date_unknown": lambda year: Count("pk", filter=lapse_date_unknown_q(year)),
}

# What C2 counts: distinct PCT application numbers by PCT filing date, in a query of its own over
# the patents filed in the run's years (read by the index on the date; a distinct count would also
# keep the pass above from running in parallel).
PCT_MEASURES: dict[str, Measure] = {
    "pct_filed": lambda year: Count(
        "pct_number", distinct=True, filter=in_year_q("pct_filing_date", year) & ~Q(pct_number="")
    ),
}

# What C7, C8 and C9 count of the trademarks in a year.
TRADEMARK_MEASURES: dict[str, Measure] = {
    "registered": lambda year: Count("pk", filter=in_year_q("registration_date", year)),
    "in_force": lambda year: Count("pk", filter=trademark_in_force_q(year_end(year))),
    "gi_in_force": lambda year: Count(
        "pk", filter=Q(geographical_indication=True) & trademark_in_force_q(year_end(year))
    ),
}


def patent_figures(ctx: Context, year: int) -> tuple[dict, dict]:
    """PATENT_MEASURES for the year over the counted park patents, and over those only declared."""
    return (
        ctx.yearly_figures("patents", park_patents(), PATENT_MEASURES, year),
        ctx.yearly_figures("patents:declared", Patent.objects.declared(), PATENT_MEASURES, year),
    )


def trademark_figures(ctx: Context, year: int) -> tuple[dict, dict]:
    """TRADEMARK_MEASURES for the year over the counted park trademarks, and over those only declared."""
    return (
        ctx.yearly_figures("trademarks", park_trademarks(), TRADEMARK_MEASURES, year),
        ctx.yearly_figures("trademarks:declared", Trademark.objects.declared(), TRADEMARK_MEASURES, year),
    )


def declared_note(figures: dict, name: str) -> dict:
    """{"declared": n}: what the measure would add from park records only an enterprise filing
    declares (left out until confirmed; the indicator page links them to the reconciliation
    worklist), from the declared records' yearly figures."""
    return {"declared": figures[name]} if figures[name] else {}


def unknown_lapse(figures: dict) -> dict:
    """{"lapse_date_unknown": n}: park inventions granted by the year end that lapsed on a day
    nobody knows; they count as not in force, and the C3/C4 pages list them."""
    return {"lapse_date_unknown": figures["lapse_date_unknown"]} if figures["lapse_date_unknown"] else {}


@calculator("C1")
def patents_granted(ctx: Context, year: int) -> Outcome:
    counted, only_declared = patent_figures(ctx, year)
    return count_outcome(counted["granted"], **declared_note(only_declared, "granted"))


@calculator("C2")
def pct_applications(ctx: Context, year: int) -> Outcome:
    counted = ctx.yearly_figures("pct", park_patents(), PCT_MEASURES, year, dated="pct_filing_date")
    only_declared = ctx.yearly_figures(
        "pct:declared", Patent.objects.declared(), PCT_MEASURES, year, dated="pct_filing_date"
    )
    return count_outcome(counted["pct_filed"], **declared_note(only_declared, "pct_filed"))


def valid_inventions(year: int, patents: QuerySet | None = None) -> QuerySet:
    patents = park_patents() if patents is None else patents
    return patents.filter(valid_inventions_q(year))


@calculator("C3")
def valid_inventions_per_10k(ctx: Context, year: int) -> Outcome:
    counted, only_declared = patent_figures(ctx, year)
    return per_10k(
        ctx,
        counted["valid_inventions"],
        year,
        **declared_note(only_declared, "valid_inventions"),
        **unknown_lapse(counted),
    )


@calculator("C4")
def high_value_inventions_per_10k(ctx: Context, year: int) -> Outcome:
    counted, only_declared = patent_figures(ctx, year)
    return per_10k(
        ctx, counted["high_value"], year, **declared_note(only_declared, "high_value"), **unknown_lapse(counted)
    )


@calculator("C5")
def funding_share(ctx: Context, year: int) -> Outcome:
    figures = ctx.figures(year)
    for name in ("ip_funding", "public_budget"):
        if figures is None or getattr(figures, name) is None:
            return ratio(None, None, missing={"figure": name, "year": year})
    return ratio(figures.ip_funding, figures.public_budget)


@calculator("C6")
def inventions_per_million_rd(ctx: Context, year: int) -> Outcome:
    figures = ctx.figures(year)
    if figures is None or figures.rd_expenditure is None:
        return ratio(None, None, missing={"figure": "rd_expenditure", "year": year})
    counted, only_declared = patent_figures(ctx, year)
    granted = counted["inventions_granted"]
    return ratio(
        granted,
        figures.rd_expenditure / MILLION,
        scale=Decimal(1),
        count=granted,
        **declared_note(only_declared, "inventions_granted"),
    )


@calculator("C7")
def trademarks_registered(ctx: Context, year: int) -> Outcome:
    counted, only_declared = trademark_figures(ctx, year)
    return count_outcome(counted["registered"], **declared_note(only_declared, "registered"))


@calculator("C8")
def trademarks_in_force(ctx: Context, year: int) -> Outcome:
    counted, only_declared = trademark_figures(ctx, year)
    return count_outcome(counted["in_force"], **declared_note(only_declared, "in_force"))


@calculator("C9")
def geographical_indications(ctx: Context, year: int) -> Outcome:
    marks = trademark_figures(ctx, year)[0]["gi_in_force"]
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
