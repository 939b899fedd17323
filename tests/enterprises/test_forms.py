import pytest
from django.urls import reverse

from enterprises.models import Enterprise

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {"name": "荆门新建科技有限公司", "credit_code": "91350100M000100Y43", "industry": "biomedicine"}
    data.update(changes)
    return data


def test_official_creates_enterprise_with_full_width_code(official_client):
    response = official_client.post(
        reverse("enterprises:create"), form_data(credit_code="９１３５０１００ｍ０００１００ｙ４３")
    )
    assert response.status_code == 302
    assert Enterprise.objects.get().credit_code == "91350100M000100Y43"


def test_wrong_checksum_is_refused_and_the_form_keeps_what_was_typed(official_client):
    response = official_client.post(
        reverse("enterprises:create"),
        form_data(credit_code="91350100M000100Y44", contact_name="陈静"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "checksum" in content
    assert 'value="91350100M000100Y44"' in content
    assert 'value="陈静"' in content
    assert not Enterprise.objects.exists()


def test_checksum_message_is_in_chinese_by_default(official_client):
    response = official_client.post(reverse("enterprises:create"), form_data(credit_code="91350100M000100Y44"))
    assert "校验" in response.content.decode()


def test_duplicate_credit_code_is_refused(official_client, enterprise_a):
    response = official_client.post(
        reverse("enterprises:create"), form_data(credit_code=enterprise_a.credit_code.lower())
    )
    assert response.status_code == 200
    assert Enterprise.objects.count() == 1
