"""Abuse of what anyone can reach (issue 17, items 13 and 14): one client address behind the
documented proxy, limits that every web process shares, a lockout that cannot be turned against
a named user, and a rate limit and size bound on every endpoint that takes anonymous input or
sends e-mail."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest
from django.test import Client
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from ipportal import ratelimit
from ipportal.models import RateCounter
from ipportal.security import PortalAuditlogMiddleware
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("start_of_a_rate_window")]

ROOT = Path(__file__).resolve().parents[2]
PROXY = "10.0.0.2"  # every request reaches the portal from the proxy's address


def example_env() -> dict[str, str]:
    lines = (ROOT / "deploy" / "ipportal.env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def behind_proxy(address: str, **extra) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address, **extra)


def log_in(client, username, password, url="/accounts/login/", **extra):
    return client.post(url, {"username": username, "password": password}, **extra)


@pytest.fixture
def as_deployed(settings):
    """The settings the deployment example gives: one trusted proxy."""
    settings.TRUSTED_PROXY_COUNT = int(example_env()["TRUSTED_PROXY_COUNT"])


# The deployment example


def test_the_deployment_example_trusts_its_one_proxy():
    assert example_env()["TRUSTED_PROXY_COUNT"] == "1"
    nginx = (ROOT / "deploy" / "nginx" / "ipportal.conf").read_text()
    # The proxy appends the address it saw, so the last entry is the client's whatever it sends.
    assert re.search(r"proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;", nginx)
    assert "proxy_pass http://127.0.0.1:8000;" in nginx


def test_behind_the_proxy_one_client_cannot_lock_out_another(official, settings, as_deployed):
    attacker, owner = behind_proxy("203.0.113.9"), behind_proxy("198.51.100.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, "official", "wrong-password-0")
    assert log_in(attacker, "official", PASSWORD).status_code == 429
    assert log_in(owner, "official", PASSWORD).status_code == 302


def test_a_forged_forwarded_for_entry_does_not_dodge_the_lockout(official, settings, as_deployed):
    """The client writes what it likes left of the proxy's entry; only the proxy's counts."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        behind_proxy(f"192.0.2.{n}, 203.0.113.9").post(
            "/accounts/login/", {"username": "official", "password": "wrong-password-0"}
        )
    assert log_in(behind_proxy("192.0.2.99, 203.0.113.9"), "official", PASSWORD).status_code == 429


# The per-user cap: many addresses together get an unlock link, not a lockout


@pytest.fixture
def low_user_cap(settings):
    settings.LOGIN_USER_FAILURE_LIMIT = 6


def fail_from_many_addresses(count: int) -> None:
    for n in range(count):
        log_in(behind_proxy(f"203.0.113.{n}"), "official", "wrong-password-0")


