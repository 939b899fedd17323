"""Dates and years at the edges of what Python and the database hold are refused as bad input
(pages: the error and today's view; API: 400), never a server error."""

import pytest
from rest_framework.test import APIClient

from tests.factories import PatentFactory

pytestmark = pytest.mark.django_db

EDGES = ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"]
HUGE = str(10**30)


@pytest.fixture
def api(api_token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    return client


@pytest.fixture(autouse=True)
def a_patent_at_risk(enterprise_a):
    return PatentFactory(enterprise=enterprise_a)


@pytest.mark.parametrize("day", EDGES)
@pytest.mark.parametrize("path", ["/api/v1/lapse-risk/", "/api/v1/indicators/forecast/"])
def test_api_refuses_a_date_at_the_edges(api, path, day):
    response = api.get(path, {"date": day}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "date" in response.json()


@pytest.mark.parametrize("year", ["0", "9999", HUGE, "-1"])
def test_api_refuses_a_year_out_of_range(api, year):
    response = api.get("/api/v1/indicators/", {"year": year})
    assert response.status_code == 400


@pytest.mark.parametrize("day", EDGES)
@pytest.mark.parametrize("path", ["/enterprises/lapse-risk/", "/targets/forecast/"])
def test_pages_show_today_and_the_error_for_a_date_at_the_edges(official_client, path, day):
    response = official_client.get(path, {"date": day}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["date_error"]


@pytest.mark.parametrize("day", EDGES)
def test_lapse_risk_reminder_with_a_date_at_the_edges_is_no_error(official_client, enterprise_a, day):
    response = official_client.post("/enterprises/lapse-risk/", {"enterprise": enterprise_a.pk, "date": day})
    assert response.status_code == 302


@pytest.mark.parametrize("day", EDGES)
def test_audit_page_with_a_date_at_the_edges_is_no_error(official_client, day):
    for name in ("date_from", "date_to"):
        assert official_client.get("/audit/", {name: day}).status_code == 200


@pytest.mark.parametrize("year", ["0", "9999", HUGE])
@pytest.mark.parametrize("path", ["/enterprises/reconciliation/", "/targets/", "/training/untrained/"])
def test_pages_with_a_year_out_of_range_are_no_error(official_client, path, year):
    assert official_client.get(path, {"year": year}).status_code == 200


# Dates entered as data: a trademark registered on 9999-06-01 has no expiry date in the calendar.


def test_a_filing_dated_at_the_edges_is_refused_by_the_api(user_a):
    from tests.finance.test_selfservice_api import api

    data = {"kind": "trademark", "number": "12345678", "nice_class": 9, "title": "甲", "event_date": "9999-06-01"}
    response = api(user_a).post("/api/v1/filings/", data, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "event_date" in response.json()


def test_an_import_row_dated_at_the_edges_is_invalid_not_a_crash(tmp_path):
    from core.importing import KINDS, run_import
    from tests.enterprises.test_import_records import TRADEMARK_HEADER, write

    row = ["12345678", "甲", "9", "", "9999-06-01", "", "园区外公司", "", "有效", ""]
    path = write(tmp_path / "marks.csv", TRADEMARK_HEADER, [row])
    result = run_import(KINDS["trademarks"], path)
    assert result.invalid == 1 and not result.committed


def test_the_officials_record_form_refuses_a_date_at_the_edges(official_client):
    data = {"registration_number": "12345678", "nice_class": "9", "mark": "甲", "registration_date": "9999-06-01"}
    data |= {"status": "valid", "holder_name": "园区外公司"}
    response = official_client.post("/enterprises/trademarks/new/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "registration_date" in response.context["form"].errors


# Every form's date fields, one rule (ipportal.dates.BoundedDatesMixin): a day outside
# 1900–2100 is the field's error, never a crash in what is computed from it later.


def project_forms_with_dates() -> list[tuple[type, list[str]]]:
    """Every form class of the portal's apps that has a date field, with those fields' names."""
    from django import forms
    from django.urls import get_resolver

    assert get_resolver().url_patterns  # imports every view, and so every form module
    apps = {"ipportal", "core", "enterprises", "targets", "finance", "training", "enforcement", "demo"}
    found, todo = [], list(forms.BaseForm.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.split(".")[0] in apps:
            names = [n for n, f in getattr(cls, "base_fields", {}).items() if isinstance(f, forms.DateField)]
            if names:
                found.append((cls, names))
    return sorted(found, key=lambda item: (item[0].__module__, item[0].__name__))


def test_every_forms_date_fields_are_bounded():
    from ipportal.dates import BoundedDatesMixin

    found = project_forms_with_dates()
    assert len(found) >= 15
    unbounded = [f"{cls.__module__}.{cls.__name__}" for cls, _ in found if not issubclass(cls, BoundedDatesMixin)]
    assert unbounded == []


# The forms that need more than data to be made: a filing's fields follow its kind.
FORM_KWARGS = {"FilingForm": {"kind": "trademark"}}


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_day_at_the_edges_is_a_form_error_in_every_form(day):
    for cls, names in project_forms_with_dates():
        form = cls(data=dict.fromkeys(names, day), **FORM_KWARGS.get(cls.__name__, {}))
        assert not form.is_valid()
        present = {name for name in names if name in form.fields}
        assert present and present <= set(form.errors), f"{cls.__name__}: {form.errors}"


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_record_page_answers_a_day_at_the_edges_with_the_fields_error(official_client, day):
    response = official_client.post(
        "/training/events/new/", {"date": day, "title": "知识产权宣传周"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "date" in response.context["form"].errors
