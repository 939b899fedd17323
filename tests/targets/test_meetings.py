"""Leading-group meetings: a meeting's decisions become follow-ups for units, which appear in
the unit's to-do list and, once late, in the office's overdue counts."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from targets.dashboards.attention import overdue_follow_ups
from targets.models import FollowUp, Meeting, Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(official_client):
    response = official_client.post(
        reverse("targets:meeting-list"),
        {
            "date": "2025-03-10",
            "title": "2025年第一次领导小组会议",
            "attendees": "管委会主任\n区财政局局长",
            "minutes": "研究质押融资工作",
            "decisions": "设立风险补偿基金\n\n开展贯标培训",
        },
    )
    meeting = Meeting.objects.get()
    assert response.url == meeting.get_absolute_url()
    return meeting


def assign(official_client, meeting, unit, due: dt.date, action="制定风险补偿基金管理办法"):
    decision = meeting.decisions.get(number=1)
    return official_client.post(
        meeting.get_absolute_url(),
        {"decision": decision.pk, "unit": unit.pk, "action": action, "due": due.isoformat()},
    )


def test_a_meeting_is_recorded_with_its_decisions(meeting):
    assert list(meeting.decisions.values_list("number", "text")) == [(1, "设立风险补偿基金"), (2, "开展贯标培训")]
    assert "区财政局局长" in meeting.attendees


def test_a_decision_becomes_a_follow_up_for_a_unit(official_client, meeting, finance_bureau):
    assert assign(official_client, meeting, finance_bureau, dt.date(2025, 4, 30)).status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.unit, follow_up.due, follow_up.decision.number) == (finance_bureau, dt.date(2025, 4, 30), 1)
    page = official_client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "制定风险补偿基金管理办法" in page


def test_a_follow_up_without_a_due_date_is_refused(official_client, meeting, finance_bureau):
    decision = meeting.decisions.get(number=1)
    response = official_client.post(
        meeting.get_absolute_url(), {"decision": decision.pk, "unit": finance_bureau.pk, "action": "x"}
    )
    assert response.status_code == 400 and not FollowUp.objects.exists()


def test_the_follow_up_is_in_the_units_to_do_list_and_not_in_another_units(
    official_client, meeting, finance_bureau, unit_client, other_client
):
    assign(official_client, meeting, finance_bureau, timezone.localdate() + dt.timedelta(days=10))
    assert "制定风险补偿基金管理办法" in unit_client.get(reverse("targets:task-list")).content.decode()
    assert "制定风险补偿基金管理办法" not in other_client.get(reverse("targets:task-list")).content.decode()


def test_an_overdue_follow_up_counts_for_the_office_until_done(
    official_client, meeting, finance_bureau, unit_client, other_client
):
    assign(official_client, meeting, finance_bureau, timezone.localdate() - dt.timedelta(days=1))
    plan = Plan.objects.current()
    assert overdue_follow_ups(plan, 2025).count == 1
    overdue_page = official_client.get(reverse("targets:task-overdue")).content.decode()
    assert "制定风险补偿基金管理办法" in overdue_page
    follow_up = FollowUp.objects.get()
    done = reverse("targets:follow-up-done", args=[follow_up.pk])
    assert other_client.post(done, {"note": "不是我们的"}).status_code == 404
    unit_client.post(done, {"note": ""})
    assert overdue_follow_ups(plan, 2025).count == 1  # a note is needed
    unit_client.post(done, {"note": "办法已印发"})
    follow_up.refresh_from_db()
    assert follow_up.done_note == "办法已印发" and follow_up.done_at is not None
    assert overdue_follow_ups(plan, 2025).count == 0


def test_the_dashboard_shows_overdue_follow_ups(official_client, meeting, finance_bureau):
    assign(official_client, meeting, finance_bureau, timezone.localdate() - dt.timedelta(days=3))
    content = official_client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "overdue follow-ups" in content


def test_units_cannot_see_or_record_meetings(unit_client, meeting):
    assert unit_client.get(reverse("targets:meeting-list")).status_code == 403
    assert unit_client.get(meeting.get_absolute_url()).status_code == 403
    assert unit_client.post(reverse("targets:meeting-list"), {"date": "2025-01-01"}).status_code == 403
