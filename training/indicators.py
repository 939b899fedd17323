"""P3 (publicity events per year) and M5 (training rate of the key enterprises' IP staff)."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Greatest

from enterprises.models import Enterprise
from targets.computation import Context, Outcome, annual_count, calculator, count_outcome, ratio

from .models import KEY_ENTERPRISE_FLAGS, Person, PublicityEvent


@calculator("P3")
def publicity_events(ctx: Context, year: int) -> Outcome:
    return count_outcome(annual_count(PublicityEvent.objects.all(), "date", year))


def key_enterprises(year: int) -> QuerySet:
    """High-tech, 专精特新 (little giants included), listing-reserve and tech-SME enterprises in year Y."""
    return Enterprise.objects.filter(Enterprise.any_title_held_in(KEY_ENTERPRISE_FLAGS, year))


def key_ip_staff(year: int) -> QuerySet:
    """The IP staff on the roster of the key enterprises of year Y (the roster has no history)."""
    return Person.objects.ip_staff().of_key_enterprises(year)


def key_ip_staff_total(year: int) -> int:
    """All IP staff of the key enterprises: for each, the larger of its declared count and its roster."""
    roster = (
        Person.objects.ip_staff()
        .filter(enterprise=OuterRef("pk"))
        .values("enterprise")
        .annotate(n=Count("pk"))
        .values("n")
    )
    zero = Value(0, output_field=IntegerField())
    staff = key_enterprises(year).annotate(
        staff=Greatest(Coalesce("ip_staff_count", zero), Coalesce(Subquery(roster, output_field=IntegerField()), zero))
    )
    return staff.aggregate(total=Sum("staff"))["total"] or 0


@calculator("M5")
def ip_staff_training_rate(ctx: Context, year: int) -> Outcome:
    """The roster's people trained in the year ÷ all IP staff of the key enterprises."""
    trained = key_ip_staff(year).trained_in(year).count()
    total = key_ip_staff_total(year)
    return ratio(trained, total, trained=trained, roster=key_ip_staff(year).count())
