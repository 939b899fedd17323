"""What each role may and may not see of the enterprises registry."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

OFFICIALS_PAGES = [
    reverse("enterprises:list"),
    reverse("enterprises:create"),
    reverse("enterprises:export"),
    reverse("enterprises:import-list"),
    reverse("targets:yearly-list"),
    reverse("targets:yearly-create"),
]


def test_enterprise_user_sees_own_enterprise_page(client_a, enterprise_a):
    response = client_a.get(enterprise_a.get_absolute_url())
    assert response.status_code == 200
    assert enterprise_a.credit_code in response.content.decode()


def test_enterprise_user_starts_on_its_own_overview(client_a, enterprise_a, enterprise_b):
    assert client_a.get(reverse("home")).url == reverse("enterprises:home")
    page = client_a.get(reverse("enterprises:home")).content.decode()
    assert enterprise_a.name in page and enterprise_b.name not in page


def test_enterprise_user_cannot_view_other_enterprise(client_a, enterprise_b):
    assert client_a.get(enterprise_b.get_absolute_url()).status_code == 404


def test_enterprise_user_cannot_edit_other_enterprise(client_a, enterprise_b):
    url = reverse("enterprises:edit", args=[enterprise_b.pk])
    assert client_a.get(url).status_code == 404
    assert client_a.post(url, {"contact_name": "冒名"}).status_code == 404
    enterprise_b.refresh_from_db()
    assert enterprise_b.contact_name != "冒名"


@pytest.mark.parametrize("url", OFFICIALS_PAGES)
def test_enterprise_user_cannot_reach_officials_pages(client_a, url):
    assert client_a.get(url).status_code == 403


def test_enterprise_user_edits_only_contact_details_of_own_enterprise(client_a, enterprise_a):
    url = reverse("enterprises:edit", args=[enterprise_a.pk])
    response = client_a.post(
        url, {"contact_name": "张伟", "contact_phone": "0724-1234567", "high_tech": "on", "name": "改名"}
    )
    assert response.status_code == 302
    enterprise_a.refresh_from_db()
    assert enterprise_a.contact_name == "张伟"
    assert enterprise_a.name == "荆门甲化工有限公司"
    assert enterprise_a.high_tech is False


@pytest.mark.parametrize("url", [*OFFICIALS_PAGES, reverse("home")])
def test_anonymous_user_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_official_lists_every_enterprise(official_client, enterprise_a, enterprise_b):
    content = official_client.get(reverse("enterprises:list")).content.decode()
    assert enterprise_a.name in content and enterprise_b.name in content


def test_official_filters_by_industry_and_flag(official_client, enterprise_a, enterprise_b):
    enterprise_b.industry = "biomedicine"
    enterprise_b.high_tech = True
    enterprise_b.save()
    content = official_client.get(reverse("enterprises:list"), {"industry": "biomedicine", "flag": "high_tech"}).content
    assert enterprise_b.name in content.decode() and enterprise_a.name not in content.decode()


def test_official_searches_by_name_or_code(official_client, enterprise_a, enterprise_b):
    content = official_client.get(reverse("enterprises:list"), {"q": enterprise_b.credit_code.lower()}).content
    assert enterprise_b.name in content.decode() and enterprise_a.name not in content.decode()


def test_api_client_cannot_open_web_pages(client, api_client_user):
    client.force_login(api_client_user)
    for url in (reverse("enterprises:list"), reverse("home")):
        response = client.get(url)  # the session is ended: the page answers as to anyone signed out
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


class TestAPI:
    url = reverse("enterprise-list")

    def test_anonymous_gets_401(self):
        assert APIClient().get(self.url).status_code == 401

    def test_token_client_reads_every_enterprise(self, api_token, enterprise_a, enterprise_b):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
        response = client.get(self.url)
        assert response.status_code == 200
        assert {row["credit_code"] for row in response.json()["results"]} == {
            enterprise_a.credit_code,
            enterprise_b.credit_code,
        }

    def test_token_client_cannot_write(self, api_token, enterprise_a):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
        assert client.post(self.url, {"name": "x"}).status_code == 403
        detail = reverse("enterprise-detail", args=[enterprise_a.pk])
        assert client.patch(detail, {"name": "x"}).status_code == 403
        assert client.delete(detail).status_code == 403

    def test_enterprise_user_sees_only_own_enterprise(self, user_a, enterprise_a, enterprise_b):
        client = APIClient()
        client.force_authenticate(user_a)
        rows = client.get(self.url).json()["results"]
        assert [row["credit_code"] for row in rows] == [enterprise_a.credit_code]
        assert client.get(reverse("enterprise-detail", args=[enterprise_b.pk])).status_code == 404
