"""The OpenAPI schema fuzzed with schemathesis against a running portal: no request may end in a
server error. Bounded (a few examples per operation and a time budget) so it fits in the normal
test run; `pytest -m fuzz` runs it alone."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

from tests.factories import PatentFactory, UserFactory

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db(transaction=True)]

MAX_EXAMPLES = 8
MAX_SECONDS = 50


def schemathesis_cli() -> list[str]:
    beside = Path(sys.executable).with_name("st")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("st")
    assert found, "schemathesis is not installed (requirements-dev.txt)"
    return [found]


def fuzz(live_server, token: str, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            *schemathesis_cli(),
            "run",
            f"{live_server.url}/api/v1/schema/",
            "--header",
            f"Authorization: Token {token}",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--max-time",
            str(MAX_SECONDS),
            "--seed",
            "2025",
            "--workers",
            "1",
            "--request-timeout",
            "30",
            "--generation-database",
            ":memory:",
            "--no-color",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=MAX_SECONDS + 120,
        cwd=tmp_path,  # schemathesis keeps a cache folder in the working directory
        check=False,
    )


@pytest.fixture
def unthrottled(monkeypatch):
    """The fuzzer sends far more than a client may; throttling has its own tests."""
    monkeypatch.setattr(
        SimpleRateThrottle,
        "THROTTLE_RATES",
        {"anon": "100000/minute", "user": "100000/minute", "write": "100000/minute"},
    )


def test_fuzzing_the_api_as_a_read_only_client_finds_no_server_error(
    reference_data, live_server, unthrottled, tmp_path, settings
):
    from django.contrib.auth.models import Group

    from tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory()
    PatentFactory(enterprise=enterprise)
    client = UserFactory(username="fuzz_client")
    client.groups.add(Group.objects.get(name=settings.API_CLIENTS_GROUP))
    result = fuzz(live_server, Token.objects.create(user=client).key, tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert int(re.findall(r"(\d+) passed", result.stdout)[-1]) > 100  # test cases, after operations


def test_fuzzing_the_api_as_an_enterprise_user_finds_no_server_error(
    reference_data, live_server, unthrottled, tmp_path
):
    from tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory()
    PatentFactory(enterprise=enterprise)
    user = UserFactory(username="fuzz_enterprise")
    enterprise.memberships.create(user=user)
    result = fuzz(live_server, Token.objects.create(user=user).key, tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert int(re.findall(r"(\d+) passed", result.stdout)[-1]) > 100  # test cases, after operations
