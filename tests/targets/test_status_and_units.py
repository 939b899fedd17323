"""One status language (tiles, indicator lists, the indicator page) and one rule for money and units
(ipportal.formatting), in both languages."""

import datetime as dt
import json
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from ipportal import formatting
from targets.models import IndicatorValue
from targets.recompute import recompute

from .records import patent, pledge

pytestmark = pytest.mark.django_db
D = dt.date
LANGUAGES = ("zh-hans", "en")
# A unit code shown as a whole cell, label or axis name: what a person must never read.
RAW_UNIT = re.compile(r">\s*(count|percent|per_10k|per_million_cny|cny)\s*<")
RAW_UNIT_JSON = ("per_10k", "per_million_cny", '"count"', '"percent"', '"cny"')


@pytest.fixture
def park(enterprise_a, enterprise_b):
    for day in (D(2022, 5, 1), D(2025, 3, 1), D(2025, 5, 1), D(2024, 6, 1)):
        patent(enterprise_a, granted=day)
    pledge(enterprise_a, D(2024, 2, 1), 120)
    pledge(enterprise_a, D(2025, 2, 1), 300)
    pledge(enterprise_b, D(2025, 3, 1), 50)
    recompute()


def page(client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_no_raw_units(html: str) -> None:
    assert not RAW_UNIT.search(html), RAW_UNIT.search(html).group(0)
    for script in re.findall(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', html, re.S):
        assert not any(raw in script for raw in RAW_UNIT_JSON), script[:200]


@pytest.mark.parametrize("language", LANGUAGES)
def test_summary_chips_count_exactly_the_statuses_the_tiles_show(official_client, park, language):
    html = page(official_client, reverse("home") + "?year=2025", language)
    tiles = re.findall(r'<article class="tile status-(\w+)" data-code="(\w+)">(.*?)</article>', html, re.S)
    assert len(tiles) >= 29
    for status, code, body in tiles:
        # one badge per tile, and it is the tile's status
        assert re.findall(r'class="badge badge-(\w+)"', body) == [status], code
        assert "category-" not in body, code
    chips = dict(re.findall(r'data-status="(\w+)" data-count="(\d+)"', html))
    shown = Counter(status for status, _code, _body in tiles)
    assert {status: int(count) for status, count in chips.items()} == {s: shown.get(s, 0) for s in chips}
    assert sum(int(count) for count in chips.values()) == len(tiles)
    stored = dict(IndicatorValue.objects.filter(year=2025).values_list("indicator__code", "status"))
    assert {code: status for status, code, _body in tiles} == stored


def test_each_summary_chip_opens_the_indicators_of_that_status(official_client, park):
    html = page(official_client, reverse("home") + "?year=2025", "en")
    behind = re.search(r'href="([^"]*status=behind)"', html).group(1).replace("&amp;", "&")
    listed = page(official_client, behind, "en")
    count = int(re.search(r'data-status="behind" data-count="(\d+)"', html).group(1))
    assert listed.count('<tr class="status-behind">') == count
    assert "status-on_track" not in listed and "status-achieved" not in listed


@pytest.mark.parametrize("language", LANGUAGES)
def test_indicator_list_shows_the_status_alone(official_client, park, language):
    html = page(official_client, reverse("targets:indicator-list") + "?year=2025", language)
    assert "category-" not in html
    assert 'id="status-rule"' in html
    assert_no_raw_units(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_indicator_page_heads_with_the_status_and_explains_pace_and_forecast(official_client, park, language):
    html = page(official_client, reverse("targets:indicator-detail", args=["C1"]), language)
    stored = IndicatorValue.objects.get(indicator__code="C1", year=2025)
    assert re.search(r'class="status-headline" data-status="(\w+)"', html).group(1) == stored.status
    assert 'id="status-rule"' in html and 'id="other-views"' in html and 'id="category-rule"' in html
    assert 'id="forecast-method"' in html and reverse("targets:forecast") in html  # C1 is a count of the year
    with translation.override(language):
        from targets.categories import Category
        from targets.models import Status

        # the pace never borrows the status's words
        assert str(Category.ON_TRACK.label) != str(Status.ON_TRACK.label)
    assert_no_raw_units(html)


@pytest.mark.parametrize(("language", "unit"), [("zh-hans", "万元"), ("en", "10k yuan")])
def test_money_indicator_page_and_chart_are_in_wan_yuan(official_client, park, language, unit):
    html = page(official_client, reverse("targets:indicator-detail", args=["U6"]), language)
    assert f"350.00 {unit}" in html  # 2025: 300 + 50 万元
    chart = json.loads(re.search(r'<script id="data-history-U6" type="application/json">(.*?)</script>', html).group(1))
    assert chart["unit"] == unit
    assert chart["series"][0]["data"][-1] == 350.0  # in 万元, not 3,500,000 yuan
    assert_no_raw_units(html)
    data = official_client.get(reverse("targets:chart-data", args=["history-U6"]), HTTP_ACCEPT_LANGUAGE=language)
    assert data.status_code == 200
    detail = official_client.get(reverse("targets:indicator-detail", args=["U6"]), HTTP_ACCEPT_LANGUAGE=language)
    assert detail.context["chart"].bars[-1].label == f"350.00 {unit}"  # the chart drawn without script


@pytest.mark.parametrize(("language", "unit"), [("zh-hans", "每万人"), ("en", "per 10,000 residents")])
def test_per_10k_indicator_names_its_unit_in_words(official_client, park, language, unit):
    html = page(official_client, reverse("targets:indicator-detail", args=["C3"]), language)
    chart = json.loads(re.search(r'<script id="data-history-C3" type="application/json">(.*?)</script>', html).group(1))
    assert unit in chart["unit"] and "per_10k" not in html
    assert_no_raw_units(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_and_charts_show_no_unit_codes(official_client, park, language):
    for url in (reverse("home") + "?year=2025", reverse("targets:charts") + "?year=2025"):
        assert_no_raw_units(page(official_client, url, language))


@pytest.mark.parametrize(("language", "unit"), [("zh-hans", "万元"), ("en", "10k yuan")])
def test_forecast_shows_the_amounts_grown_in_wan_yuan(official_client, park, language, unit):
    html = page(official_client, reverse("targets:forecast") + "?date=2025-06-30", language)
    u5 = re.search(r'href="[^"]*/U5/">U5</a>.*?</tr>', html, re.S).group(0)
    assert f"350.00 {unit}" in u5  # patent pledges so far in 2025 (300 + 50 万元), not "3,500,000"
    assert "3,500,000" not in u5


@pytest.mark.parametrize(("language", "unit"), [("zh-hans", "万元"), ("en", "10k yuan")])
def test_enterprise_home_shows_pledge_money_in_wan_yuan_in_both_places(client_a, park, language, unit):
    html = page(client_a, reverse("enterprises:home"), language)
    shares = html[html.index('class="shares"') :]
    assert f"300.00 {unit}" in shares and f"350.00 {unit}" in shares  # own, park (2025)
    assert "3,000,000" not in html
    assert f"420.00 {unit}" in html  # pledges, all years (120 + 300)


def test_the_money_rule():
    with translation.override("en"):
        assert formatting.yuan(Decimal("1234567.5")) == "1,234,567.50 yuan"
        assert formatting.wan_yuan(Decimal("12345678")) == "1,234.57 10k yuan"
        assert formatting.indicator_value(Decimal("3000000"), "cny") == "300.00 10k yuan"
        assert formatting.indicator_value(Decimal("85"), "percent") == "85.00 %"
        assert formatting.indicator_value(Decimal("2513"), "count") == "2,513"
        assert formatting.unit_label("per_10k") == "per 10,000 residents"
        assert formatting.chart_unit("cny") == (Decimal(10000), "10k yuan")
        assert formatting.yuan(None) == formatting.wan_yuan("") == "—"
    with translation.override("zh-hans"):
        assert formatting.yuan(Decimal("1234567.5")) == "1,234,567.50 元"
        assert formatting.wan_yuan(Decimal("12345678")) == "1,234.57 万元"
        assert formatting.unit_label("count") == "数量"
        assert formatting.unit_label("per_10k") != "per_10k"
