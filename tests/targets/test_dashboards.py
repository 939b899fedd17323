"""The officials' dashboard, the record charts and the annual report."""

import datetime as dt
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from pypdf import PdfReader

from finance.models import Claim
from targets.cache import bump_values_generation
from targets.models import AnnualReport, Indicator, IndicatorValue
from targets.recompute import recompute
from training.models import PublicityEvent

from .records import patent, pledge, support_item, trademark

pytestmark = pytest.mark.django_db
INVENTION_UTILITY_DESIGN = ("invention", "utility model", "design")
D = dt.date


@pytest.fixture
def park(enterprise_a, enterprise_b):
    for day in (D(2025, 3, 1), D(2025, 5, 1), D(2024, 6, 1)):
        patent(enterprise_a, granted=day)
    patent(enterprise_b, granted=D(2025, 7, 1), type_digit="2")
    patent(None, granted=D(2025, 7, 1))  # outside the park: counted nowhere
    trademark(enterprise_a, D(2025, 4, 1))
    trademark(enterprise_b, D(2023, 4, 1))
    pledge(enterprise_a, D(2025, 2, 1), 300)
    PublicityEvent.objects.create(date=D(2025, 4, 26), title="世界知识产权日")
    recompute()


def tiles(response):
    return {tile.indicator.code: tile for _code, _label, area in response.context["areas"] for tile in area}


def test_dashboard_numbers_are_the_stored_values(official_client, park):
    response = official_client.get(reverse("home") + "?year=2025")
    shown = tiles(response)
    stored = {v.indicator.code: v for v in IndicatorValue.objects.filter(year=2025).select_related("indicator")}
    assert set(shown) == set(stored) and len(shown) >= 29
    for code, tile in shown.items():
        assert (tile.value, tile.status) == (stored[code].value, stored[code].status), code
    assert shown["C1"].value == 3
    page = response.content.decode()
    shown_c1 = re.search(r'data-code="C1".*?data-value="([^"]*)"', page, re.S).group(1)
    assert Decimal(shown_c1) == 3


def test_each_count_on_the_dashboard_links_to_a_list_of_as_many_records(official_client, park):
    shown = tiles(official_client.get(reverse("home") + "?year=2025"))
    checked = []
    for code in ("C1", "C7", "C8", "P3"):
        tile = shown[code]
        listing = official_client.get(tile.link)
        assert listing.context["paginator"].count == tile.value, code
        checked.append(code)
    assert checked == ["C1", "C7", "C8", "P3"]


def test_attention_counts_link_to_the_lists_behind_them(official_client, enterprise_a, park):
    item = support_item()
    for state in ("submitted", "under_review", "draft", "approved"):
        Claim.objects.create(enterprise=enterprise_a, item=item, state=state)
    response = official_client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en")
    cards = {card.label: card for card in response.context["attention"]}
    claims = cards["claims awaiting review"]
    assert claims.count == 2
    assert official_client.get(claims.url).context["paginator"].count == 2
    behind = cards["indicators behind"]
    listing = official_client.get(behind.url)
    shown = sum(len(rows) for _code, _label, rows in listing.context["areas"])
    assert shown == behind.count > 0


def test_charts_have_data_tables_and_xlsx_downloads(official_client, park):
    response = official_client.get(reverse("targets:charts") + "?year=2025", HTTP_ACCEPT_LANGUAGE="en")
    cards = {chart.slug: chart for chart, _url in response.context["cards"]}
    assert set(cards) == {"patents", "trademarks", "pledges", "industries", "top"}
    patents = cards["patents"]
    inventions_2025 = patents.series[0][1][patents.categories.index(2025)]
    assert inventions_2025 == 2
    page = response.content.decode()
    assert 'id="data-patents"' in page and 'data-chart="data-patents"' in page and 'data-png="data-patents"' in page
    assert "echarts.min.js" in page and "Table view" in page
    download = official_client.get(
        reverse("targets:chart-data", args=["patents"]) + "?year=2025", HTTP_ACCEPT_LANGUAGE="en"
    )
    rows = list(openpyxl.load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Park patents granted, by type and year", *INVENTION_UTILITY_DESIGN)
    assert next(row for row in rows if row[0] == 2025)[1] == 2
    top = cards["top"]
    assert top.categories[0] == "荆门甲化工有限公司" and top.series[0][1][0] == 3


def test_indicator_history_chart_and_its_xlsx(official_client, park):
    page = official_client.get(reverse("targets:indicator-detail", args=["C1"])).content.decode()
    assert 'id="data-history-C1"' in page
    download = official_client.get(reverse("targets:chart-data", args=["history-C1"]))
    rows = list(openpyxl.load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True))
    assert next(row for row in rows if row[0] == 2025)[1] == 3


