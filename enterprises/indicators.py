"""M1–M4 from certifications, ISO 56005 pilots and honours (shared/plan/indicators.md)."""

from django.db.models import Count

from targets.computation import Context, Outcome, calculator, count_outcome, ratio, year_end

from .models import Honour
from .qualifying import certified_enterprises, pilot_target_enterprises, piloting_enterprise_ids


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
    """Enterprises granted one of the honours from the plan's first year to Y, each enterprise once."""
    first = ctx.plan.first_year
    honoured = Honour.objects.filter(kind__in=kinds, year__gte=first, year__lte=year)
    count = honoured.aggregate(n=Count("enterprise", distinct=True))["n"]
    return count_outcome(count, from_year=first, to_year=year)


@calculator("M3")
def national_ip_enterprises(ctx: Context, year: int) -> Outcome:
    return honoured_in_plan(ctx, Honour.NATIONAL_IP, year)


@calculator("M4")
def provincial_demonstration_enterprises(ctx: Context, year: int) -> Outcome:
    return honoured_in_plan(ctx, [Honour.Kind.PROVINCIAL_DEMONSTRATION], year)