def test_over_the_per_user_cap_a_password_alone_no_longer_signs_in(official, low_user_cap, as_deployed, settings):
    fail_from_many_addresses(settings.LOGIN_USER_FAILURE_LIMIT)
    owner = behind_proxy("198.51.100.7")
    response = log_in(owner, "official", PASSWORD, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "_auth_user_id" not in owner.session
    assert "unlock link" in response.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [official.email]


def test_the_unlock_link_lets_the_owner_sign_in(official, low_user_cap, as_deployed, settings):
    fail_from_many_addresses(settings.LOGIN_USER_FAILURE_LIMIT)
    owner, attacker = behind_proxy("198.51.100.7"), behind_proxy("203.0.113.200")
    log_in(owner, "official", PASSWORD)
    link = re.search(r"https?://\S+/accounts/unlock/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    assert owner.get(path).status_code == 200  # a page with a button: mail scanners do not use it up
    assert owner.post(path).status_code == 302
    assert log_in(owner, "official", PASSWORD).status_code == 302
    # The attacker's browser did not open the link; and the link works once.
    assert log_in(attacker, "official", PASSWORD).status_code == 200
    assert attacker.post(path).status_code == 400


def test_one_unlock_mail_a_window_however_many_tries(official, low_user_cap, as_deployed, settings):
    fail_from_many_addresses(settings.LOGIN_USER_FAILURE_LIMIT)
    for n in range(5):
        log_in(behind_proxy(f"198.51.100.{n}"), "official", PASSWORD)
    assert len(mail.outbox) == 1


def test_an_unknown_user_name_over_the_cap_gets_the_same_answer_and_no_mail(low_user_cap, settings, as_deployed):
    for n in range(settings.LOGIN_USER_FAILURE_LIMIT):
        log_in(behind_proxy(f"203.0.113.{n}"), "nobody", "wrong-password-0")
    response = log_in(behind_proxy("198.51.100.7"), "nobody", "x", HTTP_ACCEPT_LANGUAGE="en")
    assert "unlock link" in response.content.decode() and not mail.outbox


def test_a_forged_unlock_link_is_refused(client):
    assert client.post("/accounts/unlock/forged:token/").status_code == 400


def test_the_admin_login_has_the_same_cap(official, low_user_cap, as_deployed, settings):
    official.is_staff = True
    official.save()
    fail_from_many_addresses(settings.LOGIN_USER_FAILURE_LIMIT)
    owner = behind_proxy("198.51.100.7")
    assert log_in(owner, "official", PASSWORD, "/admin/login/").status_code == 200
    assert "_auth_user_id" not in owner.session


# Counts shared by every web process


def test_counts_outlive_a_per_process_cache(settings):
    """Without Redis the count is in the database: a worker with an empty local cache sees it."""
    settings.REDIS_URL = ""
    for _ in range(3):
        cache.clear()
        ratelimit.count("test", "198.51.100.7", 60)
    assert ratelimit.count("test", "198.51.100.7", 60, add=0) == 3
    assert RateCounter.objects.count() == 1


def test_with_redis_configured_but_unreachable_counts_fall_back_to_the_database(settings, monkeypatch):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    monkeypatch.setattr(ratelimit, "_cache_count", lambda key, period, add: None)  # what django-redis answers
    assert [ratelimit.hit("test", "a", 2, 60) for _ in range(3)] == [True, True, False]


def test_the_login_cap_holds_with_redis_down(official, low_user_cap, as_deployed, settings, monkeypatch):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    monkeypatch.setattr(ratelimit, "_cache_count", lambda key, period, add: None)  # what django-redis answers
    fail_from_many_addresses(settings.LOGIN_USER_FAILURE_LIMIT)
    assert log_in(behind_proxy("198.51.100.7"), "official", PASSWORD).status_code == 200


def test_a_token_is_used_once():
    assert ratelimit.use_once("test", "abc", 60)
    assert not ratelimit.use_once("test", "abc", 60)
    assert ratelimit.use_once("test", "abd", 60)


# Every endpoint that takes anonymous input or sends e-mail: a rate limit and a size bound

ANONYMOUS_POSTS = [
    "/accounts/login/",
    "/admin/login/",
    "/accounts/password_reset/",
    "/accounts/reset/MQ/set-password/",
    "/enforcement/report/",
    "/i18n/setlang/",
    "/accounts/unlock/forged:token/",
]


@pytest.mark.parametrize("path", ANONYMOUS_POSTS)
def test_anonymous_writes_are_limited_per_address(path, settings, as_deployed):
    settings.WRITES_PER_MINUTE_ANONYMOUS = 3
    client = behind_proxy("203.0.113.9")
    codes = [client.post(path, {"username": "x", "password": "y"}).status_code for _ in range(4)]
    assert 429 not in codes[:3] and codes[3] == 429
    assert behind_proxy("198.51.100.7").post(path, {"username": "x", "password": "y"}).status_code != 429


@pytest.mark.parametrize("path", ANONYMOUS_POSTS)
def test_anonymous_bodies_are_bounded(path, settings):
    response = Client().post(path, {"description": "x" * (settings.REQUEST_MAX_BYTES_ANONYMOUS + 1)})
    assert response.status_code == 413


def test_the_refusal_is_in_the_readers_language(settings):
    settings.REQUEST_MAX_BYTES_ANONYMOUS = 100
    response = Client().post("/enforcement/report/", {"description": "x" * 200}, HTTP_ACCEPT_LANGUAGE="en")
    assert "too large" in response.content.decode()
    assert "请求过大" in Client().post("/enforcement/report/", {"description": "x" * 200}).content.decode()


def test_signed_in_writes_are_limited_per_user(official_client, enterprise_a, settings):
    """The lapse-risk reminder e-mails an enterprise: one of the pages that send mail."""
    settings.WRITES_PER_MINUTE_USER = 2
    codes = [
        official_client.post("/enterprises/lapse-risk/", {"enterprise": enterprise_a.pk}).status_code for _ in range(3)
    ]
    assert codes[:2] == [302, 302] and codes[2] == 429
    assert official_client.post("/enterprises/lapse-risk/", {"enterprise": enterprise_a.pk})["Retry-After"]


def test_signed_in_bodies_are_bounded(official_client, settings):
    settings.REQUEST_MAX_BYTES = 1000
    assert official_client.post("/enterprises/new/", {"name": "x" * 2000}).status_code == 413


def test_api_requests_with_a_token_are_bounded_as_signed_in(api_token, settings):
    """An enterprise files with documents through the API (multipart) with its token."""
    client = APIClient()
    body = {"kind": "trademark", "note": "x" * (settings.REQUEST_MAX_BYTES_ANONYMOUS + 1)}
    assert client.post("/api/v1/filings/", body).status_code == 413
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    assert client.post("/api/v1/filings/", body).status_code != 413
    settings.REQUEST_MAX_BYTES = 1000
    assert client.post("/api/v1/filings/", body).status_code == 413


def test_the_import_upload_takes_files_up_to_its_own_bound(official_client, settings):
    settings.REQUEST_MAX_BYTES = 1000
    upload = {"kind": "patents", "file": SimpleUploadedFile("x.csv", b"a" * 5000)}
    assert official_client.post("/enterprises/imports/", upload).status_code != 413
    settings.IMPORT_MAX_UPLOAD_BYTES = 10
    upload["file"] = SimpleUploadedFile("x.csv", b"a" * (2 * 1024 * 1024))
    assert official_client.post("/enterprises/imports/", upload).status_code == 413


@pytest.fixture
def low_write_rate(monkeypatch):
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "100/minute", "user": "100/minute", "write": "2/minute"}
    )


