"""The officials' dashboard kept in the cache (targets.cache, targets.dashboards.attention): the
kept page is the page made afresh, and any change to the work waiting for officials shows at once."""

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from enterprises.filings import review
from enterprises.models import ImportRun
from finance.models import Claim
from targets.models import FollowUp, Meeting, MemberUnit, Plan, WorkPlan
from targets.recompute import recompute

from .records import patent, support_item, trademark_filing

pytestmark = pytest.mark.django_db
CARD_ORDER = [
    "indicators behind",
    "claims awaiting review",
    "filings awaiting review",
    "failed imports",
    "overdue plans and reports",
    "overdue follow-ups",
]


@pytest.fixture
def kept(settings):
    settings.VALUES_CACHE_SECONDS = 300


@pytest.fixture
def park(enterprise_a):
    patent(enterprise_a, granted=dt.date(2025, 3, 1))
    recompute()


def counts(client, lang="en") -> dict[str, int]:
    """The attention cards as the page shows them: {label: count}."""
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    found = re.findall(r'data-count="(\d+)">\d+</span><span>([^<]+)</span>', page)
    return {label: int(count) for count, label in found}


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
@pytest.mark.parametrize("query", ["", "?year=2024", "?year=abc"])
def test_kept_dashboard_is_the_page_made_afresh(official_client, park, enterprise_a, settings, lang, query):
    Claim.objects.create(enterprise=enterprise_a, item=support_item(), state="submitted")
    settings.VALUES_CACHE_SECONDS = 300
    official_client.get(reverse("home") + query, HTTP_ACCEPT_LANGUAGE=lang)  # made and kept
    kept_page = official_client.get(reverse("home") + query, HTTP_ACCEPT_LANGUAGE=lang)
    settings.VALUES_CACHE_SECONDS = 0
    fresh_page = official_client.get(reverse("home") + query, HTTP_ACCEPT_LANGUAGE=lang)
    assert kept_page.status_code == fresh_page.status_code == 200
    assert without_csrf(kept_page.content.decode()) == without_csrf(fresh_page.content.decode())


def test_kept_dashboard_counts_nothing_again(official_client, park, kept):
    official_client.get(reverse("home"))
    with CaptureQueriesContext(connection) as queries:
        official_client.get(reverse("home"))
    counted = [q["sql"] for q in queries if re.search(r"claim|filing|importrun|workplan|followup|keytask", q["sql"])]
    assert counted == []


def test_kept_dashboard_is_per_language(official_client, park, kept):
    assert list(counts(official_client, "en")) == CARD_ORDER
    assert "件资助申请待审核" in official_client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert list(counts(official_client, "en")) == CARD_ORDER


def test_a_submitted_claim_shows_at_once(official_client, park, enterprise_a, kept):
    item = support_item()
    assert counts(official_client)["claims awaiting review"] == 0
    claim = Claim.objects.create(enterprise=enterprise_a, item=item, state="submitted")
    assert counts(official_client)["claims awaiting review"] == 1
    Claim.objects.filter(pk=claim.pk).update(state="approved")  # a bulk write
    assert counts(official_client)["claims awaiting review"] == 0
    Claim.objects.bulk_create([Claim(enterprise=enterprise_a, item=item, state="under_review")])
    assert counts(official_client)["claims awaiting review"] == 1
    Claim.objects.all().delete()
    assert counts(official_client)["claims awaiting review"] == 0


def test_a_reviewed_filing_shows_at_once(official_client, official, park, enterprise_a, user_a, kept):
    filing = trademark_filing(enterprise_a, user_a)
    assert counts(official_client)["filings awaiting review"] == 1
    review(filing.pk, "approve", official)
    assert counts(official_client)["filings awaiting review"] == 0


def test_an_import_that_fails_shows_at_once(official_client, park, kept):
    run = ImportRun.objects.create(
        kind="enterprises", file="imports/x.csv", original_name="x.csv", status=ImportRun.Status.IMPORTING
    )
    assert counts(official_client)["failed imports"] == 0
    # As enterprises.importing.runs.find_lost fails a run whose worker was lost: one UPDATE.
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.FAILED)
    assert counts(official_client)["failed imports"] == 1


def test_a_handed_in_work_plan_and_a_late_follow_up_show_at_once(official_client, park, kept):
    plan = Plan.objects.current()
    unit = MemberUnit.objects.filter(tasks__plan=plan).first()
    task = unit.tasks.filter(plan=plan).first()
    overdue_before = counts(official_client)["overdue plans and reports"]
    WorkPlan.objects.create(task=task, unit=unit, year=plan.first_year, text="x", submitted_at=timezone.now())
    assert counts(official_client)["overdue plans and reports"] == overdue_before - 1
    task.units.remove(unit)  # the unit no longer owes anything on the task
    assert counts(official_client)["overdue plans and reports"] < overdue_before - 1

    meeting = Meeting.objects.create(plan=plan, date=dt.date(2025, 3, 10), title="会议")
    decision = meeting.decisions.create(number=1, text="设立风险补偿基金")
    assert counts(official_client)["overdue follow-ups"] == 0
    FollowUp.objects.create(
        decision=decision, unit=unit, action="办法", due=timezone.localdate() - dt.timedelta(days=1)
    )
    assert counts(official_client)["overdue follow-ups"] == 1


def test_a_follow_up_falls_due_on_the_next_day(client, official, park, kept):
    plan = Plan.objects.current()
    decision = Meeting.objects.create(plan=plan, date=dt.date(2025, 3, 10), title="会议").decisions.create(
        number=1, text="设立风险补偿基金"
    )
    late_evening = timezone.make_aware(dt.datetime(2026, 11, 30, 23, 50))
    with time_machine.travel(late_evening, tick=False):
        client.force_login(official)
        FollowUp.objects.create(
            decision=decision, unit=MemberUnit.objects.first(), action="办法", due=late_evening.date()
        )
        assert counts(client)["overdue follow-ups"] == 0
    with time_machine.travel(late_evening + dt.timedelta(minutes=20), tick=False):
        assert counts(client)["overdue follow-ups"] == 1


def test_an_enterprise_user_never_gets_the_kept_dashboard(official_client, user_a, park, kept):
    official_client.get(reverse("home"))
    enterprise_client = Client()
    enterprise_client.force_login(user_a)
    response = enterprise_client.get(reverse("home"))
    assert response.status_code == 302 and response.url == reverse("enterprises:home")
