"""Each refused request is logged once, as one line."""

import io
import logging

import pytest
from django.urls import path

from ipportal.urls import urlpatterns as portal_urlpatterns

pytestmark = pytest.mark.django_db


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken), *portal_urlpatterns]


def handlers_reached(name: str) -> list[logging.Handler]:
    """The stream handlers a record logged on `name` is printed by, through the loggers' propagation
    (pytest's own capturing handlers left out)."""
    logger, reached = logging.getLogger(name), []
    while logger:
        reached += [handler for handler in logger.handlers if type(handler) is logging.StreamHandler]
        logger = logger.parent if logger.propagate else None
    return reached


@pytest.fixture
def log_output():
    """What the console handler writes, while the test runs."""
    (console,) = handlers_reached("django.request")
    stream = io.StringIO()
    previous = console.setStream(stream)
    yield stream
    console.setStream(previous)


@pytest.mark.parametrize("name", ["django.request", "django.security.csrf", "enterprises.importing", "celery"])
def test_each_record_is_written_by_one_handler(name):
    assert len(handlers_reached(name)) == 1


def test_a_403_is_logged_once_without_a_traceback(client_a, log_output):
    assert client_a.get("/audit/").status_code == 403  # an enterprise user on an officials' page
    assert log_output.getvalue() == "Forbidden (Permission denied): /audit/\n"


def test_a_404_is_logged_once(client, log_output):
    assert client.get("/nowhere/").status_code == 404
    assert log_output.getvalue() == "Not Found: /nowhere/\n"


def test_an_api_404_is_logged_once(client, official, log_output):
    client.force_login(official)
    assert client.get("/api/v1/patents/999999/").status_code == 404
    assert log_output.getvalue() == "Not Found: /api/v1/patents/999999/\n"


@pytest.mark.urls(__name__)
def test_a_server_error_keeps_its_traceback(client, log_output):
    client.raise_request_exception = False
    assert client.get("/broken/").status_code == 500
    output = log_output.getvalue()
    assert output.startswith("Internal Server Error: /broken/") and "Traceback" in output
    assert output.count("Internal Server Error") == 1
