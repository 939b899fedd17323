"""An official opens the dashboard, sees the charts drawn, follows a drill-down, switches
language and downloads the annual report."""

import datetime as dt

import pytest

from targets.recompute import recompute

from ..targets.records import patent, trademark
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_official_dashboard_charts_drill_down_language_and_report(page, official, enterprise_a, tmp_path):
    for day in (dt.date(2025, 3, 1), dt.date(2025, 6, 1), dt.date(2024, 6, 1)):
        patent(enterprise_a, granted=day)
    trademark(enterprise_a, dt.date(2025, 4, 1))
    recompute()

    log_in(page, "official")
    page.goto("/?year=2025")
    page.wait_for_selector("[data-code=C1]")
    assert page.locator("[data-code=C1] .tile-value a").inner_text().startswith("2")
    assert page.locator("svg.spark").count() > 0
    screenshot(page, "dashboard-zh")

    page.click("[data-code=C1] .tile-value a")  # drill-down to the records behind C1
    page.wait_for_selector("p.count")
    assert page.locator("p.count").get_attribute("data-count") == "2"
    screenshot(page, "drill-down-c1-zh")

    page.goto("/targets/charts/?year=2025")
    page.wait_for_selector("#chart-patents canvas")
    assert page.locator(".chart canvas").count() == 5
    screenshot(page, "charts-zh")
    page.click("#chart-patents summary")
    assert page.locator("#chart-patents table").is_visible()
    with page.expect_download() as png:
        page.click("#chart-patents button[data-png]")
    assert png.value.suggested_filename == "patents.png"

    page.goto("/targets/indicators/C1/")
    page.wait_for_selector("#chart-history-C1 canvas")

    page.click("button[name=language][value=en]")
    page.wait_for_selector("h1:has-text('Patents granted per year')")
    page.goto("/?year=2025")
    page.wait_for_selector("h2:has-text('Creation')")
    screenshot(page, "dashboard-en")

    page.goto("/targets/reports/")
    page.click("form.inline-form button[type=submit]")
    page.wait_for_selector("[data-download=pdf]", timeout=30000)
    with page.expect_download() as pdf:
        page.click("[data-download=pdf]")
    path = tmp_path / "report.pdf"
    pdf.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    screenshot(page, "report-en")
    assert page.console_errors == []
