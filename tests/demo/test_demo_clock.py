"""The demo's journeys with the clock frozen inside the plan, on its last day and a year after it."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from core.models import ReviewState
from finance import claims as rules
from finance.models import Claim, SupportItem
from targets.models import Plan

pytestmark = pytest.mark.django_db

INSIDE, LAST_DAY, AFTER = dt.date(2024, 6, 15), dt.date(2025, 12, 31), dt.date(2026, 12, 31)
DAYS = pytest.mark.parametrize("day", [INSIDE, LAST_DAY, AFTER], ids=["inside-the-plan", "last-day", "a-year-after"])


@pytest.fixture
def frozen(request):
    """Freeze the clock at 10:00 in the park on the parametrized day, then seed the demo."""
    day = request.node.callspec.params["day"]
    with time_machine.travel(dt.datetime.combine(day, dt.time(10), tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield day


def client_for(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def returned_claim() -> Claim:
    return Claim.objects.get(enterprise__memberships__user__username="ent_a", state=ReviewState.RETURNED)


@DAYS
def test_enterprise_fixes_and_resubmits_the_returned_claim_and_the_official_pays_it(frozen, day):
    ent = client_for("ent_a")
    claim = returned_claim()
    assert claim.item.is_open_on(day)

    assert claim in ent.get(reverse("enterprises:home")).context["to_act"]
    page = ent.get(claim.get_absolute_url()).content.decode()
    assert 'value="submit"' in page and "data-item-closed" not in page
    edit = ent.get(reverse("finance:claim-edit", args=[claim.pk]))
    assert edit.status_code == 200
    records = [str(line.object_id) for line in claim.lines.all()]
    response = ent.post(reverse("finance:claim-edit", args=[claim.pk]), {"records": records, "note": "已补充证书"})
    assert response.status_code == 302
    ent.post(reverse("finance:claim-action", args=[claim.pk]), {"action": "submit"})
    claim.refresh_from_db()
    assert claim.state == ReviewState.SUBMITTED

    official = client_for("official")
    assert claim.get_absolute_url() in official.get(reverse("finance:claim-list")).content.decode()
    for data in (
        {"action": "start"},
        {"action": "approve", "amount": str(claim.amount)},
        {"action": "pay", "payment_date": f"{day:%Y-%m-%d}", "payment_reference": "CZ-0001"},
    ):
        official.post(reverse("finance:claim-action", args=[claim.pk]), data)
    claim.refresh_from_db()
    assert claim.state == ReviewState.PAID


@DAYS
def test_enterprise_drafts_and_submits_a_new_claim_on_an_open_item(frozen, day):
    ent = client_for("ent_a")
    listing = ent.get(reverse("finance:item-list")).content.decode()
    item = SupportItem.objects.get(year=day.year, target=SupportItem.Target.INVENTION_GRANT)
    assert item.get_absolute_url() in listing
    form = ent.get(reverse("finance:claim-create", args=[item.pk]))
    free = list(form.context["form"].available)
    assert free, "the open item has claimable records"
    response = ent.post(reverse("finance:claim-create", args=[item.pk]), {"records": free[:1], "note": ""})
    assert response.status_code == 302
    claim = Claim.objects.get(item=item, state=ReviewState.DRAFT)
    ent.post(reverse("finance:claim-action", args=[claim.pk]), {"action": "submit"})
    claim.refresh_from_db()
    assert claim.state == ReviewState.SUBMITTED
    assert claim.amount == item.fixed_amount


@DAYS
def test_pages_defaulting_to_today_show_the_plans_last_year_once_it_is_over(frozen, day):
    official = client_for("official")
    past = day > Plan.objects.current().last_day
    expected_year = 2025 if past else day.year
    for name in ("home", "targets:indicator-list", "targets:forecast", "enterprises:lapse-risk", "training:untrained"):
        response = official.get(reverse(name))
        assert response.status_code == 200, name
        assert ('data-past-plan="2025"' in response.content.decode()) is past, name
    assert official.get(reverse("targets:indicator-list")).context["year"] == expected_year
    assert official.get(reverse("targets:forecast")).context["as_of"].year == expected_year
    assert client_for("ent_a").get(reverse("enterprises:home")).context["year"] == expected_year
    rows = official.get("/api/v1/indicators/").json()
    assert {row["year"] for row in rows} == {expected_year}


@DAYS
def test_a_claim_on_a_closed_item_says_so_and_is_not_listed_as_needing_action(frozen, day):
    ent = client_for("ent_a")
    claim = returned_claim()
    claim.item.closes_on = day - dt.timedelta(days=1)
    claim.item.opens_on = min(claim.item.opens_on, claim.item.closes_on)
    claim.item.save()
    page = ent.get(claim.get_absolute_url()).content.decode()
    assert "data-item-closed" in page
    assert 'value="submit"' not in page
    assert reverse("finance:claim-edit", args=[claim.pk]) not in page
    assert claim not in ent.get(reverse("enterprises:home")).context["to_act"]
    with pytest.raises(rules.TransitionRefused):
        rules.submit(claim, User.objects.get(username="ent_a"))
