"""API tokens: the token → user lookup is cached, and revoking or changing the user takes effect at once."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def client_for(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_polling_client_costs_no_query_once_its_token_is_known(api_token):
    client = client_for(api_token)
    assert client.get("/api/v1/indicators/?year=2025").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/indicators/?year=2025").status_code == 200
    assert len(queries) == 0


def test_a_deleted_token_is_refused_at_once(api_token):
    client = client_for(api_token)
    assert client.get("/api/v1/enterprises/").status_code == 200
    Token.objects.filter(key=api_token).delete()
    assert client.get("/api/v1/enterprises/").status_code == 401


def test_leaving_the_api_clients_group_takes_effect_at_once(api_token, api_client_user):
    client = client_for(api_token)
    assert client.get("/api/v1/enterprises/").status_code == 200
    api_client_user.groups.remove(Group.objects.get(name=settings.API_CLIENTS_GROUP))
    assert client.get("/api/v1/enterprises/").status_code == 403


def test_a_deactivated_user_is_refused_at_once(api_token, api_client_user):
    client = client_for(api_token)
    assert client.get("/api/v1/enterprises/").status_code == 200
    api_client_user.is_active = False
    api_client_user.save()
    assert client.get("/api/v1/enterprises/").status_code == 401


def test_an_enterprise_token_follows_its_membership(user_a, enterprise_a, enterprise_b):
    key = Token.objects.create(user=user_a).key
    client = client_for(key)
    assert [e["name"] for e in client.get("/api/v1/enterprises/").json()["results"]] == [enterprise_a.name]
    user_a.membership.enterprise = enterprise_b
    user_a.membership.save()
    assert [e["name"] for e in client.get("/api/v1/enterprises/").json()["results"]] == [enterprise_b.name]
