"""An annual report whose process died while it was queued or being made: past its lease it
fails, says why in the reader's language, and its page offers to make it again."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from targets.models import AnnualReport, Plan
from targets.reports import find_lost

pytestmark = pytest.mark.django_db


def stuck_report(state=AnnualReport.State.RUNNING, lease=dt.timedelta(seconds=-1)) -> AnnualReport:
    return AnnualReport.objects.create(
        plan=Plan.objects.current(), year=2025, state=state, progress=35, lease_until=timezone.now() + lease
    )


def test_a_report_past_its_lease_fails_and_offers_to_be_made_again(
    reference_data, official_client, django_capture_on_commit_callbacks
):
    report = stuck_report()
    page = official_client.get(report.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    report.refresh_from_db()
    assert report.state == AnnualReport.State.FAILED and report.worker_lost
    assert "The process making this report stopped before it finished" in page
    assert "Make the report again" in page and '<meta http-equiv="refresh"' not in page
    page_zh = official_client.get(report.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "生成此报告的进程在完成前已停止" in page_zh

    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(reverse("targets:report-list"), {"year": "2025"})
    again = AnnualReport.objects.exclude(pk=report.pk).get()
    assert response.url == again.get_absolute_url()
    assert again.state == AnnualReport.State.DONE and not again.worker_lost


def test_the_report_list_fails_queued_reports_past_their_lease(reference_data, official_client):
    lost = stuck_report(AnnualReport.State.QUEUED)
    waiting = stuck_report(AnnualReport.State.QUEUED, lease=dt.timedelta(minutes=10))
    official_client.get(reverse("targets:report-list"))
    assert AnnualReport.objects.get(pk=lost.pk).state == AnnualReport.State.FAILED
    assert AnnualReport.objects.get(pk=waiting.pk).state == AnnualReport.State.QUEUED


def test_a_report_is_leased_when_asked_for_and_while_it_is_made(reference_data, official):
    from targets.tasks import request_report

    report = request_report(Plan.objects.current(), 2025, official)
    assert report.lease_until > timezone.now() + dt.timedelta(minutes=5)  # the queued lease
    assert find_lost() == 0
    from targets.reports import make

    AnnualReport.objects.filter(pk=report.pk).update(lease_until=timezone.now() - dt.timedelta(seconds=1))
    report.refresh_from_db()
    make(report)
    report.refresh_from_db()
    assert report.state == AnnualReport.State.DONE and report.lease_until > timezone.now()
    assert find_lost() == 0
