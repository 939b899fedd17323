import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from targets.models import IndicatorValue, RecomputeRun, ReportedValue
from targets.recompute import recompute

from .records import patent

pytestmark = pytest.mark.django_db


def test_indicator_page_shows_value_target_and_status(official_client, enterprise_a):
    patent(enterprise_a, granted=dt.date(2025, 3, 1))
    recompute()
    content = official_client.get(reverse("targets:indicator-list") + "?year=2025", HTTP_ACCEPT_LANGUAGE="en").content
    text = content.decode()
    assert "Patents granted per year" in text
    assert "1 patents granted in 2025 by park enterprises" in text
    assert "badge-behind" in text
    assert "How the status is decided" in text


def test_indicator_page_in_chinese_by_default(official_client):
    recompute()
    text = official_client.get(reverse("targets:indicator-list")).content.decode()
    assert "专利年授权量" in text and "每万人有效发明专利拥有量" in text


def test_failed_recomputation_is_shown(official_client):
    recompute()
    RecomputeRun.objects.create(trigger="nightly", state=RecomputeRun.State.FAILED, error="boom")
    text = official_client.get(reverse("targets:indicator-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "failed" in text


def test_recompute_button_recomputes(official_client, enterprise_a):
    patent(enterprise_a, granted=dt.date(2025, 3, 1))
    response = official_client.post(reverse("targets:recompute"))
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator__code="C1", year=2025).value == 1


def test_indicator_detail_has_history_chart_and_formula(official_client, enterprise_a):
    patent(enterprise_a, granted=dt.date(2024, 3, 1))
    recompute()
    text = official_client.get(
        reverse("targets:indicator-detail", args=["C1"]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "<svg" in text and "2022" in text and "2025" in text
    assert "1 patents granted in 2024 by park enterprises" in text


def test_missing_input_is_named_on_the_page(official_client):
    recompute()
    text = official_client.get(
        reverse("targets:indicator-detail", args=["C3"]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "the resident population for 2025 has not been entered" in text


def test_official_adds_a_reported_indicator_and_enters_a_value(official_client, official):
    response = official_client.post(
        reverse("targets:indicator-create"),
        {
            "code": "x1",
            "name_zh": "自定义指标",
            "name_en": "Custom",
            "area": "protection",
            "unit": "count",
            "direction": "at_least",
            "target": "5",
        },
    )
    assert response.status_code == 302
    pdf = SimpleUploadedFile("source.pdf", b"%PDF-1.4 minimal", content_type="application/pdf")
    response = official_client.post(
        reverse("targets:indicator-detail", args=["X1"]),
        {"year": "2025", "value": "7", "note": "区统计局 2025 年报", "attachment": pdf},
    )
    assert response.status_code == 302
    assert ReportedValue.objects.get().note == "区统计局 2025 年报"
    recompute()
    stored = IndicatorValue.objects.get(indicator__code="X1", year=2025)
    assert stored.value == 7 and stored.method == "reported" and stored.status == "achieved"


def test_reported_attachment_must_be_a_document(official_client):
    official_client.post(
        reverse("targets:indicator-create"),
        {
            "code": "X2",
            "name_zh": "指标",
            "name_en": "X",
            "area": "protection",
            "unit": "count",
            "direction": "at_least",
            "target": "5",
        },
    )
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")
    response = official_client.post(
        reverse("targets:indicator-detail", args=["X2"]),
        {"year": "2025", "value": "7", "note": "n", "attachment": fake},
    )
    assert response.status_code == 400
    assert not ReportedValue.objects.exists()


def test_computed_indicator_cannot_be_entered_by_hand(official_client):
    response = official_client.post(
        reverse("targets:indicator-detail", args=["C1"]), {"year": "2025", "value": "9999", "note": "x"}
    )
    assert response.status_code == 302
    assert not ReportedValue.objects.exists()


def test_official_edits_a_target(official_client):
    response = official_client.post(
        reverse("targets:indicator-edit", args=["C1"]),
        {"name_zh": "专利年授权量", "name_en": "Patents granted per year", "target": "3000", "direction": "at_least"},
    )
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["targets:indicator-list", "targets:indicator-create"])
def test_enterprise_user_cannot_reach_indicator_pages(client_a, name):
    assert client_a.get(reverse(name)).status_code == 403


def test_enterprise_user_cannot_recompute(client_a):
    assert client_a.post(reverse("targets:recompute")).status_code == 403
    assert not RecomputeRun.objects.exists()
