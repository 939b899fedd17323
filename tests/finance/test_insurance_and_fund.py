"""IP insurance policies and the pledge risk-compensation fund: officials' records with totals."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from finance.models import InsurancePolicy, RiskFundEntry

from ..factories import PledgeFactory

pytestmark = pytest.mark.django_db
D = dt.date


def totals(page: str) -> list[Decimal]:
    return [Decimal(amount) for amount in re.findall(r'data-total="([^"]+)"', page)]


def policy_form(**changes):
    data = {
        "policy_number": "PICC-2025-001",
        "kind": "enforcement",
        "insurer": "人保财险荆门分公司",
        "coverage": "500000",
        "premium": "10000",
        "subsidy": "5000",
        "start_date": "2025-03-01",
        "end_date": "2026-02-28",
    }
    return {**data, **changes}


def test_official_adds_a_policy_and_sees_the_totals(official_client, enterprise_a):
    response = official_client.post(reverse("finance:insurance-create"), policy_form(enterprise=enterprise_a.pk))
    policy = InsurancePolicy.objects.get()
    assert response.url == policy.get_absolute_url()
    InsurancePolicy.objects.create(
        policy_number="P2",
        kind="liability",
        insurer="平安",
        coverage=Decimal("1000000"),
        premium=Decimal("20000"),
        start_date=D(2025, 5, 1),
        end_date=D(2026, 4, 30),
    )
    page = official_client.get(reverse("finance:insurance-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert totals(page) == [Decimal(1500000), Decimal(30000), Decimal(5000)]
    assert "1,500,000.00 yuan" in page
    filtered = official_client.get(reverse("finance:insurance-list") + "?kind=liability").content.decode()
    assert totals(filtered)[0] == Decimal(1000000) and "PICC-2025-001" not in filtered


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"end_date": "2025-01-01"}, "end_date", "The end date is before the start date."),
        ({"subsidy": "20000"}, "subsidy", "The subsidy cannot exceed the premium."),
        ({"premium": "0"}, "premium", "Ensure this value is greater than or equal to 0.01."),
    ],
)
def test_bad_policies_are_refused_and_the_form_keeps_the_input(official_client, changes, field, message):
    response = official_client.post(
        reverse("finance:insurance-create"), policy_form(**changes), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert 'value="人保财险荆门分公司"' in response.content.decode()
    assert not InsurancePolicy.objects.exists()


def test_policy_messages_are_in_chinese_by_default(official_client):
    response = official_client.post(reverse("finance:insurance-create"), policy_form(end_date="2025-01-01"))
    assert "结束日期早于开始日期" in response.content.decode()


def test_risk_fund_balance_is_contributions_less_compensations(official_client):
    pledge = PledgeFactory()
    RiskFundEntry.objects.create(
        kind="contribution", party="高新区财政", amount=Decimal("3000000"), entry_date=D(2024, 1, 5)
    )
    RiskFundEntry.objects.create(
        kind="contribution", party="农商行", amount=Decimal("1000000"), entry_date=D(2024, 2, 1)
    )
    response = official_client.post(
        reverse("finance:riskfund-create"),
        {
            "kind": "compensation",
            "party": "农商行",
            "amount": "250000.50",
            "entry_date": "2025-06-30",
            "pledge": pledge.pk,
        },
    )
    assert response.status_code == 302
    page = official_client.get(reverse("finance:riskfund-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert totals(page) == [Decimal(4000000), Decimal("250000.50"), Decimal("3749999.50")]
    assert "3,749,999.50 yuan" in page


@pytest.mark.parametrize("slug", ["insurance", "riskfund"])
def test_enterprise_users_and_api_clients_cannot_change_them(client, user_a, api_token, slug):
    client.force_login(user_a)
    assert client.get(reverse(f"finance:{slug}-list")).status_code == 403
    assert client.get(reverse(f"finance:{slug}-create")).status_code == 403
    api_client = APIClient()
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    prefix = {"insurance": "insurance-policies", "riskfund": "risk-fund-entries"}[slug]
    assert api_client.get(f"/api/v1/{prefix}/").status_code == 200
    assert api_client.post(f"/api/v1/{prefix}/", {}).status_code in (403, 405)
