"""Every change of a stored value keeps the previous one with its trigger; official statistics."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from enterprises.filings import review
from targets.models import Indicator, IndicatorValue, OfficialStatistic, Plan, RecomputeRun, ValueChange
from targets.recompute import recompute

from ..factories import EnterpriseFactory
from ..files import patent_csv
from .records import trademark_filing

pytestmark = pytest.mark.django_db


def import_patents(tmp_path, enterprise, rows: int, first: int) -> None:
    path = tmp_path / f"p{first}.csv"
    path.write_text(
        patent_csv(rows, holder_code=enterprise.credit_code, first=first, applied_from=dt.date(2023, 1, 1)),
        encoding="utf-8",
    )
    call_command("import_records", "patents", str(path), "--lang", "en", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_three_imports_that_change_c1_give_three_history_rows_with_their_triggers(reference_data, tmp_path):
    enterprise = EnterpriseFactory()
    recompute([2024])
    for first in (0, 100, 200):
        import_patents(tmp_path, enterprise, 2, first)  # each commits and asks for a recomputation
    changes = list(ValueChange.objects.filter(indicator__code="C1", year=2024).order_by("changed_at", "pk"))
    assert [(c.value, c.new_value) for c in changes] == [(0, 2), (2, 4), (4, 6)]
    assert [c.trigger for c in changes] == [f"import patents p{n}.csv (command line)" for n in (0, 100, 200)]
    assert IndicatorValue.objects.get(indicator__code="C1", year=2024).value == 6


def test_a_recomputation_that_changes_nothing_adds_no_history():
    recompute([2024])
    recompute([2024])
    assert not ValueChange.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_filing_approval_names_itself_as_the_trigger(reference_data, enterprise_a, user_a, official):
    recompute([2024])
    filing = trademark_filing(enterprise_a, user_a)
    review(filing.pk, "approve", official)  # commits, and asks for a recomputation
    assert RecomputeRun.objects.latest("started_at").trigger == f"filing approval {filing.pk}"


def test_the_history_api_and_page_show_the_changes(enterprise_a, tmp_path, official_client):
    recompute([2024])
    import_patents(tmp_path, enterprise_a, 2, 0)
    recompute([2024], trigger="nightly")
    data = official_client.get("/api/v1/indicators/C1/history/").json()
    assert [(c["year"], c["value"], c["new_value"], c["trigger"]) for c in data["changes"]] == [(2024, 0, 2, "nightly")]
    page = official_client.get(reverse("targets:indicator-detail", args=["C1"]), HTTP_ACCEPT_LANGUAGE="en").content
    text = page.decode()
    assert "History of the values" in text and "nightly" in text
    assert "value before the last change" in text  # the chart's series


def test_an_official_records_the_official_statistic_and_sees_the_gap(enterprise_a, tmp_path, official_client):
    import_patents(tmp_path, enterprise_a, 3, 0)
    recompute([2024])
    url = reverse("targets:official-statistic", args=["C1"])
    response = official_client.post(
        url,
        {
            "year": 2024,
            "value": "5",
            "source": "国家知识产权局统计年报",
            "published_on": "2025-03-05",
            "attachment": SimpleUploadedFile("stat.pdf", b"%PDF-1.4 stat", content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    entry = OfficialStatistic.objects.get()
    assert entry.value == Decimal(5) and entry.attachment
    page = official_client.get(reverse("targets:indicator-detail", args=["C1"]), HTTP_ACCEPT_LANGUAGE="en").content
    assert "国家知识产权局统计年报" in page.decode() and "official statistic" in page.decode()
    assert '<td class="num">-2</td>' in page.decode()  # the gap, signed (ipportal.formatting.difference_value)
    detail = official_client.get("/api/v1/indicators/C1/").json()
    year = next(v for v in detail["values"] if v["year"] == 2024)
    assert year["official"] == {"value": 5, "source": "国家知识产权局统计年报", "published_on": "2025-03-05", "gap": -2}
    assert official_client.get(reverse("targets:official-attachment", args=[entry.pk])).status_code == 200


def test_an_official_statistic_without_a_source_is_refused(official_client):
    response = official_client.post(
        reverse("targets:official-statistic", args=["C1"]),
        {"year": 2024, "value": "5", "source": "", "published_on": "2025-03-05"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400 and not OfficialStatistic.objects.exists()
    assert "This field is required" in response.content.decode()


def test_no_official_statistic_for_a_reported_indicator(official_client):
    reported = Indicator.objects.create(
        plan=Plan.objects.current(), code="X1", name_zh="上报指标", name_en="Reported", aggregation="reported", target=1
    )
    response = official_client.post(
        reverse("targets:official-statistic", args=[reported.code]),
        {"year": 2024, "value": "5", "source": "省局", "published_on": "2025-03-05"},
    )
    assert response.status_code == 302 and not OfficialStatistic.objects.exists()


def test_recomputing_unchanged_fractional_values_adds_no_history(reference_data, tmp_path):
    # A per-10k figure has more digits than SQLite's REAL keeps: still no change, no history.
    from targets.models import YearlyFigure

    YearlyFigure.objects.create(year=2024, population=2930)
    import_patents(tmp_path, EnterpriseFactory(), 3, 0)
    recompute([2024])
    before = ValueChange.objects.count()
    fractional = [
        stored.value
        for stored in IndicatorValue.objects.filter(year=2024)
        if stored.value is not None and stored.value != stored.value.to_integral_value()
    ]
    assert fractional  # C3: 3 ÷ 2,930 × 10,000 = 10.2389…, more digits than a double keeps
    recompute([2024])
    recompute([2024])
    assert ValueChange.objects.count() == before


@pytest.mark.parametrize(
    ("trigger", "zh", "en"),
    [
        ("import run 3 (patents)", "导入批次 3（专利）", "import run 3 (Patents)"),
        (
            "import patents p0.csv (command line)",
            "命令行导入 p0.csv（专利）",
            "import of p0.csv (Patents, command line)",
        ),
        ("filing approval 7", "备案 7 审核通过", "approval of filing 7"),
        ("nightly", "每晚自动重算", "nightly recomputation"),
        (
            "button (official) (in request)",
            "重算按钮（official），在请求中运行",
            "recompute button (official), run in the request",
        ),
        ("something new", "something new", "something new"),
    ],
)
def test_the_trigger_is_shown_in_the_readers_language(trigger, zh, en):
    from django.utils import translation

    from targets.triggers import trigger_label

    with translation.override("zh-hans"):
        assert trigger_label(trigger) == zh
    with translation.override("en"):
        assert trigger_label(trigger) == en


def test_the_history_table_shows_the_trigger_as_a_phrase(reference_data, official_client, tmp_path):
    from targets.models import ValueChange, YearlyFigure

    figure = YearlyFigure.objects.create(year=2024, population=2930)
    import_patents(tmp_path, EnterpriseFactory(), 2, 0)
    recompute([2024])
    YearlyFigure.objects.filter(pk=figure.pk).update(population=3000)  # C3 moves
    recompute([2024], trigger="import run 3 (patents)")
    assert ValueChange.objects.filter(trigger="import run 3 (patents)", indicator__code="C3").exists()
    page = official_client.get(reverse("targets:indicator-detail", args=["C3"])).content.decode()
    assert "导入批次 3（专利）" in page and "import run 3 (patents)" not in page
    api = official_client.get("/api/v1/indicators/C3/history/").json()
    assert api["changes"][0]["trigger"] == "import run 3 (patents)"
    assert api["changes"][0]["trigger_label"] == "导入批次 3（专利）"