def test_api_writes_are_limited_per_user(low_write_rate, user_a):
    """Filings and claims posted through the API send e-mail to the officials."""
    client = APIClient()
    client.force_authenticate(user_a)
    codes = [client.post("/api/v1/filings/", {}, format="json").status_code for _ in range(3)]
    assert codes[:2] == [400, 400] and codes[2] == 429
    assert client.get("/api/v1/filings/").status_code == 200  # reads are not writes


def test_api_throttling_behind_the_proxy_counts_each_client(monkeypatch, as_deployed):
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "100/minute", "write": "100/minute"}
    )
    first = APIClient(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert [first.get("/api/v1/schema/").status_code for _ in range(3)] == [200, 200, 429]
    second = APIClient(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert second.get("/api/v1/schema/").status_code == 200


def test_password_reset_mails_are_limited_per_address_and_per_mailbox(official, settings, as_deployed):
    settings.PASSWORD_RESETS_PER_HOUR_EMAIL = 2
    codes = [
        behind_proxy(f"203.0.113.{n}").post("/accounts/password_reset/", {"email": official.email}).status_code
        for n in range(4)
    ]
    assert codes == [302, 302, 429, 429] and len(mail.outbox) == 2
    settings.PASSWORD_RESETS_PER_HOUR_ADDRESS = 3
    one = behind_proxy("198.51.100.7")
    codes = [one.post("/accounts/password_reset/", {"email": f"n{n}@example.com"}).status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]


# The audit trail reads the same address


def test_the_audit_trail_records_the_address_client_ip_reads(settings):
    """django-auditlog's own middleware takes the first X-Forwarded-For entry, which the client writes."""
    assert "ipportal.security.PortalAuditlogMiddleware" in settings.MIDDLEWARE
    assert "auditlog.middleware.AuditlogMiddleware" not in settings.MIDDLEWARE
    request = HttpRequest()
    request.META = {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "6.6.6.6"}
    assert PortalAuditlogMiddleware._get_remote_addr(request) == "198.51.100.7"
    settings.TRUSTED_PROXY_COUNT = 1
    request.META = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "6.6.6.6, 198.51.100.7"}
    assert PortalAuditlogMiddleware._get_remote_addr(request) == "198.51.100.7"


def test_once_its_link_is_used_a_new_unlock_link_can_be_sent(official, low_user_cap, as_deployed, settings):
    # The attacker keeps failing after the owner unlocked one browser: the owner, in another
    # browser, gets a new link (one mail per unused link, never a blocked account).
    fail_from_many_addresses(settings.LOGIN_USER_FAILURE_LIMIT)
    first_browser = behind_proxy("198.51.100.7")
    log_in(first_browser, "official", PASSWORD)
    path = re.search(r"https?://\S+/accounts/unlock/\S+/", mail.outbox[0].body).group(0).split("testserver", 1)[1]
    assert first_browser.post(path).status_code == 302
    assert log_in(first_browser, "official", PASSWORD).status_code == 302
    fail_from_many_addresses(settings.LOGIN_USER_FAILURE_LIMIT)
    second_browser = behind_proxy("198.51.100.8")
    assert log_in(second_browser, "official", PASSWORD).status_code == 200
    assert len(mail.outbox) == 2
    log_in(behind_proxy("198.51.100.9"), "official", PASSWORD)
    assert len(mail.outbox) == 2  # still one mail per unused link
    path = re.search(r"https?://\S+/accounts/unlock/\S+/", mail.outbox[1].body).group(0).split("testserver", 1)[1]
    assert second_browser.post(path).status_code == 302
    assert log_in(second_browser, "official", PASSWORD).status_code == 302
