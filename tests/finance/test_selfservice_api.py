"""The self-service API: the same rules as the pages, for enterprise and officials' clients."""

import datetime as dt
from decimal import Decimal

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from enterprises.models import Filing, Patent
from finance.models import Claim

from ..factories import valid_patent_number
from .test_claims import inventions, item

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def filing_data(**changes):
    return {
        "kind": "patent",
        "number": valid_patent_number(2023),
        "title": "一种装置",
        "filed_on": "2023-03-05",
        "event_date": "2025-02-10",
        **changes,
    }


def test_enterprise_client_files_and_official_client_approves(user_a, user_b, official, enterprise_a):
    a = api(user_a)
    created = a.post("/api/v1/filings/", filing_data(), format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["state"] == "submitted"
    assert api(user_b).get("/api/v1/filings/").json()["count"] == 0
    assert api(user_b).get(f"/api/v1/filings/{created.json()['id']}/").status_code == 404
    assert a.post(f"/api/v1/filings/{created.json()['id']}/review/", {"action": "approve"}).status_code == 403
    approved = api(official).post(f"/api/v1/filings/{created.json()['id']}/review/", {"action": "approve"})
    assert approved.json()["state"] == "approved"
    assert Patent.objects.get(application_number=Filing.objects.get().number).enterprise == enterprise_a


def test_bad_filing_is_refused_with_the_field_named(user_a):
    response = api(user_a).post("/api/v1/filings/", filing_data(number="202310123456.1"), format="json")
    assert response.status_code == 400 and "number" in response.json()
    assert not Filing.objects.exists()


def test_read_only_clients_cannot_file_or_claim(api_client_user):
    client = api(api_client_user)
    assert client.get("/api/v1/filings/").status_code == 200
    assert client.post("/api/v1/filings/", filing_data(), format="json").status_code == 403
    assert client.post("/api/v1/claims/", {}, format="json").status_code == 403


def test_claim_through_the_api(user_a, user_b, official, enterprise_a, enterprise_b):
    support = item()
    mine = inventions(enterprise_a, 2)
    theirs = inventions(enterprise_b, 1)
    a = api(user_a)
    refused = a.post("/api/v1/claims/", {"item": support.pk, "records": [{"id": theirs[0].pk}]}, format="json")
    assert refused.status_code == 400 and not Claim.objects.exists()
    created = a.post("/api/v1/claims/", {"item": support.pk, "records": [{"id": p.pk} for p in mine]}, format="json")
    assert created.status_code == 201 and Decimal(created.json()["amount"]) == Decimal("10000")
    number = created.json()["id"]
    again = a.post("/api/v1/claims/", {"item": support.pk, "records": [{"id": mine[0].pk}]}, format="json")
    assert again.status_code == 400
    assert a.post(f"/api/v1/claims/{number}/transition/", {"action": "submit"}).json()["state"] == "submitted"
    assert a.post(f"/api/v1/claims/{number}/transition/", {"action": "approve"}).status_code == 403
    assert api(user_b).get(f"/api/v1/claims/{number}/").status_code == 404
    o = api(official)
    assert o.post(f"/api/v1/claims/{number}/transition/", {"action": "return"}).status_code == 409
    approved = o.post(f"/api/v1/claims/{number}/transition/", {"action": "approve", "amount": "8000"})
    assert approved.json()["state"] == "approved" and Decimal(approved.json()["approved_amount"]) == Decimal("8000")
    paid = o.post(
        f"/api/v1/claims/{number}/transition/",
        {"action": "pay", "payment_date": "2025-12-01", "payment_reference": "ZF-1"},
    )
    assert paid.json()["payment_date"] == dt.date(2025, 12, 1).isoformat()
    assert [e["to_state"] for e in paid.json()["events"]] == ["submitted", "approved", "paid"]


def test_api_refusals_are_in_the_clients_language(user_a, enterprise_b):
    support = item()
    theirs = inventions(enterprise_b, 1)[0]
    client = api(user_a)
    body = {"item": support.pk, "records": [{"id": theirs.pk}]}
    chinese = client.post("/api/v1/claims/", body, format="json").json()["records"][0]
    english = client.post("/api/v1/claims/", body, format="json", HTTP_ACCEPT_LANGUAGE="en").json()["records"][0]
    assert "不是本企业" in chinese and "not one of your records" in english
