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


def test_a_polling_client_costs_no_query_once_its_token_is_known(api_token, settings):
    settings.TOKEN_CACHE_SECONDS = 60  # as with the shared (Redis) cache of a deployment
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"  # throttle counts in that cache too (ipportal.ratelimit)
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


def _remove_from_the_group_side(group, user):
    group.user_set.remove(user)


def _clear_the_group(group, user):
    group.user_set.clear()


def _delete_the_group(group, user):
    group.delete()


def _rename_the_group(group, user):
    group.name = "former API clients"
    group.save()


@pytest.mark.parametrize(
    "change", [_remove_from_the_group_side, _clear_the_group, _delete_the_group, _rename_the_group]
)
def test_a_change_made_from_the_groups_side_takes_effect_at_once(api_token, api_client_user, settings, change):
    """Scripts and bulk tools change memberships from the group (group.user_set), delete or rename
    it: the cached token lookup must not keep the old role."""
    settings.TOKEN_CACHE_SECONDS = 60  # as with the shared (Redis) cache of a deployment
    client = client_for(api_token)
    assert client.get("/api/v1/enterprises/").status_code == 200
    change(Group.objects.get(name=settings.API_CLIENTS_GROUP), api_client_user)
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


def revoke_in_another_process(key: str) -> None:
    """What a web process sees when another one deletes the token: the row is gone, and no
    signal reached this process's own cache."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Token._meta.db_table} WHERE key = %s", [key])


def test_without_a_shared_cache_a_token_revoked_elsewhere_is_refused_at_once(api_token, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.TOKEN_CACHE_SECONDS = 0  # what the settings choose without REDIS_URL
    client = client_for(api_token)
    assert client.get("/api/v1/enterprises/").status_code == 200
    revoke_in_another_process(api_token)
    assert client.get("/api/v1/enterprises/").status_code == 401


def test_the_settings_cache_tokens_only_in_a_cache_every_process_shares():
    from ipportal import settings as portal_settings

    shared = portal_settings.CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache"
    assert (portal_settings.TOKEN_CACHE_SECONDS > 0) == shared
