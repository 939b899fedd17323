"""Which enterprises M1 and M2 cover, and which are close to qualifying (the officials' to-do list)."""

import datetime as dt

from django.db.models import Q, QuerySet

from .models import Certification, Enterprise, Honour, InnovationPilot

RENEWAL_WINDOW = dt.timedelta(days=180)


def certified_enterprises(day: dt.date) -> QuerySet:
    """Enterprises holding a GB/T 29490 or ISO 56005 certificate valid on the day (M1)."""
    return Enterprise.objects.filter(pk__in=Certification.objects.valid_on(day).values("enterprise"))


def pilot_target_enterprises(year: int) -> QuerySet:
    """M2's denominator: national IP advantage/demonstration or national little-giant enterprises in year Y.

    An honour counts from the year it was granted. The enterprise list's little-giant title counts
    too, from its year of recognition (Enterprise.title_held_in), so a little giant known only from
    the list is not left out of the coverage, nor counted before it was one.
    """
    honoured = Honour.objects.filter(kind__in=[*Honour.NATIONAL_IP, Honour.Kind.LITTLE_GIANT], year__lte=year)
    return Enterprise.objects.filter(
        Q(pk__in=honoured.values("enterprise")) | Enterprise.title_held_in("little_giant", year)
    )


def piloting_enterprise_ids(day: dt.date) -> QuerySet:
    return InnovationPilot.objects.filter(start_date__lte=day).values("enterprise")


def high_tech_without_certification(day: dt.date) -> QuerySet:
    return Enterprise.objects.filter(Enterprise.title_held_in("high_tech", day.year)).exclude(
        pk__in=certified_enterprises(day).values("pk")
    )


def targets_without_pilot(day: dt.date) -> QuerySet:
    return pilot_target_enterprises(day.year).exclude(pk__in=piloting_enterprise_ids(day))


def certifications_expiring(day: dt.date) -> QuerySet:
    """Valid certificates that expire within the renewal window, when the enterprise has no later one."""
    later = Certification.objects.filter(expiry_date__gt=day + RENEWAL_WINDOW).values("enterprise")
    return (
        Certification.objects.valid_on(day)
        .filter(expiry_date__lte=day + RENEWAL_WINDOW)
        .exclude(enterprise__in=later)
        .select_related("enterprise")
        .order_by("expiry_date")
    )
