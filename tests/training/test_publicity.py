"""Publicity events and P3."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from targets.models import IndicatorValue
from targets.recompute import recompute
from training.models import PublicityEvent

pytestmark = pytest.mark.django_db


def p3(year: int):
    recompute([year])
    return IndicatorValue.objects.get(indicator__code="P3", year=year)


def event(day: dt.date, title: str = "知识产权宣讲", **extra) -> PublicityEvent:
    return PublicityEvent.objects.create(date=day, title=title, **extra)


def test_p3_counts_events_by_date_inside_the_year():
    event(dt.date(2025, 1, 1), "新年宣讲")
    event(dt.date(2025, 4, 26), "世界知识产权日", theme="world_ip_day")
    event(dt.date(2025, 12, 31), "年末宣讲")
    event(dt.date(2024, 12, 31), "去年")
    event(dt.date(2026, 1, 1), "明年")
    stored = p3(2025)
    assert stored.value == 3 and stored.status == "achieved"


def test_p3_moves_when_an_event_is_added():
    event(dt.date(2024, 3, 15), "3.15")
    assert p3(2024).value == 1
    event(dt.date(2024, 9, 1), "入企进校")
    assert p3(2024).value == 2


def test_import_of_events_with_theme_spellings(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(
        "日期,活动名称,主题,对象,参加人数,地点\n"
        "2025/4/26,知识产权宣传周启动仪式,4.26世界知识产权日,企业,120,高新区管委会\n"
        "2025年3月15日,消费者权益日宣传,3.15,市民,,万达广场\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("import_records", "publicity_events", str(path), "--lang", "en", stdout=out)
    assert "2 new" in out.getvalue()
    assert set(PublicityEvent.objects.values_list("theme", flat=True)) == {"world_ip_day", "consumer_day"}
    call_command("import_records", "publicity_events", str(path), "--lang", "en", stdout=out)
    assert "2 unchanged" in out.getvalue()


def test_official_lists_and_adds_events(official_client):
    response = official_client.post(
        reverse("training:event-create"), {"date": "2025-05-10", "title": "专利周活动", "theme": "patent_week"}
    )
    assert response.status_code == 302
    content = official_client.get(reverse("training:event-list"), {"year": 2025}).content.decode()
    assert "专利周活动" in content


def test_enterprise_user_cannot_reach_event_pages(client_a):
    item = event(dt.date(2025, 5, 1))
    assert client_a.get(reverse("training:event-list")).status_code == 403
    assert client_a.get(item.get_absolute_url()).status_code == 403
    assert client_a.get(reverse("training:event-export")).status_code == 403


def test_api_client_reads_events(api_token):
    event(dt.date(2025, 5, 1))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    assert client.get("/api/v1/publicity-events/").json()["count"] == 1
