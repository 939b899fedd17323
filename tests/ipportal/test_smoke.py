"""Smoke test of a production run: the Procfile under honcho (gunicorn, a Celery worker and beat)
against PostgreSQL and Redis. An official logs in, imports a patent list through the import
page (upload → preview → confirm) and sees C1 (patents granted in 2025) change in the API.
"""

import datetime as dt
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.db import connection
from rest_framework.authtoken.models import Token

from ..conftest import PASSWORD
from ..factories import EnterpriseFactory
from ..files import patent_csv

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.smoke,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.REDIS_URL or connection.vendor != "postgresql",
        reason="needs REDIS_URL and a PostgreSQL DATABASE_URL (the processes share the test database)",
    ),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """Just enough of a browser: cookies, CSRF tokens, form posts, no redirects followed."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Accept-Language": "en", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        conn.close()
        return response.status, response.headers, content

    def get(self, path: str, **headers):
        return self.request("GET", path, headers=headers)

    def csrf_token(self, path: str) -> str:
        status, _, content = self.get(path)
        assert status == 200, (path, status)
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()

    def post(self, path: str, fields: dict, files: dict | None = None):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, data) in (files or {}).items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: text/csv\r\n\r\n".encode()
                + data
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def procfile(tmp_path):
    """`honcho start` on the project's Procfile, as in production; stopped (all processes) at the end."""
    db = connection.settings_dict
    port = free_port()
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "DEBUG": "0",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "WEB_CONCURRENCY": "2",
        "WORKER_CONCURRENCY": "1",
        "PYTHONUNBUFFERED": "1",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    log = open(tmp_path / "honcho.log", "w+")  # noqa: SIM115 (read back on failure)
    process = subprocess.Popen(
        [sys.executable, "-m", "honcho", "start", "--port", str(port), "--no-prefix"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield port, process, log
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        else:
            log.seek(0)
            print(log.read())
        log.close()


def indicator(browser: Browser, token: str, code: str) -> float | None:
    status, _, content = browser.get("/api/v1/indicators/?year=2025", Authorization=f"Token {token}")
    assert status == 200
    data = json.loads(content)
    rows = data["results"] if isinstance(data, dict) else data
    return next(row["value"] for row in rows if row["code"] == code)


def test_an_official_imports_a_file_through_the_page_and_sees_the_indicator_change(
    reference_data, official, api_client_user, procfile
):
    port, honcho, log = procfile
    token = Token.objects.create(user=api_client_user).key
    enterprise = EnterpriseFactory()
    browser = Browser(port)
    wait_for(lambda: _answers(browser), 60, "gunicorn to serve /healthz")

    # Logged in as an official. The servers hash passwords with the production settings (PBKDF2);
    # the test settings use MD5 for speed, so the official's password is stored the servers' way.
    official.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    official.save(update_fields=["password"])
    csrf = browser.csrf_token("/accounts/login/")
    status, headers, _ = browser.post(
        "/accounts/login/", {"csrfmiddlewaretoken": csrf, "username": official.username, "password": PASSWORD}
    )
    assert status == 302, status
    assert browser.get("/")[0] == 200

    # The worker computes the indicators once (asked for here, as the nightly run would).
    browser.post("/targets/recompute/", {"csrfmiddlewaretoken": browser.csrf_token("/targets/")})
    before = wait_for(lambda: _value(browser, token, "C1"), 60, "the first recomputation")
    assert before == (0.0,)

    # Upload → preview (by the worker) → confirm → stored (by the worker).
    rows = 12
    data = patent_csv(rows, holder_code=enterprise.credit_code, applied_from=dt.date(2024, 1, 1)).encode()
    csrf = browser.csrf_token("/enterprises/imports/")
    status, headers, _ = browser.post(
        "/enterprises/imports/", {"csrfmiddlewaretoken": csrf, "kind": "patents"}, {"file": ("patents.csv", data)}
    )
    assert status == 302, status
    run_url = headers["Location"]
    wait_for(lambda: _run_status(browser, run_url) == "previewed", 60, "the preview")
    status, _, content = browser.get(run_url)
    assert b"Confirm the import" in content
    csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    assert browser.post(f"{run_url}confirm/", {"csrfmiddlewaretoken": csrf})[0] == 302
    wait_for(lambda: _run_status(browser, run_url) == "done", 60, "the import")

    # The committed import asked for a recomputation; the worker ran it.
    wait_for(lambda: _value(browser, token, "C1") == (float(rows),), 60, "C1 to count the imported patents")
    assert honcho.poll() is None, "a process of the Procfile stopped"
    log.seek(0)
    output = log.read()
    assert "beat: Starting" in output and "celery@" in output and "Listening at" in output


def _answers(browser: Browser) -> bool:
    try:
        return browser.get("/healthz")[0] == 200
    except OSError:
        return False


def _value(browser: Browser, token: str, code: str) -> tuple | None:
    value = indicator(browser, token, code)
    return None if value is None else (value,)


def _run_status(browser: Browser, run_url: str) -> str:
    status, _, content = browser.get(f"{run_url}progress/")
    assert status == 200
    return json.loads(content)["status"]
