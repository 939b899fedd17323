"""The office head approves a year in the browser, records arrive later, the drift view lists
them (in Chinese and in English), and the approval is withdrawn with a reason."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission

from targets.models import YearApproval
from targets.recompute import recompute

from ..targets.records import patent
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_office_head_approves_a_year_and_sees_the_drift(page, official, enterprise_a):
    official.user_permissions.add(Permission.objects.get(codename="approve_figures"))
    for day in (dt.date(2024, 3, 1), dt.date(2024, 6, 1)):
        patent(enterprise_a, granted=day)
    recompute()

    log_in(page, "official")
    page.goto("/targets/?year=2024")
    page.click("#approval button.primary")  # 批准2024年的数据
    page.wait_for_selector("#approval .badge-approved")
    assert YearApproval.objects.active().filter(year=2024).exists()
    screenshot(page, "approval-list-zh")

    late = patent(enterprise_a, granted=dt.date(2024, 9, 1))  # a record of 2024 arriving after the approval
    recompute()
    page.goto("/targets/indicators/C1/")
    page.wait_for_selector("#drift-2024")
    assert page.locator("table.indicator-years td.drifted").first.inner_text().strip() == "+1"
    assert page.locator(f"#drift-2024 a[href='/enterprises/patents/{late.pk}/']").count() == 1
    assert "批准后新增" in page.locator("#drift-2024").inner_text()
    screenshot(page, "approval-drift-zh")

    page.click("button[name=language][value=en]")
    page.wait_for_selector("#drift-2024 h3:has-text('Added since the approval')")
    page.click(f"#drift-2024 a[href='/enterprises/patents/{late.pk}/']")
    page.wait_for_load_state()
    assert page.url.endswith(f"/enterprises/patents/{late.pk}/")
    page.goto("/targets/indicators/C1/")
    screenshot(page, "approval-drift-en")

    page.goto("/targets/?year=2024")
    page.fill("#approval textarea[name=reason]", "A patent of 2024 arrived late")
    page.click("#approval form button[type=submit]")
    page.wait_for_selector("#approval button.primary")  # approvable again
    assert "A patent of 2024 arrived late" in page.locator("#approval").inner_text()
    assert YearApproval.objects.get().withdrawal_reason == "A patent of 2024 arrived late"
    screenshot(page, "approval-withdrawn-en")
    assert not page.console_errors
