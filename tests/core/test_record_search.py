"""The sidebar's record search (core.records.search): every kind a user may see, by number,
title or holder, and never another enterprise's records or an officials-only kind."""

import pytest
from django.test import Client
from django.urls import reverse

from enterprises.models import Certification

from ..factories import PatentFactory, TrademarkFactory, UserFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("record-search")


def kinds(response) -> dict[str, int]:
    return {hit.kind.slug: hit.count for hit in response.context["hits"]}


def test_official_finds_records_by_number_title_and_holder_across_kinds(official_client, enterprise_a):
    patent = PatentFactory(enterprise=enterprise_a, title="一种锂电池隔膜")
    TrademarkFactory(enterprise=enterprise_a)
    assert kinds(official_client.get(SEARCH, {"q": patent.application_number})) == {"patent": 1}
    assert kinds(official_client.get(SEARCH, {"q": "锂电池"})) == {"patent": 1}
    assert kinds(official_client.get(SEARCH, {"q": enterprise_a.name})) == {"patent": 1, "trademark": 1}
    page = official_client.get(SEARCH, {"q": "锂电池"}).content.decode()
    assert patent.get_absolute_url() in page


def test_enterprise_user_never_finds_another_enterprises_records(client_a, enterprise_a, enterprise_b):
    mine = PatentFactory(enterprise=enterprise_a, title="一种共享名称的装置")
    theirs = PatentFactory(enterprise=enterprise_b, title="一种共享名称的装置")
    TrademarkFactory(enterprise=enterprise_b, mark="共享名称")
    response = client_a.get(SEARCH, {"q": "共享名称"})
    assert kinds(response) == {"patent": 1}
    assert [record.pk for record in response.context["hits"][0].records] == [mine.pk]
    page = response.content.decode()
    assert theirs.application_number not in page and enterprise_b.name not in page
    assert kinds(client_a.get(SEARCH, {"q": theirs.application_number})) == {}
    assert kinds(client_a.get(SEARCH, {"q": enterprise_b.name})) == {}


def test_enterprise_user_does_not_search_officials_only_kinds(client_a, official, enterprise_a):
    Certification.objects.create(
        enterprise=enterprise_a,
        standard=Certification._meta.get_field("standard").choices[0][0],
        certificate_number="CERT-777",
        certification_body="某认证中心",
        issue_date="2024-01-01",
        expiry_date="2027-01-01",
    )
    assert kinds(client_a.get(SEARCH, {"q": "CERT-777"})) == {}
    official_client = Client()
    official_client.force_login(official)
    assert kinds(official_client.get(SEARCH, {"q": "CERT-777"})) == {"certification": 1}


def test_many_matches_link_to_the_kinds_filtered_list(official_client, enterprise_a):
    PatentFactory.create_batch(7, enterprise=enterprise_a, title="一种批量装置")
    response = official_client.get(SEARCH, {"q": "批量"})
    assert len(response.context["hits"][0].records) == 5
    assert f"{reverse('enterprises:patent-list')}?q=%E6%89%B9%E9%87%8F" in response.content.decode()


def test_blank_query_finds_nothing(official_client, enterprise_a):
    PatentFactory(enterprise=enterprise_a)
    response = official_client.get(SEARCH, {"q": "  "})
    assert response.status_code == 200 and response.context["hits"] == []


def test_search_is_for_portal_users(client):
    assert client.get(SEARCH, {"q": "x"}).status_code == 302  # to the login page
    client.force_login(UserFactory(username="nobody"))  # linked to no enterprise, not an official
    assert client.get(SEARCH, {"q": "x"}).status_code == 403
