"""Wild filter values are refused as bad input, never a server error (found by the API fuzzing)."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

HUGE = str(10**30)


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/patents/?in_force_year={HUGE}",
        f"/api/v1/patents/?year={HUGE}",
        f"/api/v1/trademarks/?nice_class={HUGE}",
        f"/api/v1/certifications/?valid_year={HUGE}",
        "/api/v1/honours/?year=-5",
        f"/api/v1/trainings/?year={HUGE}",
        f"/api/v1/cases/?year={HUGE}",
    ],
)
def test_api_answers_400_to_an_impossible_year_or_number(api_token, url):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    assert client.get(url).status_code == 400


def test_pages_show_the_list_unfiltered_with_the_error(official_client):
    response = official_client.get(f"/enterprises/patents/?in_force_year={HUGE}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 2100" in response.content.decode()
