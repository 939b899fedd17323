"""Deadlines, late and missing flags, and the officials' review of the units' plans and reports."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from core.models import Notification, ReviewState
from core.review import TransitionRefused
from targets import supervision
from targets.models import Deadline, MemberUnit, Plan, ProgressReport, WorkPlan

pytestmark = pytest.mark.django_db


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def test_default_deadlines_are_31_january_15_july_and_15_december(finance_bureau):
    task = finance_bureau.tasks.first()
    assert supervision.due_date("plan", 2025, task, finance_bureau) == dt.date(2025, 1, 31)
    assert supervision.due_date("h1", 2025, task, finance_bureau) == dt.date(2025, 7, 15)
    assert supervision.due_date("year", 2025, task, finance_bureau) == dt.date(2025, 12, 15)


def test_the_most_specific_deadline_applies(finance_bureau):
    task, other_task = finance_bureau.tasks.all()[:2]
    Deadline.objects.create(year=2025, kind="plan", due=dt.date(2025, 2, 28))
    Deadline.objects.create(year=2025, kind="plan", due=dt.date(2025, 3, 15), unit=finance_bureau)
    Deadline.objects.create(year=2025, kind="plan", due=dt.date(2025, 3, 31), task=task, unit=finance_bureau)
    lead = MemberUnit.objects.get(is_lead=True)
    assert supervision.due_date("plan", 2025, task, finance_bureau) == dt.date(2025, 3, 31)
    assert supervision.due_date("plan", 2025, other_task, finance_bureau) == dt.date(2025, 3, 15)
    assert supervision.due_date("plan", 2025, task, lead) == dt.date(2025, 2, 28)


def test_officials_set_a_deadline_on_the_page(official_client):
    response = official_client.post(
        reverse("targets:deadline-list"), {"year": "2025", "kind": "h1", "due": "2025-07-31"}
    )
    assert response.status_code == 302
    assert Deadline.objects.get().due == dt.date(2025, 7, 31)
    again = official_client.post(reverse("targets:deadline-list"), {"year": "2025", "kind": "h1", "due": "2025-08-01"})
    assert again.status_code == 400 and Deadline.objects.count() == 1


def test_a_missing_half_year_report_is_overdue_after_15_july(finance_bureau):
    plan = Plan.objects.current()
    units = MemberUnit.objects.filter(pk=finance_bureau.pk)
    task = finance_bureau.tasks.first()
    on_the_day = supervision.overdue(plan, units=units, today=dt.date(2025, 7, 15))
    after = supervision.overdue(plan, units=units, today=dt.date(2025, 7, 16))
    assert ("h1", 2025, task.number) not in {(o.kind, o.year, o.task.number) for o in on_the_day}
    assert ("h1", 2025, task.number) in {(o.kind, o.year, o.task.number) for o in after}


def test_a_report_handed_in_after_its_deadline_is_flagged_late(finance_bureau):
    plan = Plan.objects.current()
    units = MemberUnit.objects.filter(pk=finance_bureau.pk)
    task = finance_bureau.tasks.first()
    ProgressReport.objects.create(
        task=task, unit=finance_bureau, year=2024, period="h1", text="迟交", submitted_at=at(dt.date(2024, 7, 20))
    )
    ProgressReport.objects.create(
        task=task, unit=finance_bureau, year=2024, period="year", text="按时", submitted_at=at(dt.date(2024, 12, 10))
    )
    late = supervision.late(plan, units=units, today=dt.date(2025, 1, 10))
    assert [(o.kind, o.year, o.days_late) for o in late if o.task == task] == [("h1", 2024, 5)]
    overdue = supervision.overdue(plan, units=units, today=dt.date(2025, 1, 10))
    assert not [o for o in overdue if o.task == task and o.year == 2024 and o.kind != "plan"]


def test_overdue_page_lists_late_reports_and_missing_ones(official_client, finance_bureau):
    task = finance_bureau.tasks.first()
    report = ProgressReport.objects.create(
        task=task, unit=finance_bureau, year=2024, period="h1", text="迟交", submitted_at=at(dt.date(2024, 7, 20))
    )
    content = official_client.get(reverse("targets:task-overdue"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Handed in late" in content and report.get_absolute_url() in content
    assert "half-year report" in content and "year report" in content


def hand_in_report(client, task, text="上半年进展"):
    return client.post(
        reverse("targets:task-submit", args=[task.number, "report"]), {"year": "2025", "period": "h1", "text": text}
    )


def test_handing_in_records_the_step_and_tells_the_office(unit_client, finance_bureau, official):
    task = finance_bureau.tasks.first()
    response = hand_in_report(unit_client, task)
    report = ProgressReport.objects.get()
    assert response.url == report.get_absolute_url()
    assert report.state == ReviewState.SUBMITTED
    assert [(e.from_state, e.to_state) for e in report.events.all()] == [("draft", "submitted")]
    assert Notification.objects.filter(user=official, event__object_id=report.pk).exists()


def test_official_returns_with_a_comment_the_unit_resubmits_and_the_official_accepts(
    unit_client, official_client, finance_bureau, finance_user, official
):
    task = finance_bureau.tasks.first()
    hand_in_report(unit_client, task)
    report = ProgressReport.objects.get()
    review = reverse("targets:submission-review", args=["report", report.pk])
    assert official_client.post(review, {"action": "return", "comment": ""}).status_code == 302
    report.refresh_from_db()
    assert report.state == ReviewState.SUBMITTED  # a return needs a comment
    official_client.post(review, {"action": "return", "comment": "请补充数据"})
    report.refresh_from_db()
    assert report.state == ReviewState.RETURNED
    assert Notification.objects.filter(user=finance_user, event__comment="请补充数据").exists()
    first_hand_in = report.submitted_at
    hand_in_report(unit_client, task, "补充后的进展")
    report.refresh_from_db()
    assert (report.state, report.text, report.submitted_at) == (ReviewState.SUBMITTED, "补充后的进展", first_hand_in)
    official_client.post(review, {"action": "accept", "comment": ""})
    report.refresh_from_db()
    assert report.state == ReviewState.APPROVED
    steps = [(e.to_state, e.actor.username, e.comment) for e in report.events.all()]
    assert steps == [
        ("submitted", "finance_officer", ""),
        ("returned", "official", "请补充数据"),
        ("submitted", "finance_officer", ""),
        ("approved", "official", ""),
    ]
    page = unit_client.get(report.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "请补充数据" in page and "Timeline" in page
    assert hand_in_report(unit_client, task, "接受后再改").status_code == 302
    report.refresh_from_db()
    assert report.text == "补充后的进展"  # accepted: no longer changed


def test_a_unit_cannot_accept_its_own_report(unit_client, finance_bureau, finance_user):
    task = finance_bureau.tasks.first()
    hand_in_report(unit_client, task)
    report = ProgressReport.objects.get()
    response = unit_client.post(reverse("targets:submission-review", args=["report", report.pk]), {"action": "accept"})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        supervision.review(report, "accept", finance_user)
    report.refresh_from_db()
    assert report.state == ReviewState.SUBMITTED


def test_another_unit_sees_nothing_of_a_units_report(unit_client, other_client, finance_bureau):
    task = finance_bureau.tasks.first()
    hand_in_report(unit_client, task, "财政局的机密进展")
    report = ProgressReport.objects.get()
    assert other_client.get(report.get_absolute_url()).status_code == 404
    assert other_client.get(reverse("targets:submission-attachment", args=["report", report.pk])).status_code == 404
    assert "财政局的机密进展" not in other_client.get(reverse("targets:task-list")).content.decode()


def test_enterprise_users_cannot_review(client_a, finance_bureau):
    plan = WorkPlan.objects.create(task=finance_bureau.tasks.first(), unit=finance_bureau, year=2025, text="x")
    assert client_a.get(plan.get_absolute_url()).status_code == 403
    response = client_a.post(reverse("targets:submission-review", args=["plan", plan.pk]), {"action": "accept"})
    assert response.status_code == 403


def test_an_accepted_plan_cannot_be_accepted_again(finance_bureau, official):
    plan = WorkPlan.objects.create(task=finance_bureau.tasks.first(), unit=finance_bureau, year=2025, text="x")
    supervision.review(plan, "accept", official)
    with pytest.raises(TransitionRefused):
        supervision.review(plan, "accept", official)


@pytest.mark.parametrize(
    ("name", "zh", "en"),
    [
        ("targets:deadline-list", "设定截止日期", "Set a deadline"),
        ("targets:meeting-list", "记录会议", "Record a meeting"),
        ("targets:assessment", "考核细则", "Rubric"),
        ("targets:task-overdue", "逾期督办事项", "Overdue follow-ups"),
    ],
)
def test_the_supervision_pages_speak_both_languages(official_client, name, zh, en):
    assert zh in official_client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert en in official_client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_units_to_do_list_speaks_both_languages(unit_client):
    assert "待办事项" in unit_client.get(reverse("targets:task-list"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "To do" in unit_client.get(reverse("targets:task-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
