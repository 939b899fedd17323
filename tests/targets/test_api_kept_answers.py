"""The indicator list as API clients poll it: its kept answer is read in the same Redis round trip
as the throttle's count (ipportal.throttling, ipportal.ratelimit), without weakening the rate
limit, the token's revocation or what each reader may read."""

import pytest
import redis.connection
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from targets.approval import approve_year
from targets.models import Plan
from targets.recompute import recompute

from .records import patent

pytestmark = pytest.mark.django_db
LIST = "/api/v1/indicators/?year=2025"
with_redis = pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (a Redis database the tests may empty)")


@pytest.fixture
def kept(settings):
    """Answers and tokens kept as in a deployment with Redis."""
    settings.VALUES_CACHE_SECONDS = 300
    settings.TOKEN_CACHE_SECONDS = 60


@pytest.fixture
def park(enterprise_a):
    patent(enterprise_a)
    recompute([2025])


def client_for(key: str, **extra) -> APIClient:
    client = APIClient(**extra)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def round_trips(monkeypatch) -> list:
    """Every command (or pipeline) sent to Redis, appended as it is sent."""
    sent = []
    send = redis.connection.Connection.send_packed_command

    def counted(self, command, *args, **kwargs):
        sent.append(command)
        return send(self, command, *args, **kwargs)

    monkeypatch.setattr(redis.connection.Connection, "send_packed_command", counted)
    return sent


@with_redis
def test_a_polled_list_costs_two_redis_round_trips(api_token, park, kept, round_trips):
    client = client_for(api_token)
    first = client.get(LIST)
    client.get(LIST)
    round_trips.clear()
    again = client.get(LIST)
    assert again.status_code == 200 and again.content == first.content
    assert len(round_trips) == 2  # the token; the throttle's count with the kept answer


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_the_kept_answer_is_the_answer_made_afresh(api_token, park, settings, lang):
    client = client_for(api_token, HTTP_ACCEPT_LANGUAGE=lang)
    settings.VALUES_CACHE_SECONDS = 300
    client.get(LIST)
    kept_answer = client.get(LIST)
    settings.VALUES_CACHE_SECONDS = 0
    fresh = client.get(LIST)
    assert kept_answer.json() == fresh.json()
    assert kept_answer["Content-Type"] == "application/json"


def test_the_browsable_api_shows_the_kept_answer(official_client, park, kept):
    official_client.get(LIST)
    page = official_client.get(LIST, HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and "C1" in page.content.decode()


def test_the_rate_limit_holds_for_kept_answers(api_token, park, kept, monkeypatch):
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "100/minute", "user": "3/minute", "write": "100/minute"}
    )
    client = client_for(api_token)
    assert [client.get(LIST).status_code for _ in range(4)] == [200, 200, 200, 429]


@with_redis
def test_with_redis_the_rate_limit_holds_for_kept_answers(api_token, park, kept, monkeypatch):
    test_the_rate_limit_holds_for_kept_answers(api_token, park, kept, monkeypatch)


def test_a_revoked_token_is_refused_at_once_with_kept_answers(api_token, park, kept):
    client = client_for(api_token)
    assert client.get(LIST).status_code == 200
    assert client.get(LIST).status_code == 200
    Token.objects.filter(key=api_token).delete()
    assert client.get(LIST).status_code == 401


def test_a_client_that_left_the_api_group_is_refused_at_once_with_kept_answers(api_token, api_client_user, park, kept):
    client = client_for(api_token)
    assert client.get(LIST).status_code == 200
    api_client_user.groups.remove(Group.objects.get(name=settings.API_CLIENTS_GROUP))
    assert client.get(LIST).status_code == 403


def test_an_enterprise_reader_never_gets_the_offices_kept_answer(api_token, official, user_a, park, kept):
    official.user_permissions.add(Permission.objects.get(codename="approve_figures"))
    approve_year(Plan.objects.current(), 2025, type(official).objects.get(pk=official.pk))
    office = client_for(api_token).get(LIST).json()  # the office's answer, kept
    assert any(row["approved_by"] for row in office)
    answer = client_for(Token.objects.create(user=user_a).key).get(LIST)
    assert answer.status_code == 200
    assert not any(row["approved_by"] for row in answer.json())