def test_annual_report_pdf_has_the_chinese_names_and_xlsx_the_table(
    official_client, park, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(reverse("targets:report-list"), {"year": "2025"})
    report = AnnualReport.objects.get()
    assert response.url == report.get_absolute_url()
    report.refresh_from_db()
    assert (report.state, report.progress) == ("done", 100), report.message
    pdf = official_client.get(reverse("targets:report-file", args=[report.pk, "pdf"]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages)
    for name in ("专利年授权量", "每万人有效发明专利拥有量", "知识产权质押融资金额", "知识产权宣传活动场次"):
        assert name in text
    assert "滞后" in text  # statuses in Chinese
    xlsx = official_client.get(reverse("targets:report-file", args=[report.pk, "xlsx"]))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    c1 = next(row for row in rows if row[0] == "C1")
    assert c1[1] == "专利年授权量" and Decimal(str(c1[4])) == 3


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("zh-hans", "文件未能生成；错误已记入日志（编号 annualreport-"),
        ("en", "The file could not be made; the error was logged (reference annualreport-"),
    ],
)
def test_a_failing_report_shows_a_translated_message_and_logs_the_error(
    official_client, park, monkeypatch, django_capture_on_commit_callbacks, caplog, language, shown
):
    def broken(content):
        raise RuntimeError("no fonts in /srv/secret/path")

    monkeypatch.setattr("targets.reports.pdf_bytes", broken)
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("targets:report-list"), {"year": "2025"})
    report = AnnualReport.objects.get()
    assert report.state == "failed"
    page = official_client.get(report.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert shown + str(report.pk) in page and "no fonts" not in page
    logged = next(record for record in caplog.records if record.exc_info)
    assert "no fonts" in str(logged.exc_info[1]) and f"annualreport-{report.pk}" in logged.getMessage()


@pytest.mark.parametrize(
    "url",
    [
        reverse("targets:charts"),
        reverse("targets:chart-data", args=["patents"]),
        reverse("targets:report-list"),
    ],
)
def test_enterprise_users_cannot_see_dashboards_charts_or_reports(client_a, url):
    assert client_a.get(url).status_code == 403


def test_enterprise_users_cannot_download_reports(client_a, official, park):
    from targets.models import Plan

    report = AnnualReport.objects.create(plan=Plan.objects.current(), year=2025, created_by=official)
    assert client_a.get(reverse("targets:report-file", args=[report.pk, "pdf"])).status_code == 403


def test_dashboard_tiles_show_the_status_the_api_gives(official_client, park, api_token):
    from rest_framework.test import APIClient

    shown = tiles(official_client.get(reverse("home") + "?year=2025"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    api = {row["code"]: row for row in client.get("/api/v1/indicators/?year=2025").json()}
    assert {code: tile.status for code, tile in shown.items()} == {code: row["status"] for code, row in api.items()}


# The annual report fit to hand over (issue 16 §4).


def report_xlsx(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("targets:report-list"), {"year": "2025"})
    report = AnnualReport.objects.get()
    return openpyxl.load_workbook(report.xlsx.open("rb"))


def test_report_xlsx_units_are_words_not_keys(official_client, park, django_capture_on_commit_callbacks):
    sheet = report_xlsx(official_client, django_capture_on_commit_callbacks).worksheets[0]
    units = {row[3] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert not units & {"count", "per_10k", "percent", "cny", "per_million_cny"}
    assert {"每万人", "%"} <= units, units


def test_report_xlsx_sheet_names_are_translated(official_client, park, django_capture_on_commit_callbacks):
    names = report_xlsx(official_client, django_capture_on_commit_callbacks).sheetnames
    assert not set(names) & {"patents", "trademarks", "top", "pledges", "industries"}
    assert names[:2] == ["指标", "领域"] and any("前十" in name for name in names), names
    assert all(len(name) <= 31 for name in names)


def test_report_xlsx_values_are_rounded_numbers_with_formats(official_client, park, django_capture_on_commit_callbacks):
    book = report_xlsx(official_client, django_capture_on_commit_callbacks)
    checked = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float | int) and not isinstance(cell.value, bool):
                    assert cell.number_format != "General", (sheet.title, cell.coordinate, cell.value)
                    assert not cell.number_format.endswith(".##")  # Excel would show "423."
                    assert round(cell.value, 2) == cell.value, (sheet.title, cell.coordinate, cell.value)
                    checked += 1
    assert checked > 50


def test_report_has_no_section_for_an_area_without_indicators(official):
    from targets.models import Area, Plan
    from targets.reports import report_content

    plan = Plan.objects.current()
    plan.indicators.filter(area=Area.PROTECTION).delete()
    content = report_content(plan, 2025)
    labels = [area.label for area in content.areas]
    assert str(Area.PROTECTION.label) not in labels and labels
    assert all(area.rows for area in content.areas)
    assert str(Area.PROTECTION.label) not in [label for label, _svg in content.progress_svgs]


def test_report_pdf_has_no_empty_area_or_heading(official_client, park, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("targets:report-list"), {"year": "2025"})
    report = AnnualReport.objects.get()
    text = "".join(page.extract_text() for page in PdfReader(report.pdf.open("rb")).pages)
    assert "共0项指标" not in text
    assert "宣传培训" not in text  # the plan gives that area no indicator


def test_report_page_after_making_shows_no_being_made_notice_once_done(
    official_client, park, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(reverse("targets:report-list"), {"year": "2025"})
    page = official_client.get(response.url).content.decode()
    assert 'data-state="done"' in page
    assert "正在生成" not in page and "<progress" not in page


def tiles_section(page: str) -> str:
    """The dashboard's page from the status summary to the category rule (the kept part and around it)."""
    return page[page.index('class="status-summary"') : page.index('class="plan-timeline"')]


def c1_value(response) -> Decimal:
    page = response.content.decode()
    return Decimal(re.search(r'data-code="C1".*?data-value="([^"]*)"', page, re.S).group(1))


def test_the_kept_dashboard_is_the_page_made_afresh(official_client, park, settings, django_assert_max_num_queries):
    settings.VALUES_CACHE_SECONDS = 0
    fresh = {lang: official_client.get(reverse("home") + "?year=2025", HTTP_ACCEPT_LANGUAGE=lang) for lang in LANGS}
    settings.VALUES_CACHE_SECONDS = 300
    for lang in LANGS:
        made = official_client.get(reverse("home") + "?year=2025", HTTP_ACCEPT_LANGUAGE=lang)
        with django_assert_max_num_queries(made_queries(official_client, lang) - 2):
            kept = official_client.get(reverse("home") + "?year=2025", HTTP_ACCEPT_LANGUAGE=lang)
        assert tiles_section(kept.content.decode()) == tiles_section(made.content.decode())
        assert tiles_section(kept.content.decode()) == tiles_section(fresh[lang].content.decode())
    # Each language and year is kept apart.
    assert "Overview" in kept.content.decode()
    other_year = official_client.get(reverse("home") + "?year=2024", HTTP_ACCEPT_LANGUAGE="en")
    assert c1_value(other_year) == 1


LANGS = ("zh-hans", "en")


def made_queries(client, lang: str) -> int:
    """How many queries the dashboard makes without the kept tiles."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    with override_settings(VALUES_CACHE_SECONDS=0), CaptureQueriesContext(connection) as queries:
        client.get(reverse("home") + "?year=2025", HTTP_ACCEPT_LANGUAGE=lang)
    return len(queries)


def test_a_recomputation_shows_at_once_on_the_kept_dashboard(official_client, park, enterprise_a, settings):
    settings.VALUES_CACHE_SECONDS = 300
    assert c1_value(official_client.get(reverse("home") + "?year=2025")) == 3
    assert c1_value(official_client.get(reverse("home") + "?year=2025")) == 3  # kept
    patent(enterprise_a, granted=D(2025, 9, 1))
    assert c1_value(official_client.get(reverse("home") + "?year=2025")) == 3  # not recomputed yet
    recompute()
    assert c1_value(official_client.get(reverse("home") + "?year=2025")) == 4


def test_a_new_target_shows_at_once_on_the_kept_dashboard(official_client, park, settings):
    settings.VALUES_CACHE_SECONDS = 300
    official_client.get(reverse("home") + "?year=2025")
    indicator = Indicator.objects.get(code="C1")
    indicator.target = Decimal("12345")
    indicator.save()
    page = official_client.get(reverse("home") + "?year=2025", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "12,345" in re.search(r'data-code="C1".*?</article>', page, re.S).group(0)


def test_bumping_the_generation_is_what_approval_calls_to_show_new_figures(official_client, park, settings):
    settings.VALUES_CACHE_SECONDS = 300
    assert c1_value(official_client.get(reverse("home") + "?year=2025")) == 3
    IndicatorValue.objects.filter(indicator__code="C1", year=2025).update(value=7)  # as a bulk write would
    assert c1_value(official_client.get(reverse("home") + "?year=2025")) == 3  # kept
    bump_values_generation()
    assert c1_value(official_client.get(reverse("home") + "?year=2025")) == 7
