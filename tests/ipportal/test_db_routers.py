"""Reads of the API and the dashboards go to the read replica; everything else to the primary.

The replica here is a second alias on the test database (TEST MIRROR, tests/conftest.py), so the
tests commit their data (transactional) for the second connection to see it, as a replica would.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from ipportal.db_routers import PIN_COOKIE, ReplicaRouter, reading_from_replica
from tests.conftest import REPLICA

on_both = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])

ROUTER = "ipportal.db_routers.ReplicaRouter"
MIDDLEWARE = "ipportal.db_routers.ReplicaReadsMiddleware"


@pytest.fixture
def replica(settings):
    """The settings DATABASE_REPLICA_URL makes."""
    settings.REPLICA_DATABASE = REPLICA
    settings.DATABASE_ROUTERS = [ROUTER]
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]


@pytest.fixture
def token_client(api_token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    return client


def queries_on_each(request) -> tuple[list[str], list[str]]:
    """The SQL a request ran on the primary and on the replica, and its response."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as copy,
    ):
        response = request()
    assert response.status_code == 200
    return [q["sql"] for q in primary.captured_queries], [q["sql"] for q in copy.captured_queries]


@on_both
def test_indicator_api_reads_its_data_from_the_replica(replica, reference_data, token_client):
    primary, copy = queries_on_each(lambda: token_client.get("/api/v1/indicators/?year=2025"))
    assert any("targets_indicator" in sql for sql in copy)
    assert not any("targets_" in sql for sql in primary)


@on_both
def test_dashboard_reads_its_data_from_the_replica(replica, reference_data, official, client):
    client.force_login(official)
    primary, copy = queries_on_each(lambda: client.get("/"))
    assert any("targets_" in sql for sql in copy)
    assert not any("targets_" in sql for sql in primary)


@on_both
def test_sessions_and_users_are_read_from_the_primary(replica, reference_data, official, client):
    client.force_login(official)
    primary, copy = queries_on_each(lambda: client.get("/"))
    assert any("django_session" in sql for sql in primary) and any("auth_user" in sql for sql in primary)
    # Authentication (the session, the signed-in user) reads the primary; a page may still join a
    # user's name into what it shows (an approval's approver) from the copy.
    authentication = [sql for sql in copy if 'FROM "django_session"' in sql or 'FROM "auth_user"' in sql]
    assert authentication == []


@on_both
def test_pages_outside_the_list_read_from_the_primary(replica, reference_data, official, client):
    client.force_login(official)
    _, copy = queries_on_each(lambda: client.get("/enterprises/patents/"))
    assert copy == []


@on_both
def test_after_a_write_the_browser_reads_from_the_primary_for_a_while(replica, reference_data, official, client):
    client.force_login(official)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.cookies[PIN_COOKIE]["max-age"] == 10
    _, copy = queries_on_each(lambda: client.get("/"))
    assert copy == []


@on_both
def test_without_a_replica_nothing_reads_from_it(reference_data, token_client):
    primary, copy = queries_on_each(lambda: token_client.get("/api/v1/indicators/?year=2025"))
    assert copy == [] and any("targets_indicator" in sql for sql in primary)


def test_writes_and_migrations_stay_on_the_primary(replica):
    from django.contrib.sessions.models import Session

    from targets.models import Indicator

    router = ReplicaRouter()
    token = reading_from_replica.set(True)
    try:
        assert router.db_for_read(Indicator) == REPLICA
        assert router.db_for_read(Session) == "default"
        assert router.db_for_write(Indicator) == "default"
    finally:
        reading_from_replica.reset(token)
    assert router.db_for_read(Indicator) is None  # outside a marked request
    assert router.allow_migrate(REPLICA, "targets") is False
    assert router.allow_migrate("default", "targets") is None


@on_both
def test_reads_inside_a_transaction_on_the_primary_stay_there(replica):
    from targets.models import Indicator

    router = ReplicaRouter()
    token = reading_from_replica.set(True)
    try:
        with transaction.atomic():
            assert router.db_for_read(Indicator) == "default"
        assert router.db_for_read(Indicator) == REPLICA
    finally:
        reading_from_replica.reset(token)


def test_a_replica_url_adds_the_alias_the_router_and_the_middleware():
    env = {**os.environ, "DATABASE_REPLICA_URL": "postgres://reader@replica.example:5432/ipportal"}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['replica']['HOST'], s.DATABASES['replica']['TEST']['MIRROR'], s.DATABASE_ROUTERS, "
        "'ipportal.db_routers.ReplicaReadsMiddleware' in s.MIDDLEWARE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == ["replica.example", "default", f"['{ROUTER}']", "True"], result.stderr
