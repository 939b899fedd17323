"""Reminders 7 days before a deadline and on the day, the weekly digests, each sent once.

Time is given to the job as the day (send_reminders(day)), so the tests fix it without a clock."""

import datetime as dt
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command

from core.models import Notification
from targets.models import Decision, FollowUp, Meeting, Plan, Reminder, WorkPlan
from targets.reminders import send_reminders
from targets.tasks import send_supervision_reminders

pytestmark = pytest.mark.django_db

FRIDAY_BEFORE = dt.date(2025, 1, 24)  # 7 days before the 2025 work plans are due (31 January)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def send(day):
        with django_capture_on_commit_callbacks(execute=True):
            return send_reminders(day)

    return send


def mine(sent, unit, kind):
    return [r for r in sent.reminders if r.unit_id == unit.pk and r.kind == kind]


def test_a_unit_is_reminded_7_days_before_a_deadline_by_notice_and_email(run, finance_bureau, finance_user, mailoutbox):
    sent = run(FRIDAY_BEFORE)
    [reminder] = mine(sent, finance_bureau, Reminder.Kind.BEFORE)
    assert reminder.items == finance_bureau.tasks.count() and reminder.recipients == 1
    notice = Notification.objects.get(user=finance_user, title__contains="2025-01-31")
    assert notice.url == "/tasks/" or notice.url.endswith("/tasks/")
    mails = [m for m in mailoutbox if finance_user.email in m.to and "2025-01-31" in m.subject]
    assert len(mails) == 1 and finance_bureau.tasks.first().title in mails[0].body


def test_no_reminder_for_what_was_handed_in(run, finance_bureau):
    for task in finance_bureau.tasks.all():
        WorkPlan.objects.create(
            task=task, unit=finance_bureau, year=2025, text="计划", submitted_at=dt.datetime.now(dt.UTC)
        )
    assert not mine(run(FRIDAY_BEFORE), finance_bureau, Reminder.Kind.BEFORE)


def test_a_unit_is_reminded_on_the_day(run, finance_bureau, finance_user):
    assert not mine(run(dt.date(2025, 1, 30)), finance_bureau, Reminder.Kind.ON_DAY)
    [reminder] = mine(run(dt.date(2025, 1, 31)), finance_bureau, Reminder.Kind.ON_DAY)
    assert Notification.objects.filter(user=finance_user, title__contains="2025-01-31").count() == 1
    assert reminder.day == dt.date(2025, 1, 31)


def test_running_twice_sends_nothing_twice(run, finance_bureau, finance_user, mailoutbox):
    first = run(FRIDAY_BEFORE)
    notices, mails = Notification.objects.count(), len(mailoutbox)
    second = run(FRIDAY_BEFORE)
    assert first.reminders and not second.reminders
    assert (Notification.objects.count(), len(mailoutbox)) == (notices, mails)
    assert Reminder.objects.filter(key__startswith="before:2025-01-31:").count() == len(
        [r for r in first.reminders if r.kind == Reminder.Kind.BEFORE]
    )


def test_the_weekly_digest_lists_what_is_overdue_to_the_unit_and_the_office(
    run, finance_bureau, finance_user, official
):
    monday = dt.date(2025, 2, 3)
    sent = run(monday)
    [digest] = mine(sent, finance_bureau, Reminder.Kind.DIGEST)
    notice = Notification.objects.filter(user=finance_user).exclude(body="").latest("pk")
    assert "2025-01-31" in notice.body and finance_bureau.tasks.first().title in notice.body
    assert "2023-01-31" in notice.body  # every year's, not only the latest
    office = Notification.objects.get(user=official)
    assert office.url.endswith("/tasks/overdue/")
    assert finance_bureau.name in office.body
    assert digest.key == f"digest:2025-W06:unit{finance_bureau.pk}"
    assert Reminder.objects.filter(key="digest:2025-W06:office").exists()
    assert not [r for r in run(dt.date(2025, 2, 5)).reminders if r.kind == Reminder.Kind.DIGEST]
    assert mine(run(dt.date(2025, 2, 10)), finance_bureau, Reminder.Kind.DIGEST)


def test_the_digest_includes_overdue_follow_ups(run, finance_bureau, finance_user):
    meeting = Meeting.objects.create(
        plan=Plan.objects.current(), date=dt.date(2025, 1, 5), title="会", attendees="组长"
    )
    decision = Decision.objects.create(meeting=meeting, number=1, text="加快质押融资")
    FollowUp.objects.create(decision=decision, unit=finance_bureau, action="出台贴息办法", due=dt.date(2025, 1, 20))
    run(dt.date(2025, 2, 3))
    notice = Notification.objects.filter(user=finance_user).latest("pk")
    assert "出台贴息办法" in notice.body


def test_the_command_sends_for_the_given_date(finance_bureau, finance_user):
    out = StringIO()
    call_command("send_reminders", "--date", "2025-01-24", stdout=out)
    assert f"before:2025-01-31:unit{finance_bureau.pk}" in out.getvalue()
    out = StringIO()
    call_command("send_reminders", "--date", "2025-01-24", stdout=out)
    assert out.getvalue().strip().endswith("2025-01-24: 0 sent")


def test_the_beat_task_sends_for_today(finance_bureau, finance_user):
    with mock.patch("targets.tasks.timezone.localdate", return_value=FRIDAY_BEFORE):
        assert send_supervision_reminders() > 0
    assert Reminder.objects.filter(key=f"before:2025-01-31:unit{finance_bureau.pk}").exists()


def test_beat_runs_the_reminders_every_morning():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="targets.tasks.send_supervision_reminders")
    assert task.enabled and (task.crontab.hour, task.crontab.minute) == ("8", "0")


def test_a_reminders_title_is_kept_coded_and_read_in_the_readers_language(run, finance_bureau, finance_user, client):
    import json

    from django.urls import reverse

    from core.review import rendered_in_site_language

    run(FRIDAY_BEFORE)
    notice = Notification.objects.get(user=finance_user, title__contains="2025-01-31")
    assert json.loads(notice.title)["code"] == "Reminder: due in %(days)d days, by %(due)s"
    assert "Reminder" not in rendered_in_site_language(notice.title)  # e-mailed in Chinese
    client.force_login(finance_user)
    english = client.get(reverse("enterprises:notifications"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(reverse("enterprises:notifications"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "Reminder: due in 7 days, by 2025-01-31" in english
    assert "Reminder: due" not in chinese and "2025-01-31" in chinese
