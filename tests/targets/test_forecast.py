"""Year-end forecasts of the annual indicators, with fixed "as of" days."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from targets.forecast import PATTERN, PRO_RATA, Forecast, elapsed_share, forecast, forecasts, same_day_last_year
from targets.models import Plan

from .records import deal, patent, pledge, trademark

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def plan():
    return Plan.objects.for_year(2025)


def indicator(plan, code):
    return plan.indicators.get(code=code)


def test_counts_use_last_years_pattern_and_leave_out_later_records(plan, enterprise_a):
    for day in (D(2024, 2, 1), D(2024, 5, 1), D(2024, 6, 30), D(2024, 6, 30)):
        patent(enterprise_a, granted=day)
    for day in [D(2024, 9, 1)] * 6:
        patent(enterprise_a, granted=day)
    for day in (D(2025, 1, 5), D(2025, 3, 3), D(2025, 6, 30)):
        patent(enterprise_a, granted=day)
    patent(enterprise_a, granted=D(2025, 7, 1))  # after the day: not counted yet

    result = forecast(indicator(plan, "C1"), plan, D(2025, 6, 30))

    assert (result.to_date, result.previous_to_date, result.previous_total) == (3, 4, 10)
    assert result.method == PATTERN and result.share == Decimal("0.4")
    assert result.projected == Decimal("7.5")
    assert result.margin == Decimal("7.5") - 2500 and result.meets_target is False


def test_without_a_last_year_the_projection_is_pro_rata(plan, enterprise_a):
    trademark(enterprise_a, D(2025, 1, 10))
    trademark(enterprise_a, D(2025, 3, 31))
    trademark(enterprise_a, D(2025, 4, 1))  # after the day

    result = forecast(indicator(plan, "C7"), plan, D(2025, 3, 31))

    assert result.method == PRO_RATA and result.share == Decimal(90) / Decimal(365)
    assert result.projected == 2 / (Decimal(90) / Decimal(365))


def test_nothing_by_the_same_day_last_year_falls_back_to_pro_rata(plan, enterprise_a):
    trademark(enterprise_a, D(2024, 11, 1))
    trademark(enterprise_a, D(2025, 2, 1))
    result = forecast(indicator(plan, "C7"), plan, D(2025, 6, 30))
    assert result.method == PRO_RATA and result.previous_total == 1 and result.previous_to_date == 0


def test_growth_projects_the_measure_then_the_growth(plan, enterprise_a):
    for day in (D(2024, 3, 1), D(2024, 6, 1), D(2024, 10, 1), D(2024, 11, 1)):
        pledge(enterprise_a, day, 100)
    for day in (D(2025, 1, 1), D(2025, 2, 1), D(2025, 6, 30)):
        pledge(enterprise_a, day, 100)
    pledge(enterprise_a, D(2025, 7, 1), 100)  # after the day

    result = forecast(indicator(plan, "U4"), plan, D(2025, 6, 30))

    assert (result.to_date, result.previous_to_date, result.previous_total) == (3, 2, 4)
    assert result.projected_total == 6
    assert result.projected == 50  # (6 − 4) ÷ 4, in percent
    assert result.margin == 40 and result.meets_target is True


def test_average_growth_projects_the_measure_then_the_growth_since_the_base_year(plan, enterprise_a):
    deal("B", 100, D(2022, 5, 1), enterprise_a)  # the base year
    deal("L1", 50, D(2024, 3, 1), enterprise_a)
    deal("L2", 50, D(2024, 9, 1), enterprise_a)  # by 30 June last year: half of its total
    deal("N", 60, D(2025, 4, 1), enterprise_a)

    result = forecast(indicator(plan, "U9"), plan, D(2025, 6, 30))

    assert result.projected_total == 1_200_000  # yuan
    assert round(result.projected, 4) == round(((Decimal("1.2") ** (Decimal(1) / 3)) - 1) * 100, 4)  # not 20 %


def test_growth_over_an_empty_last_year_has_no_projection(plan, enterprise_a):
    pledge(enterprise_a, D(2025, 3, 1), 100)
    result = forecast(indicator(plan, "U4"), plan, D(2025, 6, 30))
    assert result.projected_total is not None and result.projected is None and result.reason


def test_on_31_december_the_projection_is_the_year_itself(plan, enterprise_a):
    patent(enterprise_a, granted=D(2024, 3, 1))
    patent(enterprise_a, granted=D(2025, 3, 1))
    patent(enterprise_a, granted=D(2025, 12, 31))
    result = forecast(indicator(plan, "C1"), plan, D(2025, 12, 31))
    assert result.share == 1 and result.projected == 2


def test_at_most_targets_count_exceeding_the_ceiling_as_shortfall(plan):
    p1 = indicator(plan, "P1")
    over = Forecast(p1, D(2025, 6, 30), Decimal(1), None, None, Decimal("0.5"), PRO_RATA, Decimal(2), Decimal(2))
    assert over.margin == -2 and over.meets_target is False
    zero = Forecast(p1, D(2025, 6, 30), Decimal(0), None, None, Decimal("0.5"), PRO_RATA, Decimal(0), Decimal(0))
    assert zero.margin == 0 and zero.meets_target is True


def test_only_annual_flow_indicators_are_forecast(plan):
    codes = [item.indicator.code for item in forecasts(plan, D(2025, 6, 30))]
    assert {"C1", "C2", "C7", "U4", "U5", "U6", "U9", "U10", "U11", "P1", "P3"} <= set(codes)
    assert not {"C3", "C4", "C8", "M1", "M5", "U7"} & set(codes)


def test_dates_helpers():
    assert same_day_last_year(D(2024, 2, 29)) == D(2023, 2, 28)
    assert elapsed_share(D(2024, 12, 31)) == 1 and elapsed_share(D(2025, 1, 1)) == Decimal(1) / 365


def test_forecast_page_for_officials(official_client, enterprise_a):
    patent(enterprise_a, granted=D(2025, 3, 1))
    response = official_client.get(reverse("targets:forecast") + "?date=2025-06-30", HTTP_ACCEPT_LANGUAGE="en")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Year-end forecast" in text and "How the forecast is made" in text and "shortfall" in text
    assert response.context["as_of"] == D(2025, 6, 30)


def test_forecast_page_with_a_bad_date_says_so(official_client):
    response = official_client.get(reverse("targets:forecast") + "?date=30/06/2025", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and response.context["date_error"]


def test_forecast_page_is_for_officials_only(client_a):
    assert client_a.get(reverse("targets:forecast")).status_code == 403


def test_forecast_api(api_token, enterprise_a):
    patent(enterprise_a, granted=D(2024, 3, 1))
    patent(enterprise_a, granted=D(2024, 9, 1))
    patent(enterprise_a, granted=D(2025, 2, 1))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    rows = {row["code"]: row for row in client.get("/api/v1/indicators/forecast/?date=2025-06-30").json()}
    c1 = rows["C1"]
    assert c1["as_of"] == "2025-06-30" and c1["to_date"] == 1 and c1["share"] == 0.5 and c1["projected"] == 2
    assert c1["method"] == "pattern" and c1["target"] == 2500 and c1["margin"] == -2498
    assert client.get("/api/v1/indicators/forecast/?date=June").status_code == 400


def test_forecast_api_needs_a_login():
    assert APIClient().get("/api/v1/indicators/forecast/").status_code == 401
