"""The API docs and the browsable API load under the portal's Content-Security-Policy: no
console error (a blocked inline style, a missing file) in headless Chromium."""

import pytest

from ..targets.records import patent
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/api/v1/",
    "/api/v1/docs/",
    "/api/v1/docs/?lang=en",
    "/api/v1/patents/?page_size=1",
    "/api/v1/indicators/",
    "/api/v1/filings/",
    "/api/v1/claims/",
]


def open_checked(page, url: str) -> list[str]:
    """Console errors and failed responses while the page loads."""
    failures: list[str] = []
    page.on(
        "response",
        lambda response: failures.append(f"{response.status} {response.url}") if response.status >= 400 else None,
    )
    page.console_errors.clear()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.console_errors + failures


def test_api_docs_and_browsable_api_log_no_console_error(page, official, enterprise_a):
    patent(enterprise_a)
    log_in(page, "official")
    for url in PAGES:
        assert open_checked(page, url) == [], url
    page.goto("/api/v1/docs/")
    page.wait_for_selector(".opblock")
    assert page.locator(".information-container .info").inner_text().count("POST") >= 4
    screenshot(page, "api-docs-zh")


def test_enterprise_user_sees_the_claim_form_without_console_error(page, user_a):
    log_in(page, "user_a")
    for url in ("/api/v1/claims/", "/api/v1/filings/", "/api/v1/lapse-risk/"):
        assert open_checked(page, url) == [], url
    screenshot(page, "api-lapse-risk-zh")
