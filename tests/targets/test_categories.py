"""Progress categories after the UN SDG method, at their edges."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from targets.categories import COMPOUND, LINEAR, Category, assess
from targets.models import Direction, Indicator, Plan, Unit
from targets.recompute import recompute

from .records import patent

PLAN = Plan(base_year=2022, first_year=2023, last_year=2025)


def make(target, unit=Unit.PER_10K, direction=Direction.AT_LEAST) -> Indicator:
    return Indicator(code="X", target=Decimal(target), unit=unit, direction=direction)


def category(indicator, value, base, year=2024):
    value = None if value is None else Decimal(value)
    base = None if base is None else Decimal(base)
    return assess(indicator, PLAN, year, value, base)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("31", Category.ACHIEVED),
        ("30", Category.ACHIEVED),
        ("26", Category.ON_TRACK),  # (1.3)^(1/2) − 1 = 14.0 % of 14.5 % needed: 0.97
        ("24", Category.ACCELERATION_NEEDED),  # 9.5 % of 14.5 %: 0.66
        ("21", Category.LIMITED_PROGRESS),
        ("20", Category.LIMITED_PROGRESS),  # no change: ratio 0
        ("18", Category.DETERIORATION),
    ],
)
def test_compound_growth_against_the_growth_needed(value, expected):
    assert category(make(30), value, "20").category == expected


def test_the_compound_ratio():
    result = category(make(30), "24", "20")
    needed = Decimal("1.5") ** (Decimal(1) / 3) - 1
    observed = Decimal("1.2") ** (Decimal(1) / 2) - 1
    assert result.method == COMPOUND and abs(result.ratio - observed / needed) < Decimal("1e-9")


def test_bounded_percentages_use_the_linear_gap():
    # 40 % → 60 % in two years, 100 % needed in three: 10 points a year of 20 needed.
    result = category(make(100, Unit.PERCENT), "60", "40")
    assert result.method == LINEAR and result.ratio == Decimal("0.5")
    assert result.category == Category.LIMITED_PROGRESS


def test_zero_base_uses_the_linear_gap():
    result = category(make(80, Unit.COUNT), "40", "0")
    assert result.method == LINEAR and result.ratio == Decimal("0.75")
    assert result.category == Category.ACCELERATION_NEEDED


def test_negative_base_growth_rate_uses_the_linear_gap():
    result = category(make(10, Unit.PERCENT), "2", "-5")
    assert result.method == LINEAR and result.ratio == Decimal("0.7")


def test_target_already_reached_in_the_base_year_then_lost_is_deterioration():
    assert category(make(30), "28", "32").category == Category.DETERIORATION


@pytest.mark.parametrize(
    ("value", "base", "expected"),
    [
        ("0", "3", Category.ACHIEVED),
        ("1", "3", Category.ON_TRACK),  # 1 a year down of 1 needed
        ("2", "3", Category.LIMITED_PROGRESS),  # 0.5 a year of 1: 0.5
        ("3", "3", Category.LIMITED_PROGRESS),
        ("4", "3", Category.DETERIORATION),
        ("2", "0", Category.DETERIORATION),  # the base was at the ceiling
    ],
)
def test_at_most_targets_count_a_fall_as_progress(value, base, expected):
    assert category(make(0, Unit.COUNT, Direction.AT_MOST), value, base).category == expected


def test_missing_values_are_insufficient_data():
    assert category(make(30), None, "20").category == Category.INSUFFICIENT_DATA
    assert category(make(30), "25", None).category == Category.INSUFFICIENT_DATA
    assert category(make(30), "25", "20", year=2022).category == Category.INSUFFICIENT_DATA


def test_a_value_meeting_the_target_is_achieved_even_without_a_base():
    assert category(make(30), "35", None).category == Category.ACHIEVED


@pytest.mark.django_db
def test_api_and_pages_show_the_category(official_client, api_token, enterprise_a):
    patent(enterprise_a, granted=dt.date(2022, 3, 1))
    patent(enterprise_a, granted=dt.date(2025, 3, 1))
    patent(enterprise_a, granted=dt.date(2025, 4, 1))
    recompute()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    rows = {row["code"]: row for row in client.get("/api/v1/indicators/?year=2025").json()}
    assert rows["C1"]["category"] == "limited_progress" and rows["C1"]["category_method"] == "compound"
    assert rows["C3"]["category"] == "insufficient_data" and rows["C3"]["category_ratio"] is None
    history = client.get("/api/v1/indicators/C1/").json()["values"]
    assert history[0]["category"] == "insufficient_data" and history[-1]["category"] == "limited_progress"

    detail = official_client.get(reverse("targets:indicator-detail", args=["C1"]), HTTP_ACCEPT_LANGUAGE="en")
    assert "How the pace (progress category) is decided" in detail.content.decode()
    assert "limited progress" in detail.content.decode()
