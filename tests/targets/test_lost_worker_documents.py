"""An annual report or a dossier whose process died while it was queued or being made: past its
lease it fails, says why in the reader's language, and its page offers to make it again
(targets.leases, shared by both)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from targets import dossier, reports, tasks
from targets.models import AnnualReport, Dossier, Plan

pytestmark = pytest.mark.django_db


@dataclass
class Kind:
    model: Any
    list_url: str
    field: str  # the list's form field naming the year or period
    module: Any  # the module with make and find_lost
    request: Any
    lost_en: str
    lost_zh: str
    again_en: str
    again_zh: str


REPORT = Kind(
    AnnualReport,
    "targets:report-list",
    "year",
    reports,
    tasks.request_report,
    "The process making this report stopped before it finished",
    "生成此报告的进程在完成前已停止",
    "Make the report again",
    "重新生成报告",
)
DOSSIER = Kind(
    Dossier,
    "targets:dossier-list",
    "period",
    dossier,
    tasks.request_dossier,
    "The process making this dossier stopped before it finished",
    "生成此考核材料的进程在完成前已停止",
    "Make the dossier again",
    "重新生成考核材料",
)
KINDS = pytest.mark.parametrize("kind", [REPORT, DOSSIER], ids=["report", "dossier"])


def stuck(kind: Kind, state="running", lease=dt.timedelta(seconds=-1), year=2025):
    return kind.model.objects.create(
        plan=Plan.objects.current(), year=year, state=state, progress=35, lease_until=timezone.now() + lease
    )


@pytest.mark.parametrize(
    ("kind", "year", "period"),
    [(REPORT, 2025, "2025"), (DOSSIER, 2025, "2025"), (DOSSIER, None, "all")],
    ids=["report", "dossier-year", "dossier-whole-plan"],
)
def test_a_document_past_its_lease_fails_and_offers_to_be_made_again(
    reference_data, official_client, django_capture_on_commit_callbacks, kind, year, period
):
    document = stuck(kind, year=year)
    page = official_client.get(document.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    document.refresh_from_db()
    assert document.state == kind.model.State.FAILED and document.worker_lost
    assert kind.lost_en in page and kind.again_en in page and '<meta http-equiv="refresh"' not in page
    assert f'name="{kind.field}" value="{period}"' in page
    page_zh = official_client.get(document.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert kind.lost_zh in page_zh and kind.again_zh in page_zh

    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(reverse(kind.list_url), {kind.field: period})
    again = kind.model.objects.exclude(pk=document.pk).get()
    assert response.url == again.get_absolute_url()
    assert again.year == year and again.state == kind.model.State.DONE and not again.worker_lost


@KINDS
def test_the_list_fails_queued_documents_past_their_lease(reference_data, official_client, kind):
    lost = stuck(kind, "queued")
    waiting = stuck(kind, "queued", lease=dt.timedelta(minutes=10))
    official_client.get(reverse(kind.list_url))
    assert kind.model.objects.get(pk=lost.pk).state == kind.model.State.FAILED
    assert kind.model.objects.get(pk=waiting.pk).state == kind.model.State.QUEUED


@KINDS
def test_a_document_without_a_lease_queued_too_long_is_lost(reference_data, settings, kind):
    document = stuck(kind, "queued")
    kind.model.objects.filter(pk=document.pk).update(
        lease_until=None, created_at=timezone.now() - dt.timedelta(seconds=settings.TASK_QUEUED_LEASE_SECONDS + 1)
    )
    assert kind.module.find_lost() == 1
    assert kind.model.objects.get(pk=document.pk).worker_lost


@KINDS
def test_a_document_is_leased_when_asked_for_and_while_it_is_made(reference_data, official, kind):
    document = kind.request(Plan.objects.current(), 2025, official)
    assert document.lease_until > timezone.now() + dt.timedelta(minutes=5)  # the queued lease
    assert kind.module.find_lost() == 0

    kind.model.objects.filter(pk=document.pk).update(lease_until=timezone.now() - dt.timedelta(seconds=1))
    document.refresh_from_db()
    kind.module.make(document)
    document.refresh_from_db()
    assert document.state == kind.model.State.DONE and document.lease_until > timezone.now()
    assert kind.module.find_lost() == 0
