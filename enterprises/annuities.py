"""Lapse risk: the park's invention patents whose annuity falls due soon.

In China a patent's annuity for the next year of protection falls due each year on the
anniversary of its filing (application) date; unpaid, the patent lapses after a 6-month grace
period (with a surcharge). An invention patent runs 20 years from filing, so the 20th
anniversary is its end, not an annuity. Listed: park invention patents in force on the day whose
next anniversary falls within the window (90 days by default). The payment itself is not
recorded in the portal, so every patent due is listed until the day passes.

What their lapse would do: C3 and C4 for the day's year, recomputed with the listed patents
left out (enterprises.indicators.inventions_per_10k_without).
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from targets.computation import Context, explain
from targets.models import Plan

from .indicators import inventions_per_10k_without
from .models import AnnuityReminder, Enterprise, Patent, PatentType

WINDOW_DAYS = 90
GRACE_MONTHS = 6
TERM_YEARS = 20


def anniversary(filed: dt.date, year: int) -> dt.date:
    """The filing date's anniversary in a year (29 February falls on the 28th in other years)."""
    if filed.month == 2 and filed.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return filed.replace(year=year)


def next_due(filed: dt.date, day: dt.date) -> dt.date:
    """The first anniversary of the filing date on or after the day."""
    this_year = anniversary(filed, day.year)
    return this_year if this_year >= day else anniversary(filed, day.year + 1)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def grace_end(due: dt.date) -> dt.date:
    return add_months(due, GRACE_MONTHS)


def _anniversaries_between(start: dt.date, end: dt.date) -> Q:
    """Filing dates whose month and day fall between two days (at most a year apart), in the database."""
    spans: dict[int, list[int]] = {}
    day = start
    while day <= end:
        spans.setdefault(day.month, []).append(day.day)
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            spans[2].append(29)
        day += dt.timedelta(days=1)
    rule = Q(pk__in=[])
    for month, days in spans.items():
        rule |= Q(
            application_date__month=month, application_date__day__gte=min(days), application_date__day__lte=max(days)
        )
    return rule


@dataclass
class AtRisk:
    patent: Patent
    due: dt.date
    grace_end: dt.date
    reminded_at: dt.datetime | None = None


def at_risk(patents: QuerySet, day: dt.date, days: int = WINDOW_DAYS) -> list[AtRisk]:
    """Park invention patents in force on the day whose annuity falls due within the window."""
    end = day + dt.timedelta(days=days)
    candidates = (
        patents.in_park()
        .filter(patent_type=PatentType.INVENTION, application_date__lt=day)
        .in_force_on(day)
        .filter(_anniversaries_between(day, end))
        .select_related("enterprise")
    )
    found = []
    for patent in candidates:
        due = next_due(patent.application_date, day)
        if due > end or due >= anniversary(patent.application_date, patent.application_date.year + TERM_YEARS):
            continue
        found.append(AtRisk(patent, due, grace_end(due)))
    reminders = {}
    for patent_id, due, sent_at in AnnuityReminder.objects.filter(
        patent__in=[item.patent for item in found]
    ).values_list("patent_id", "due_date", "sent_at"):
        reminders[(patent_id, due)] = max(sent_at, reminders.get((patent_id, due), sent_at))
    for item in found:
        item.reminded_at = reminders.get((item.patent.pk, item.due))
    found.sort(key=lambda item: (item.due, item.patent.application_number))
    return found


def impact(items: list[AtRisk], day: dt.date) -> list[dict]:
    """C3 and C4 for the day's year now and if the listed patents lapse, beside their targets."""

    plan = Plan.objects.for_year(day.year)
    if plan is None:
        return []
    outcomes = inventions_per_10k_without(Context(plan=plan), day.year, [item.patent.pk for item in items])
    indicators = {i.code: i for i in plan.indicators.filter(code__in=outcomes)}
    rows = []
    for code, (now, after) in outcomes.items():
        indicator = indicators.get(code)
        if indicator is None:
            continue
        rows.append(
            {
                "indicator": indicator,
                "year": day.year,
                "now": now.value,
                "after": after.value,
                "count_now": now.numerator,
                "count_after": after.numerator,
                "target": indicator.target,
                "falls_below": None not in (now.value, after.value) and after.value < indicator.target <= now.value,
                "below_after": after.value is not None and after.value < indicator.target,
                "reason": explain(now.reason, now.inputs) if now.value is None else "",
            }
        )
    return rows


class NoRecipients(Exception):
    """The enterprise has no e-mail address to remind."""


def remind(enterprise: Enterprise, items: list[AtRisk], user) -> list[str]:
    """E-mail the enterprise's members (and its contact address) the list; record who sent it when."""
    items = [item for item in items if item.patent.enterprise_id == enterprise.pk]
    addresses = sorted(
        {m.user.email for m in enterprise.memberships.select_related("user") if m.user.email}
        | ({enterprise.contact_email} if enterprise.contact_email else set())
    )
    if not addresses:
        raise NoRecipients(
            _("%(name)s has no e-mail address: add a contact e-mail or a member with one.") % {"name": enterprise.name}
        )
    if not items:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Patent annuities falling due: %(name)s") % {"name": enterprise.name}
        body = render_to_string("enterprises/email/annuities_due.txt", {"enterprise": enterprise, "items": items})
    AnnuityReminder.objects.bulk_create(
        AnnuityReminder(
            patent=item.patent, enterprise=enterprise, due_date=item.due, sent_by=user, recipients=", ".join(addresses)
        )
        for item in items
    )
    messages = [(str(title), body, None, [address]) for address in addresses]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
    return addresses
