"""Rights-assistance requests (enterprise ↔ IP office) and the public complaint form."""

import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from enforcement.models import AssistanceRequest, Complaint

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("start_of_a_rate_window")]


def request_of(enterprise, subject="商标被仿冒") -> AssistanceRequest:
    return AssistanceRequest.objects.create(
        enterprise=enterprise, subject=subject, ip_type="trademark", description="x"
    )


def test_enterprise_submits_a_request_for_itself(client_a, enterprise_a, enterprise_b):
    pdf = SimpleUploadedFile("evidence.pdf", b"%PDF-1.4 evidence", content_type="application/pdf")
    response = client_a.post(
        reverse("enforcement:assistance-request"),
        {
            "subject": "专利被侵权",
            "ip_type": "patent",
            "description": "对方生产销售相同产品",
            "attachment": pdf,
            "enterprise": enterprise_b.pk,
        },
    )
    assert response.status_code == 302
    entry = AssistanceRequest.objects.get()
    assert entry.enterprise == enterprise_a and entry.state == "submitted"
    assert client_a.get(reverse("enforcement:assistance-evidence", args=[entry.pk])).status_code == 200


def test_a_bad_evidence_file_is_refused_and_the_text_kept(client_a):
    response = client_a.post(
        reverse("enforcement:assistance-request"),
        {
            "subject": "保留主题",
            "ip_type": "patent",
            "description": "d",
            "attachment": SimpleUploadedFile("a.pdf", b"MZ.."),
        },
    )
    assert response.status_code == 200 and "保留主题" in response.content.decode()
    assert not AssistanceRequest.objects.exists()


def test_enterprise_sees_only_its_own_requests(client_a, enterprise_a, enterprise_b):
    own, other = request_of(enterprise_a, "甲的请求"), request_of(enterprise_b, "乙的请求")
    content = client_a.get(reverse("enforcement:assistance-list")).content.decode()
    assert "甲的请求" in content and "乙的请求" not in content
    assert client_a.get(own.get_absolute_url()).status_code == 200
    assert client_a.get(other.get_absolute_url()).status_code == 404
    assert client_a.get(reverse("enforcement:assistance-evidence", args=[other.pk])).status_code == 404


def test_enterprise_cannot_handle_requests(client_a, enterprise_a):
    own = request_of(enterprise_a)
    assert client_a.post(reverse("enforcement:assistance-edit", args=[own.pk]), {"state": "closed"}).status_code == 403


def test_official_replies_and_closes(official_client, enterprise_a):
    entry = request_of(enterprise_a)
    response = official_client.post(
        reverse("enforcement:assistance-edit", args=[entry.pk]),
        {
            "enterprise": enterprise_a.pk,
            "subject": entry.subject,
            "ip_type": "trademark",
            "description": "x",
            "state": "closed",
            "reply": "已协调市场监管部门处理",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.state, entry.reply) == ("closed", "已协调市场监管部门处理")


def complaint_data(client, **changes):
    page = client.get(reverse("enforcement:complaint-public"))
    token = page.context["form"].initial["started"]
    data = {
        "contact": "13800000000",
        "subject": "超市销售假冒商标商品",
        "description": "货架上有仿冒产品",
        "started": token,
        "website": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def ten_seconds_later(monkeypatch):
    """Call after loading the form: the clock moves on as if a person took ten seconds to fill it in."""
    real = time.time

    def wait() -> None:
        monkeypatch.setattr(time, "time", lambda: real() + 10)

    return wait


def test_a_person_can_report_without_an_account(client, ten_seconds_later):
    data = complaint_data(client)
    ten_seconds_later()
    response = client.post(reverse("enforcement:complaint-public"), data)
    assert response.status_code == 200 and Complaint.objects.get().subject == "超市销售假冒商标商品"


def test_the_honeypot_refuses_bots(client, ten_seconds_later):
    data = complaint_data(client, website="http://spam.example")
    ten_seconds_later()
    client.post(reverse("enforcement:complaint-public"), data)
    assert not Complaint.objects.exists()


def test_a_form_sent_faster_than_a_person_types_is_refused(client):
    response = client.post(reverse("enforcement:complaint-public"), complaint_data(client), HTTP_ACCEPT_LANGUAGE="en")
    assert "quicker than a person" in response.content.decode()
    assert "超市销售假冒商标商品" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_forged_start_time_is_refused(client, ten_seconds_later):
    data = complaint_data(client, started="form:forged:sig")
    ten_seconds_later()
    client.post(reverse("enforcement:complaint-public"), data)
    assert not Complaint.objects.exists()


def test_reports_are_limited_per_address(client, ten_seconds_later):
    forms = [complaint_data(client) for _ in range(settings.COMPLAINTS_PER_HOUR_ADDRESS + 2)]
    ten_seconds_later()
    codes = [client.post(reverse("enforcement:complaint-public"), data).status_code for data in forms]
    assert Complaint.objects.count() == settings.COMPLAINTS_PER_HOUR_ADDRESS
    assert codes[-1] == 429


def test_the_limit_holds_across_web_processes(client, ten_seconds_later, settings):
    """Without Redis each gunicorn worker has its own local-memory cache: a count kept there let
    10 of 30 reports through against a limit of 5. Emptying the local cache before each post is
    what a post landing on another worker sees."""
    settings.REDIS_URL = ""  # the embedded default
    forms = [complaint_data(client) for _ in range(settings.COMPLAINTS_PER_HOUR_ADDRESS + 3)]
    ten_seconds_later()
    for data in forms:
        cache.clear()
        client.post(reverse("enforcement:complaint-public"), data)
    assert Complaint.objects.count() == settings.COMPLAINTS_PER_HOUR_ADDRESS


def test_behind_the_proxy_each_client_has_its_own_limit(settings, ten_seconds_later):
    """Every request comes from the proxy's address; the client is the proxy's X-Forwarded-For entry."""
    settings.TRUSTED_PROXY_COUNT = 1
    first = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2")
    forms = [complaint_data(first) for _ in range(settings.COMPLAINTS_PER_HOUR_ADDRESS + 1)]
    other = complaint_data(second)
    ten_seconds_later()
    for data in forms:
        first.post(reverse("enforcement:complaint-public"), data)
    assert second.post(reverse("enforcement:complaint-public"), other).status_code == 200
    assert Complaint.objects.count() == settings.COMPLAINTS_PER_HOUR_ADDRESS + 1


def test_a_start_token_sends_one_report_only(client, ten_seconds_later):
    data = complaint_data(client)
    ten_seconds_later()
    assert client.post(reverse("enforcement:complaint-public"), data).status_code == 200
    again = client.post(reverse("enforcement:complaint-public"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert "sent already" in again.content.decode()
    assert Complaint.objects.count() == 1


def test_two_forms_opened_at_once_have_different_tokens(client):
    assert complaint_data(client)["started"] != complaint_data(client)["started"]


def test_complaints_are_for_officials_only(client, user_a, official):
    Complaint.objects.create(contact="x", subject="举报", description="d")
    client.force_login(user_a)
    assert client.get(reverse("enforcement:complaint-list")).status_code == 403
    client.force_login(official)
    assert "举报" in client.get(reverse("enforcement:complaint-list")).content.decode()
