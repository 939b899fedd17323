"""One rule for pages and API alike: an enterprise files a number once (a constraint, so parallel
posts cannot beat it), and approvals that race for the same new number answer with the reason
(page message, API 409), never a server error."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from core.models import ReviewState
from enterprises import filings
from enterprises.models import Filing, Patent

from ..factories import valid_patent_number
from ..finance.test_selfservice_api import api, filing_data
from .test_filings import file_patent

pytestmark = pytest.mark.django_db

DUPLICATE = "This number is already filed by your enterprise."


def test_the_api_refuses_a_number_the_enterprise_already_filed(user_a):
    data = filing_data()
    assert api(user_a).post("/api/v1/filings/", data, format="json").status_code == 201
    again = api(user_a).post("/api/v1/filings/", data, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400 and again.json()["number"] == [DUPLICATE]
    assert Filing.objects.count() == 1


def test_the_api_refuses_a_number_filed_on_the_page(client, user_a):
    number = valid_patent_number(2023)
    client.force_login(user_a)
    file_patent(client, number)
    again = api(user_a).post("/api/v1/filings/", filing_data(number=number), format="json")
    assert again.status_code == 400 and Filing.objects.count() == 1


def test_a_rejected_filing_frees_its_number(user_a, official):
    data = filing_data()
    first = api(user_a).post("/api/v1/filings/", data, format="json").json()["id"]
    api(official).post(f"/api/v1/filings/{first}/review/", {"action": "reject", "comment": "重复"})
    assert api(user_a).post("/api/v1/filings/", data, format="json").status_code == 201


def test_the_database_holds_the_rule(user_a, enterprise_a):
    values = {"enterprise": enterprise_a, "kind": "patent", "number": "202310123456.6", "title": "t"}
    Filing.objects.create(**values, event_date="2025-01-01", state=ReviewState.REJECTED)
    Filing.objects.create(**values, event_date="2025-01-01")
    with pytest.raises(IntegrityError), transaction.atomic():
        Filing.objects.create(**values, event_date="2025-01-01")


@pytest.fixture
def check_lost_the_race(monkeypatch):
    """The check ran before the other post committed: only the constraint stands in the way."""
    monkeypatch.setattr(filings, "number_taken", lambda *args, **kwargs: False)


def test_a_page_post_that_loses_the_race_gets_the_form_error(client, user_a, check_lost_the_race):
    number = valid_patent_number(2023)
    client.force_login(user_a)
    file_patent(client, number)
    response = file_patent(client, number)
    assert response.status_code == 200 and DUPLICATE in response.content.decode()
    assert Filing.objects.count() == 1


def test_an_api_post_that_loses_the_race_gets_400(user_a, check_lost_the_race):
    data = filing_data()
    api(user_a).post("/api/v1/filings/", data, format="json")
    again = api(user_a).post("/api/v1/filings/", data, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400 and again.json()["number"] == [DUPLICATE]


@pytest.fixture
def racing_filings(user_a, user_b, enterprise_a, monkeypatch):
    """Filings of A and B for the same new number. A's approval has just committed the record,
    but B's approval looked for it a moment before (what two officials approving at once do)."""
    number = valid_patent_number(2023)
    a = api(user_a).post("/api/v1/filings/", filing_data(number=number), format="json").json()["id"]
    b = api(user_b).post("/api/v1/filings/", filing_data(number=number), format="json").json()["id"]
    Patent.objects.create(application_number=number, title="t", application_date="2023-03-05", enterprise=enterprise_a)
    lookup = Patent.objects.filter
    looked = []

    def before_a_committed(*args, **kwargs):
        found = lookup(*args, **kwargs)
        if "application_number" in kwargs and not looked:
            looked.append(kwargs)
            return found.none()
        return found

    monkeypatch.setattr(Patent.objects, "filter", before_a_committed)
    return a, b


def test_an_api_approval_that_loses_the_race_answers_409(official, racing_filings, enterprise_a):
    _a, b = racing_filings
    with translation.override("en"):
        response = api(official).post(f"/api/v1/filings/{b}/review/", {"action": "approve"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 409
    assert "another enterprise" in response.json()["detail"]
    assert Filing.objects.get(pk=b).state == ReviewState.SUBMITTED


def test_a_page_approval_that_loses_the_race_says_why(client, official, racing_filings):
    _a, b = racing_filings
    client.force_login(official)
    response = client.post(
        reverse("enterprises:filing-review", args=[b]), {"action": "approve"}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert response.status_code == 200
    assert "another enterprise" in response.content.decode()


def test_a_returned_filing_cannot_be_changed_to_a_number_already_filed(client, user_a, official):
    taken, other = valid_patent_number(2023), valid_patent_number(2023)
    client.force_login(user_a)
    file_patent(client, taken)
    file_patent(client, other)
    returned = Filing.objects.get(number=other)
    filings.review(returned.pk, "return", official, "请更正")
    response = client.post(
        reverse("enterprises:filing-edit", args=[returned.pk]),
        {**filing_data(number=taken), "comment": "已更正"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200 and DUPLICATE in response.content.decode()
    returned.refresh_from_db()
    assert (returned.number, returned.state) == (other, ReviewState.RETURNED)
