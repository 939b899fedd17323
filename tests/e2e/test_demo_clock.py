"""The demo's claim journey in the browser with the clock frozen inside the plan, on its last day
and a year after it: the enterprise user finds the returned claim, resubmits it and starts a new
one on an open item."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from demo.seed import DEMO_PASSWORD
from finance.models import Claim

from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("day", [dt.date(2024, 6, 15), dt.date(2025, 12, 31), dt.date(2026, 12, 31)])
def test_demo_enterprise_resubmits_the_returned_claim_and_starts_a_new_one(page, day):
    with time_machine.travel(dt.datetime.combine(day, dt.time(10), tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        claim = Claim.objects.get(state="returned")

        log_in(page, "ent_a", DEMO_PASSWORD)
        page.click(f"section.attention a[href='{claim.get_absolute_url()}']")  # needs your action
        page.click("button[value=submit]")
        page.wait_for_selector("[data-state=submitted]")
        screenshot(page, f"demo-clock-{day}-resubmitted")
        claim.refresh_from_db()
        assert claim.state == "submitted"

        page.goto("/finance/fund/")  # the items open today
        row = page.locator("tr", has_text="发明专利授权资助").filter(has=page.locator(f"td:text-is('{day.year}')"))
        row.locator("a.button").click()
        page.locator("input[name=records]").first.check()
        page.click("button:has-text('保存草稿并查看金额')")
        page.wait_for_selector("button[value=submit]")
        assert Claim.objects.filter(state="draft", item__year=day.year).exists()
