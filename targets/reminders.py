"""Reminders of the member units' deadlines and the weekly digests of what is overdue.

`send_reminders(day)` is run every morning by beat (targets.tasks.send_supervision_reminders) and
by `manage.py send_reminders [--date YYYY-MM-DD]`. For the day it sends, on the portal and by
e-mail:

- to each unit, what is due in 7 days and what is due that day and not handed in (plans,
  reports, follow-ups), one notice per unit and deadline date;
- in the first run of each ISO week, a digest of what is overdue to each unit that has some,
  and one to the office listing every unit's.

Each is recorded as a Reminder under a key (kind, date or week, unit) before it goes out, so a
second run, or two at once, sends nothing twice.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.review import announce, officials
from ipportal.coded import coded

from .models import FollowUp, MemberUnit, Plan, Reminder
from .supervision import obligations

LEAD_DAYS = 7


@dataclass
class Item:
    """One line of a reminder or digest."""

    what: str
    task: str
    due: dt.date
    days_late: int = 0


@dataclass
class Sent:
    reminders: list[Reminder] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for reminder in self.reminders if reminder.kind == kind)


def _unit_users(unit: MemberUnit):
    return get_user_model().objects.filter(is_active=True, unit_membership__unit=unit)


def _record(key: str, kind: str, unit: MemberUnit | None, day: dt.date, items: int) -> Reminder | None:
    """The reminder's row, or None when it was sent before (the key is unique)."""
    try:
        with transaction.atomic():
            return Reminder.objects.create(key=key, kind=kind, unit=unit, day=day, items=items)
    except IntegrityError:
        return None


def _send(reminder: Reminder, users, title: dict, template: str, context: dict, url: str) -> None:
    body = render_to_string(template, context).strip()
    reminder.recipients = announce(users, title, body, url)
    reminder.save(update_fields=["recipients"])


def _owed_items(plan: Plan, day: dt.date):
    """Per unit: the plans and reports not handed in and the open follow-ups, with their due dates."""
    years = [y for y in range(plan.first_year, plan.last_year + 1) if y <= day.year + 1]
    per_unit: dict[MemberUnit, list[Item]] = defaultdict(list)
    for due in obligations(plan, years=years, today=day):
        if due.missing:
            what = f"{due.kind_label} {due.year}"
            per_unit[due.unit].append(Item(what, str(due.task), due.due, max(0, (day - due.due).days)))
    follow_ups = FollowUp.objects.open().filter(decision__meeting__plan=plan).select_related("unit", "task", "decision")
    for follow_up in follow_ups:
        task = str(follow_up.task) if follow_up.task else ""
        what = _("Follow-up: %(action)s") % {"action": follow_up.action[:80]}
        per_unit[follow_up.unit].append(Item(what, task, follow_up.due, max(0, (day - follow_up.due).days)))
    return per_unit


def send_reminders(day: dt.date, plan: Plan | None = None) -> Sent:
    """Send what is due on `day` (see the module's docstring); returns what was sent now."""
    plan = plan or Plan.objects.for_year(day.year) or Plan.objects.current()
    sent = Sent()
    if plan is None:
        return sent
    with translation.override(settings.LANGUAGE_CODE):
        per_unit = _owed_items(plan, day)
        todo_url = reverse("targets:task-list")
        for unit, items in sorted(per_unit.items(), key=lambda entry: entry[0].pk):
            for kind, lead in ((Reminder.Kind.BEFORE, LEAD_DAYS), (Reminder.Kind.ON_DAY, 0)):
                due = day + dt.timedelta(days=lead)
                due_items = [item for item in items if item.due == due]
                if not due_items:
                    continue
                reminder = _record(f"{kind}:{due.isoformat()}:unit{unit.pk}", kind, unit, day, len(due_items))
                if reminder is None:
                    continue
                if lead:
                    title = coded(
                        gettext_noop("Reminder: due in %(days)d days, by %(due)s"), days=lead, due=due.isoformat()
                    )
                else:
                    title = coded(gettext_noop("Reminder: due today, %(due)s"), due=due.isoformat())
                context = {"unit": unit, "items": due_items, "due": due}
                _send(reminder, _unit_users(unit), title, "targets/email/reminder.txt", context, todo_url)
                sent.reminders.append(reminder)
        sent.reminders += _digests(per_unit, day, todo_url)
    return sent


def _digests(per_unit, day: dt.date, todo_url: str) -> list[Reminder]:
    year, week, _weekday = day.isocalendar()
    stamp = f"{year}-W{week:02d}"
    sent = []
    overdue = {unit: [item for item in items if item.due < day] for unit, items in per_unit.items()}
    overdue = {unit: items for unit, items in overdue.items() if items}
    for unit, items in sorted(overdue.items(), key=lambda entry: entry[0].pk):
        reminder = _record(f"digest:{stamp}:unit{unit.pk}", Reminder.Kind.DIGEST, unit, day, len(items))
        if reminder is None:
            continue
        title = coded(gettext_noop("Weekly digest: %(count)d overdue"), count=len(items))
        context = {"units": [(unit, items)], "day": day}
        _send(reminder, _unit_users(unit), title, "targets/email/digest.txt", context, todo_url)
        sent.append(reminder)
    if overdue:
        total = sum(len(items) for items in overdue.values())
        reminder = _record(f"digest:{stamp}:office", Reminder.Kind.DIGEST, None, day, total)
        if reminder is not None:
            title = coded(
                gettext_noop("Weekly digest: %(count)d overdue at %(units)d member units"),
                count=total,
                units=len(overdue),
            )
            units = sorted(overdue.items(), key=lambda entry: entry[0].pk)
            context = {"units": units, "day": day}
            url = reverse("targets:task-overdue")
            _send(reminder, officials(), title, "targets/email/digest.txt", context, url)
            sent.append(reminder)
    return sent
