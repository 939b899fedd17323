import datetime as dt

import pytest
from rest_framework.test import APIClient

from targets.models import Plan
from targets.recompute import recompute

from .records import patent

pytestmark = pytest.mark.django_db


@pytest.fixture
def token_client(api_token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    return client


def test_anonymous_gets_401():
    assert APIClient().get("/api/v1/indicators/?year=2025").status_code == 401


def test_token_client_reads_the_year_and_area(token_client, enterprise_a):
    patent(enterprise_a, granted=dt.date(2025, 3, 1))
    recompute()
    rows = token_client.get("/api/v1/indicators/?year=2025&area=creation").json()
    assert [row["code"] for row in rows] == ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"]
    assert rows[0]["value"] == 1 and rows[0]["status"] == "behind" and rows[0]["target"] == 2500


@pytest.mark.parametrize("year", [1900, 2021, 2026, 2100])
@pytest.mark.parametrize("language, expected", [("en", "a year of the plan, 2022–2025"), ("zh-hans", "2022–2025")])
def test_a_year_outside_the_plan_is_refused_naming_the_plans_years(token_client, year, language, expected):
    """Values exist only for the plan's years: another year is a 400, not a list of indicators
    "not computed yet" that no recomputation can fill."""
    recompute()
    response = token_client.get(f"/api/v1/indicators/?year={year}", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400 and expected in response.json()["year"]


def test_every_year_of_the_plan_base_year_included_is_answered(token_client):
    recompute()
    for year in range(2022, 2026):
        rows = token_client.get(f"/api/v1/indicators/?year={year}").json()
        assert rows and all(row["value"] is not None for row in rows if row["code"] == "C1")


def test_indicator_history_has_every_year(token_client):
    recompute()
    data = token_client.get("/api/v1/indicators/C3/").json()
    assert [row["year"] for row in data["values"]] == Plan.objects.current().years
    assert data["values"][0]["value"] is None and data["values"][0]["reason"]


def test_writes_are_refused(token_client):
    assert token_client.post("/api/v1/indicators/", {"code": "X"}).status_code in (403, 405)
    assert token_client.put("/api/v1/indicators/C1/", {"target": 1}).status_code in (403, 405)
    assert token_client.delete("/api/v1/indicators/C1/").status_code in (403, 405)


def test_bad_area_is_a_400(token_client):
    assert token_client.get("/api/v1/indicators/?area=moon").status_code == 400


def test_unknown_indicator_is_404(token_client):
    assert token_client.get("/api/v1/indicators/Z9/").status_code == 404


def test_enterprise_user_reads_the_park_indicators(user_a):
    client = APIClient()
    client.force_authenticate(user_a)
    assert client.get("/api/v1/indicators/?year=2025").status_code == 200


def test_the_kept_answer_is_replaced_when_a_recomputation_writes_new_values(
    token_client, enterprise_a, django_capture_on_commit_callbacks, django_assert_max_num_queries, settings
):
    settings.REDIS_URL = (
        "redis://127.0.0.1:6379/0"  # throttle counts in the shared cache, as deployed (ipportal.ratelimit)
    )
    with django_capture_on_commit_callbacks(execute=True):
        recompute()
    assert token_client.get("/api/v1/indicators/?year=2025").json()[0]["value"] == 0
    with django_assert_max_num_queries(2):  # the token's user and its groups; the values come from the cache
        token_client.get("/api/v1/indicators/?year=2025")

    with django_capture_on_commit_callbacks(execute=True):
        patent(enterprise_a, granted=dt.date(2025, 3, 1))
        recompute()
    assert token_client.get("/api/v1/indicators/?year=2025").json()[0]["value"] == 1
    assert token_client.get("/api/v1/indicators/?year=2024").json()[0]["year"] == 2024
