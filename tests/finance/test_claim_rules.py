"""A claim draft on a support item outside its open period is refused by the page and the API
alike (one rule, in finance.claims.save_lines)."""

import datetime as dt

import pytest
from django.utils import timezone

from finance import claims as rules
from finance.models import Claim

from .test_claims import inventions, item
from .test_selfservice_api import api

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def closed_item():
    return item(opens_on=TODAY - dt.timedelta(days=60), closes_on=TODAY - dt.timedelta(days=1))


def test_the_api_refuses_a_draft_on_a_closed_item(user_a, enterprise_a, closed_item):
    mine = inventions(enterprise_a, 1)
    response = api(user_a).post(
        "/api/v1/claims/",
        {"item": closed_item.pk, "records": [{"id": mine[0].pk}]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "takes claims from" in response.json()["records"][0]
    assert not Claim.objects.exists()


def test_saving_lines_on_a_closed_item_is_refused(user_a, enterprise_a, closed_item):
    claim = Claim.objects.create(enterprise=enterprise_a, item=closed_item, created_by=user_a)
    with pytest.raises(rules.TransitionRefused):
        rules.save_lines(claim, [rules.Choice(inventions(enterprise_a, 1)[0], None)])
    assert not claim.lines.exists()
