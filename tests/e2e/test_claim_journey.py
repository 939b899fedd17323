"""A claim goes round in the browser: the enterprise submits, an official returns it, the
enterprise resubmits, the official approves."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from finance.models import Claim, SupportItem

from ..factories import PatentFactory
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_enterprise_claims_official_returns_enterprise_resubmits_official_approves(
    page, user_a, enterprise_a, official
):
    today = timezone.localdate()
    SupportItem.objects.create(
        year=today.year,
        name="发明专利授权资助",
        target=SupportItem.Target.INVENTION_GRANT,
        rule=SupportItem.Rule.FIXED,
        fixed_amount=Decimal("5000"),
        budget=Decimal("200000"),
        opens_on=today - dt.timedelta(days=10),
        closes_on=today + dt.timedelta(days=10),
    )
    patents = [PatentFactory(enterprise=enterprise_a, grant_date=dt.date(today.year, 1, 10)) for _ in range(2)]

    log_in(page, "user_a")
    page.click("text=资助项目")
    page.click("a.button:has-text('申请')")
    page.check(f"input[name=records][value='{patents[0].pk}']")
    page.fill("textarea[name=note]", "一件发明专利")
    page.click("button:has-text('保存草稿并查看金额')")
    page.wait_for_selector("text=提交申请，金额 5,000.00 元")
    page.click("button[value=submit]")
    page.wait_for_selector("[data-state=submitted]")
    claim = Claim.objects.get()
    assert claim.state == "submitted"
    page.click("form.inline button[type=submit]")  # log out
    page.wait_for_load_state()

    log_in(page, "official")
    page.goto("/finance/claims/")
    page.click(f"a[href='/finance/claims/{claim.pk}/']")
    page.fill("textarea[name=comment]", "请把两件专利一起申请")
    page.click("button[value=return]")
    page.wait_for_selector("[data-state=returned]")
    screenshot(page, "claim-returned-zh")
    page.click("form.inline button[type=submit]")
    page.wait_for_load_state()

    log_in(page, "user_a")
    page.click("a.notices")
    assert page.locator("text=请把两件专利一起申请").first.is_visible()
    page.goto(f"/finance/claims/{claim.pk}/edit/")
    page.check(f"input[name=records][value='{patents[1].pk}']")
    page.click("button:has-text('保存草稿并查看金额')")
    page.wait_for_selector("text=提交申请，金额 10,000.00 元")
    page.click("button[value=submit]")
    page.wait_for_selector("[data-state=submitted]")
    page.click("form.inline button[type=submit]")
    page.wait_for_load_state()

    log_in(page, "official")
    page.goto(f"/finance/claims/{claim.pk}/")
    page.click("button[value=approve]")
    page.wait_for_selector("[data-state=approved]")
    screenshot(page, "claim-approved-zh")
    claim.refresh_from_db()
    assert (claim.state, claim.approved_amount) == ("approved", Decimal("10000"))
    assert page.console_errors == []
