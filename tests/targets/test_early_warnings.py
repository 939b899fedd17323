"""Early warnings: one notice to the office when a recomputation makes indicators worse, none
otherwise; muted indicators are left out."""

from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from core.models import Notification
from targets.models import EarlyWarning, Indicator, IndicatorMute, Plan, ReportedValue
from targets.recompute import recompute

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return Plan.objects.current()


@pytest.fixture
def reported(plan):
    return Indicator.objects.create(
        plan=plan,
        code="X1",
        name_zh="园区知识产权服务机构数",
        name_en="IP service firms in the park",
        area="management",
        unit="count",
        aggregation="reported",
        direction="at_least",
        target=Decimal(10),
    )


def report(indicator, official, value, year=2024):
    ReportedValue.objects.update_or_create(
        indicator=indicator, year=year, defaults={"value": Decimal(value), "note": "统计", "entered_by": official}
    )


def run(capture):
    with capture(execute=True):
        return recompute(trigger="test")


def test_a_worsening_sends_one_notice_with_before_and_after(
    plan, reported, official, django_capture_on_commit_callbacks, mailoutbox
):
    report(reported, official, 10)
    run(django_capture_on_commit_callbacks)
    assert not EarlyWarning.objects.exists()  # nothing stored before: nothing got worse
    report(reported, official, 4)
    run(django_capture_on_commit_callbacks)
    warning = EarlyWarning.objects.get()
    [change] = warning.changes
    assert (change["code"], change["year"], change["status_before"], change["status_after"]) == (
        "X1",
        2024,
        "achieved",
        "behind",
    )
    assert (change["value_before"], change["value_after"]) == ("10", "4")
    notice = Notification.objects.get(user=official)
    assert notice.url == warning.get_absolute_url() and "X1" in notice.body
    [mail] = [m for m in mailoutbox if official.email in m.to]
    assert "X1" in mail.body and reverse("targets:indicator-detail", args=["X1"]) in mail.body


def test_no_notice_when_nothing_got_worse(plan, reported, official, django_capture_on_commit_callbacks):
    report(reported, official, 4)
    run(django_capture_on_commit_callbacks)
    report(reported, official, 10)  # better
    run(django_capture_on_commit_callbacks)
    run(django_capture_on_commit_callbacks)  # unchanged
    assert not EarlyWarning.objects.exists() and not Notification.objects.exists()


def test_several_worsenings_make_one_notice(plan, reported, official, django_capture_on_commit_callbacks):
    report(reported, official, 10, 2024)
    report(reported, official, 10, 2025)
    run(django_capture_on_commit_callbacks)
    report(reported, official, 3, 2024)
    report(reported, official, 3, 2025)
    run(django_capture_on_commit_callbacks)
    assert EarlyWarning.objects.get().changes.__len__() == 2
    assert Notification.objects.filter(user=official).count() == 1


def test_a_muted_indicator_warns_no_one_that_year(
    plan, reported, official, official_client, django_capture_on_commit_callbacks
):
    report(reported, official, 10)
    run(django_capture_on_commit_callbacks)
    response = official_client.post(reverse("targets:indicator-mute", args=["X1"]), {"year": "2024"})
    assert response.status_code == 302 and IndicatorMute.objects.filter(indicator=reported, year=2024).exists()
    report(reported, official, 4)
    run(django_capture_on_commit_callbacks)
    assert not EarlyWarning.objects.exists()
    official_client.post(reverse("targets:indicator-mute", args=["X1"]), {"year": "2024"})  # unmute
    assert not IndicatorMute.objects.exists()


def test_the_warning_page_links_each_indicator(
    plan, reported, official, official_client, django_capture_on_commit_callbacks
):
    report(reported, official, 10)
    run(django_capture_on_commit_callbacks)
    report(reported, official, 9.5)
    run(django_capture_on_commit_callbacks)
    warning = EarlyWarning.objects.get()
    content = official_client.get(warning.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert reverse("targets:indicator-detail", args=["X1"]) in content
    assert "achieved" in content and ("at risk" in content or "behind" in content)


def test_units_and_enterprises_cannot_mute(plan, reported, client_a):
    assert client_a.post(reverse("targets:indicator-mute", args=["X1"]), {"year": "2024"}).status_code == 403
    assert not IndicatorMute.objects.exists()


@pytest.mark.parametrize(("today", "year"), [("2024-06-01", 2024), ("2026-11-30", 2025)])
def test_the_mute_form_offers_the_reporting_year_first(plan, reported, official_client, today, year):
    with time_machine.travel(f"{today} 10:00 +0800", tick=False):
        page = official_client.get(reverse("targets:indicator-detail", args=["X1"])).content.decode()
    form = page[page.index('id="mute-year"') :]
    form = form[: form.index("</select>")]
    assert f'<option value="{year}" selected>' in form
    assert form.count(" selected") == 1
