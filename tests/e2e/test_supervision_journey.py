"""A member unit's report goes round in the browser: the unit hands it in, an official returns
it with a comment, the unit changes it and hands it in again, the official accepts it; both
languages."""

import pytest

from targets.models import MemberUnit, ProgressReport

from ..factories import UserFactory
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def log_out(page):
    page.click("form.inline button[type=submit]")
    page.wait_for_load_state()


def test_unit_reports_official_returns_unit_resubmits_official_accepts(page, official):
    unit = MemberUnit.objects.get(name="区财政局")
    unit.members.create(user=UserFactory(username="finance_officer"))
    task = unit.tasks.order_by("number").first()

    log_in(page, "finance_officer")
    page.wait_for_selector("#todo")
    screenshot(page, "supervision-todo-zh")
    page.goto(task.get_absolute_url())
    report_form = page.locator(f"form[action$='/tasks/{task.number}/report/']")
    report_form.locator("input[name=year]").fill("2025")
    report_form.locator("select[name=period]").select_option("h1")
    report_form.locator("textarea[name=text]").fill("上半年完成专利导航项目立项")
    report_form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-state=submitted]")
    report = ProgressReport.objects.get()
    log_out(page)

    log_in(page, "official")
    page.goto(report.get_absolute_url())
    page.fill("textarea[name=comment]", "请补充导航报告的完成时间")
    page.click("button[value=return]")
    page.wait_for_selector("[data-state=returned]")
    screenshot(page, "supervision-returned-zh")
    log_out(page)

    log_in(page, "finance_officer")
    page.click("a.notices")
    assert page.locator("text=请补充导航报告的完成时间").first.is_visible()
    page.goto(report.get_absolute_url())
    page.fill("textarea[name=text]", "上半年完成专利导航项目立项,报告于6月30日完成")
    page.click(f"form[action$='/tasks/{task.number}/report/'] button[type=submit]")
    page.wait_for_selector("[data-state=submitted]")
    log_out(page)

    log_in(page, "official")
    page.goto(report.get_absolute_url())
    page.click("button[value=accept]")
    page.wait_for_selector("[data-state=approved]")
    assert page.locator("ol.timeline li").count() == 4
    screenshot(page, "supervision-accepted-zh")
    page.context.set_extra_http_headers({"Accept-Language": "en"})
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.url}])
    page.goto(report.get_absolute_url())
    page.wait_for_selector("text=Timeline")
    assert page.locator("text=returned for changes").first.is_visible()
    screenshot(page, "supervision-accepted-en")
    report.refresh_from_db()
    assert report.state == "approved" and "6月30日" in report.text
    assert not page.console_errors
