"""Site-wide hardening: CSP, HTTPS behind the proxy, sessions, passwords, login lockout, API throttling."""

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from ipportal import ratelimit
from ipportal.security import client_ip
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"(\sstyle\s*=|<style[\s>])", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)


pytestmark = pytest.mark.usefixtures("start_of_a_rate_window")


def project_templates() -> list[Path]:
    return sorted(p for folder in TEMPLATE_DIRS for p in folder.rglob("*") if p.suffix in {".html", ".txt"})


def test_the_project_has_templates_to_check():
    assert len(project_templates()) > 40


@pytest.mark.parametrize("pattern", [INLINE_SCRIPT, INLINE_HANDLER, INLINE_STYLE, JAVASCRIPT_URL], ids=str)
def test_no_template_has_inline_script_or_style(pattern):
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in project_templates()
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def csp_of(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/", "/api/v1/docs/"])
def test_pages_send_a_content_security_policy_without_inline_script(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = csp_of(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not INLINE_SCRIPT.search(response.content.decode())


def test_signed_in_pages_send_the_policy_too(official_client):
    response = official_client.get(reverse("home"))
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_vendored_echarts_is_served_from_the_portal_itself():
    assert (ROOT / "static" / "vendor" / "echarts").is_dir()


def test_proxy_ssl_header_comes_from_the_environment():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="portal.example",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Scheme,https",
        DJANGO_SETTINGS_MODULE="ipportal.settings",
    )
    script = "import django; django.setup(); from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "('HTTP_X_FORWARDED_SCHEME', 'https')"


@pytest.mark.django_db
def test_plain_http_is_redirected_unless_the_proxy_says_https(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    plain = Client().get("/accounts/login/")
    assert plain.status_code == 301 and plain.url.startswith("https://")
    proxied = Client().get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200
    assert proxied["Strict-Transport-Security"].startswith("max-age=3600")


def test_passwords_need_twelve_characters_and_not_a_common_one():
    with pytest.raises(ValidationError):
        validate_password("Jm-2025-ab")
    with pytest.raises(ValidationError):
        validate_password("password1234")
    with pytest.raises(ValidationError):
        validate_password("123456789012")
    validate_password("jmgx-demo-2025")


def log_in(client, username, password, url="/accounts/login/"):
    return client.post(url, {"username": username, "password": password})


@pytest.mark.django_db
def test_officials_session_ends_when_the_browser_closes(client, official, settings):
    assert log_in(client, "official", PASSWORD).status_code == 302
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


@pytest.mark.django_db
def test_enterprise_users_session_lasts_a_working_day(client, user_a, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert log_in(client, "user_a", PASSWORD).status_code == 302
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 3600


def test_axes_backend_comes_first(settings):
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_repeated_failures_lock_the_login_even_with_the_right_password(client, official, settings, url):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "official", "wrong-password-0", url).status_code == 200
    locked = log_in(client, "official", "wrong-password-0", url)
    assert locked.status_code == 429
    assert log_in(client, "official", PASSWORD, url).status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_lockout_on_the_admin_also_closes_the_login_page_and_so_the_api_session(client, official, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "official", "wrong-password-0", "/admin/login/")
    response = client.post(
        "/accounts/login/", {"username": "official", "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert client.get("/api/v1/patents/").status_code == 401


@pytest.mark.django_db
def test_the_lockout_is_per_address(official, settings):
    attacker, owner = Client(REMOTE_ADDR="203.0.113.9"), Client(REMOTE_ADDR="10.1.2.3")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, "official", "wrong-password-0")
    assert log_in(attacker, "official", PASSWORD).status_code == 429
    assert log_in(owner, "official", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_forwarded_for_counts_only_behind_a_trusted_proxy(official, settings):
    forged = {"HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR="203.0.113.9", **{"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"}).post(
            "/accounts/login/", {"username": "official", "password": "wrong-password-0"}
        )
    assert log_in(Client(REMOTE_ADDR="203.0.113.9", **forged), "official", PASSWORD).status_code == 429

    settings.TRUSTED_PROXY_COUNT = 1
    proxied = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="spoofed, 192.0.2.7")
    request = HttpRequest()
    request.META = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "spoofed, 192.0.2.7"}
    assert client_ip(request) == "192.0.2.7"
    assert log_in(proxied, "official", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_success_resets_the_failure_count(client, official, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "official", "wrong-password-0")
    assert log_in(client, "official", PASSWORD).status_code == 302
    client.logout()
    log_in(client, "official", "wrong-password-0")
    assert log_in(client, "official", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_test_clients_still_log_in(client, official):
    client.force_login(official)
    assert client.get(reverse("home")).status_code == 200
    client.logout()
    assert client.login(request=HttpRequest(), username="official", password=PASSWORD)
    assert client.get(reverse("home")).status_code == 200


@pytest.fixture
def low_rates(monkeypatch):
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "5/minute", "write": "2/minute"}
    )
    # One fixed window for the whole test, however slow the machine (a real minute could roll
    # over between two requests), and no counts left in a shared cache by earlier tests.
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    cache.clear()


def test_throttle_rates_come_from_settings(settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert rates == {"anon": "30/minute", "user": "600/minute", "write": "120/minute"}
    assert rates == SimpleRateThrottle.THROTTLE_RATES


@pytest.mark.django_db
def test_a_burst_of_anonymous_requests_gets_429(low_rates):
    client = APIClient()
    codes = [client.get("/api/v1/schema/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


@pytest.mark.django_db
def test_a_burst_of_token_requests_gets_429(low_rates, api_token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    codes = [client.get("/api/v1/patents/").status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    assert client.get("/api/v1/patents/")["Retry-After"]


@pytest.mark.django_db
def test_throttling_counts_each_client_on_its_own(low_rates, api_token, official):
    token_client = APIClient()
    token_client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    for _ in range(5):
        token_client.get("/api/v1/patents/")
    other = APIClient()
    other.force_authenticate(get_user_model().objects.get(username="official"))
    assert other.get("/api/v1/patents/").status_code == 200
