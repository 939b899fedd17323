import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from rest_framework.authtoken.models import Token

from ipportal.celery import app as celery_app

from .factories import EnterpriseFactory, UserFactory

PASSWORD = "correct-horse-battery"
REPLICA = "replica"


def pytest_configure(config):
    """A second alias on the test database (TEST MIRROR), as a read replica would be, for the read
    router's tests (tests/ipportal/test_db_routers.py). Unused unless a test turns the router on."""
    from django.conf import settings as django_settings
    from django.db import connections

    if REPLICA not in django_settings.DATABASES:
        default = connections.settings["default"]  # with Django's defaults filled in
        django_settings.DATABASES[REPLICA] = {**default, "TEST": {**default["TEST"], "MIRROR": "default"}}


@pytest.fixture(autouse=True)
def _isolated_services(request, settings, tmp_path):
    """Tasks run in-process and files go to a temporary folder, unless a test needs a real worker; the
    cache starts empty, so API throttling counts (which live there) start from zero in every test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Hashing test passwords with PBKDF2's 1,000,000 rounds costs a third of a second a user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if "worker" not in request.keywords:
        celery_app.conf.task_always_eager = True
    cache.clear()
    yield
    celery_app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER


@pytest.fixture
def start_of_a_rate_window():
    """The clock just after 02:00:00 UTC, a boundary of every fixed rate window the portal counts
    in (a minute, half an hour, an hour: ipportal.ratelimit, django-axes), and running on from
    there: a test that counts requests up to a limit is never split across two windows by the
    time of day it happens to run at."""
    with time_machine.travel(dt.datetime(2026, 11, 30, 2, 0, 1, tzinfo=dt.UTC), tick=True):
        yield


@pytest.fixture
def reference_data(transactional_db):
    """The rows the data migrations make (groups, plan, indicators, key tasks), again.

    Transactional tests end by emptying every table; they ask for this instead of
    serialized_rollback, which clashes with the content types PostgreSQL recreates.
    """
    import importlib

    from django.apps import apps

    importlib.import_module("ipportal.migrations.0001_roles").create_groups(apps, None)
    importlib.import_module("targets.migrations.0003_seed_plan").seed(apps, None)
    importlib.import_module("targets.migrations.0006_seed_key_tasks").seed(apps, None)


@pytest.fixture
def official(db) -> User:
    user = UserFactory(username="official")
    user.groups.add(Group.objects.get(name=settings.OFFICIALS_GROUP))
    return user


@pytest.fixture
def enterprise_a(db):
    return EnterpriseFactory(name="荆门甲化工有限公司")


@pytest.fixture
def enterprise_b(db):
    return EnterpriseFactory(name="荆门乙新材料有限公司")


@pytest.fixture
def user_a(enterprise_a) -> User:
    user = UserFactory(username="user_a")
    enterprise_a.memberships.create(user=user)
    return user


@pytest.fixture
def user_b(enterprise_b) -> User:
    user = UserFactory(username="user_b")
    enterprise_b.memberships.create(user=user)
    return user


@pytest.fixture
def api_client_user(db) -> User:
    user = UserFactory(username="city_system")
    user.groups.add(Group.objects.get(name=settings.API_CLIENTS_GROUP))
    return user


@pytest.fixture
def api_token(api_client_user) -> str:
    return Token.objects.create(user=api_client_user).key


@pytest.fixture
def official_client(client, official):
    client.force_login(official)
    return client


@pytest.fixture
def client_a(client, user_a):
    client.force_login(user_a)
    return client
