"""Member units and their accounts for the supervision tests (test_supervision.py keeps its own)."""

import pytest
from django.test import Client

from targets.models import MemberUnit

from ..factories import UserFactory


@pytest.fixture
def finance_bureau(db):
    return MemberUnit.objects.get(name="区财政局")


@pytest.fixture
def finance_user(finance_bureau):
    user = UserFactory(username="finance_officer")
    finance_bureau.members.create(user=user)
    return user


@pytest.fixture
def unit_client(finance_user):
    client = Client()
    client.force_login(finance_user)
    return client


@pytest.fixture
def other_unit(finance_bureau):
    """A unit that shares none of the finance bureau's tasks... or at least is another unit."""
    return MemberUnit.objects.exclude(pk=finance_bureau.pk).exclude(is_lead=True).first()


@pytest.fixture
def other_client(other_unit):
    user = UserFactory(username="other_officer")
    other_unit.members.create(user=user)
    client = Client()
    client.force_login(user)
    return client
