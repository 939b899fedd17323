"""Roles without web pages (API clients) cannot use a web session for anything: they cannot sign
in on the login page or the admin's, and a session they hold anyway opens no page, attachment,
admin page or API answer. Their token keeps working."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from rest_framework.test import APIClient

from core.models import Attachment

from ..conftest import PASSWORD

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 evidence"


@pytest.fixture
def attachment(enterprise_a, user_a):
    return Attachment.objects.create(
        subject=enterprise_a, file=ContentFile(PDF, name="e.pdf"), name="e.pdf", size=len(PDF), uploaded_by=user_a
    )


def signed_out(client) -> bool:
    return "_auth_user_id" not in client.session


@pytest.mark.parametrize("language, words", [("en", "API client"), ("zh-hans", "接口客户端")])
def test_api_client_cannot_sign_in_on_the_login_page(client, api_client_user, language, words):
    response = client.post(
        reverse("login"),
        {"username": api_client_user.username, "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    assert words in response.content.decode()
    assert signed_out(client)


def test_api_client_session_opens_no_attachment(client, api_client_user, attachment):
    client.force_login(api_client_user)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert signed_out(client)


def test_api_client_session_reads_nothing_through_the_api(client, api_client_user, enterprise_a):
    client.force_login(api_client_user)
    assert client.get("/api/v1/enterprises/").status_code in {401, 403}


def test_api_client_with_staff_rights_cannot_use_the_admin(client, api_client_user):
    api_client_user.is_staff = True
    api_client_user.save()
    api_client_user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    response = client.post(
        reverse("admin:login"), {"username": api_client_user.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 200 and signed_out(client)
    client.force_login(api_client_user)
    response = client.get(reverse("admin:core_attachment_changelist"))
    assert response.status_code == 302 and signed_out(client)


def test_api_client_token_still_reads_the_api(api_token, enterprise_a):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    assert client.get("/api/v1/enterprises/").status_code == 200


def test_an_official_who_is_also_an_api_client_keeps_the_pages(client, official, attachment):
    official.groups.add(Group.objects.get(name="api_clients"))
    client.force_login(official)
    assert client.get(attachment.get_absolute_url()).status_code == 200
    assert not signed_out(client)
