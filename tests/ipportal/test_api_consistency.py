"""One API: the same parsing, bounds, paging, numbers, time zone and schema language on every endpoint."""

import datetime as dt
import re
from decimal import Decimal

import django_filters
import pytest
import yaml
from django import forms
from django.utils import timezone
from rest_framework.test import APIClient

import ipportal.urls  # noqa: F401  (every app's filter sets, through its views)
from ipportal.filters import BooleanFilter
from ipportal.pagination import APIPagination
from targets.recompute import recompute
from training.models import Person

from ..targets.records import patent, pledge, trademark

pytestmark = pytest.mark.django_db

TRUE_WORDS = ["true", "True", "TRUE", "1", "yes", "Yes", "是"]
FALSE_WORDS = ["false", "FALSE", "0", "no", "NO", "否"]


@pytest.fixture
def token_client(api_token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}", HTTP_ACCEPT_LANGUAGE="en")
    return client


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def boolean_filters():
    """(filter set, parameter) for every yes/no filter of every page and endpoint."""
    found = set()
    for filterset in subclasses(django_filters.FilterSet):
        for name, field in filterset.base_filters.items():
            if isinstance(field, django_filters.BooleanFilter):
                found.add((filterset, name))
    return sorted(found, key=lambda pair: (pair[0].__name__, pair[1]))


def test_every_yes_no_filter_is_the_portals():
    filters = boolean_filters()
    names = {name for _filterset, name in filters}
    assert {"in_park", "geographical_indication", "flagged", "is_ip_staff", "ip_review", "waiting"} <= names
    assert all(isinstance(filterset.base_filters[name], BooleanFilter) for filterset, name in filters)


@pytest.mark.parametrize(("filterset", "name"), boolean_filters(), ids=lambda v: getattr(v, "__name__", v))
def test_every_yes_no_filter_reads_the_same_words_and_refuses_others(filterset, name):
    field = filterset.base_filters[name].field
    for word in TRUE_WORDS + FALSE_WORDS:
        assert field.clean(word) is (word in TRUE_WORDS), word
    assert field.clean("") is None
    with pytest.raises(forms.ValidationError):
        field.clean("maybe")


def test_api_reads_true_1_yes_and_是_alike(token_client, enterprise_a):
    trademark(enterprise_a, dt.date(2024, 1, 1), gi=True)
    trademark(enterprise_a, dt.date(2024, 1, 1))
    trademark(None, dt.date(2024, 1, 1))
    for word in TRUE_WORDS:
        assert token_client.get(f"/api/v1/trademarks/?geographical_indication={word}").json()["count"] == 1
        assert token_client.get(f"/api/v1/trademarks/?in_park={word}").json()["count"] == 2
    for word in FALSE_WORDS:
        assert token_client.get(f"/api/v1/trademarks/?geographical_indication={word}").json()["count"] == 2
        assert token_client.get(f"/api/v1/trademarks/?in_park={word}").json()["count"] == 1


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/trademarks/?geographical_indication=maybe", "geographical_indication"),
        ("/api/v1/patents/?in_park=maybe", "in_park"),
        ("/api/v1/cases/?flagged=2", "flagged"),
        ("/api/v1/ip-staff/?is_ip_staff=oui", "is_ip_staff"),
        ("/api/v1/major-projects/?ip_review=y", "ip_review"),
    ],
)
def test_api_refuses_any_other_yes_no_word_naming_the_parameter(token_client, url, name):
    response = token_client.get(url)
    assert response.status_code == 400
    assert list(response.json()) == [name]
    assert "true or false" in response.json()[name][0]


def test_ip_staff_filter_on_the_api(token_client, enterprise_a):
    Person.objects.create(enterprise=enterprise_a, name="张三", is_ip_staff=True)
    Person.objects.create(enterprise=enterprise_a, name="李四", is_ip_staff=False)
    assert [p["name"] for p in token_client.get("/api/v1/ip-staff/?is_ip_staff=是").json()["results"]] == ["张三"]


def test_pages_show_a_wrong_yes_no_word_as_a_form_error(official_client):
    response = official_client.get("/enterprises/trademarks/?geographical_indication=maybe", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Enter true or false" in response.content.decode()
    response = official_client.get("/enterprises/patents/?in_park=maybe", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "请输入 true 或 false" in response.content.decode()


def test_pages_read_the_same_words(official_client, enterprise_a):
    patent(enterprise_a)
    patent(None)
    for word, count in (("是", 1), ("yes", 1), ("true", 1), ("1", 1), ("否", 1), ("false", 1)):
        response = official_client.get(f"/enterprises/patents/?in_park={word}")
        assert response.context["paginator"].count == count, word
    page = official_client.get("/enterprises/patents/?in_park=yes").content.decode()
    assert re.search(r'<option value="1" selected>', page)  # the select shows what was asked


def test_page_size_is_honoured(token_client, enterprise_a):
    for _ in range(5):
        patent(enterprise_a)
    data = token_client.get("/api/v1/patents/?page_size=2").json()
    assert data["count"] == 5 and len(data["results"]) == 2
    assert "page_size=2" in data["next"]
    assert len(token_client.get("/api/v1/patents/").json()["results"]) == 5


def test_page_size_above_the_maximum_gives_the_maximum(token_client, enterprise_a, monkeypatch):
    monkeypatch.setattr(APIPagination, "max_page_size", 3)
    for _ in range(5):
        patent(enterprise_a)
    assert len(token_client.get("/api/v1/patents/?page_size=1000").json()["results"]) == 3


@pytest.mark.parametrize("size", ["0", "-1", "abc", "1.5"])
def test_a_wrong_page_size_is_a_400_naming_it(token_client, size):
    response = token_client.get(f"/api/v1/patents/?page_size={size}")
    assert response.status_code == 400 and list(response.json()) == ["page_size"]


def test_default_and_maximum_page_size():
    assert (APIPagination.page_size, APIPagination.max_page_size) == (50, 500)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/indicators/?year=1800",
        "/api/v1/indicators/?year=2101",
        "/api/v1/indicators/?year=abc",
        "/api/v1/patents/?year=1800",
        "/api/v1/trademarks/?in_force_year=2101",
        "/api/v1/indicators/forecast/?date=1800-01-01",
        "/api/v1/indicators/forecast/?date=2025-13-01",
        "/api/v1/lapse-risk/?date=2101-01-01",
        "/api/v1/lapse-risk/?date=yesterday",
    ],
)
def test_years_and_dates_have_the_same_bounds_everywhere(token_client, url):
    response = token_client.get(url)
    assert response.status_code == 400
    assert list(response.json()) == [url.split("?")[1].split("=")[0]]


def test_the_bounds_themselves_are_accepted(token_client):
    for url in (
        "/api/v1/indicators/?year=2022",  # the indicator list takes the plan's years, base year included
        "/api/v1/indicators/?year=2025",  # (others: a 400 naming them, tests/targets/test_api.py)
        "/api/v1/patents/?year=1900",
        "/api/v1/indicators/forecast/?date=2100-12-31",
        "/api/v1/lapse-risk/?date=1900-01-01",
    ):
        assert token_client.get(url).status_code == 200, url


def test_decimals_are_json_numbers_everywhere(token_client, enterprise_a):
    pledge(enterprise_a, dt.date(2025, 3, 1), "123.45")
    recompute()
    amount = token_client.get("/api/v1/pledges/").json()["results"][0]["amount"]
    assert isinstance(amount, float) and Decimal(str(amount)) == Decimal("1234500")
    values = [row["value"] for row in token_client.get("/api/v1/indicators/?year=2025").json()]
    assert all(value is None or isinstance(value, int | float) for value in values)


def test_the_schema_has_no_decimal_strings(token_client):
    schema = yaml.safe_load(token_client.get("/api/v1/schema/").content)
    assert "format: decimal" not in yaml.safe_dump(schema)
    pledge_amount = schema["components"]["schemas"]["Pledge"]["properties"]["amount"]
    assert pledge_amount["type"] == "number"


def test_timestamps_are_in_the_portals_time_zone(token_client, enterprise_a):
    trademark(enterprise_a, dt.date(2024, 1, 1))
    recompute()
    computed_at = token_client.get("/api/v1/indicators/?year=2025").json()[0]["computed_at"]
    created_at = token_client.get("/api/v1/trademarks/").json()["results"][0]["created_at"]
    assert computed_at.endswith("+08:00") and created_at.endswith("+08:00")
    assert dt.datetime.fromisoformat(computed_at) <= timezone.now()


CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


def descriptions(node, path=""):
    """Every description and title of the schema, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"description", "title"} and isinstance(value, str):
                yield f"{path}/{key}", value
            else:
                yield from descriptions(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from descriptions(value, f"{path}/{index}")


def test_the_english_schema_has_no_chinese_in_its_descriptions(token_client):
    schema = yaml.safe_load(token_client.get("/api/v1/schema/?lang=en").content)
    # Literal values (`是`) in code spans are what a client sends, not prose.
    mixed = [(where, text) for where, text in descriptions(schema) if CJK.search(re.sub(r"`[^`]*`", "", text))]
    assert mixed == []


def test_the_schema_descriptions_are_translated(token_client):
    schema = yaml.safe_load(token_client.get("/api/v1/schema/?lang=zh-hans").content)
    assert CJK.search(re.sub(r"`[^`]*`", "", schema["info"]["description"]))
    assert CJK.search(schema["paths"]["/api/v1/patents/"]["get"]["description"])
    assert CJK.search(schema["paths"]["/api/v1/claims/"]["get"]["description"])


def test_the_docs_header_names_the_writing_operations(token_client):
    schema = yaml.safe_load(token_client.get("/api/v1/schema/?lang=en").content)
    header = schema["info"]["description"]
    assert not header.lower().startswith("read-only")
    posts = [path for path, item in schema["paths"].items() if "post" in item]
    assert len(posts) == 4
    for path in posts:
        assert path.removeprefix("/api/v1") in header


def test_the_schema_documents_page_size_and_its_maximum(token_client):
    schema = yaml.safe_load(token_client.get("/api/v1/schema/?lang=en").content)
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/patents/"]["get"]["parameters"]}
    assert "500" in parameters["page_size"]["description"]
    assert parameters["in_park"]["schema"]["type"] == "boolean"


def test_the_browsable_api_describes_record_endpoints_in_the_readers_language(official_client):
    english = official_client.get("/api/v1/pledges/", HTTP_ACCEPT="text/html", HTTP_ACCEPT_LANGUAGE="en")
    chinese = official_client.get("/api/v1/pledges/", HTTP_ACCEPT="text/html", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "Pledges (read-only;" in english.content.decode()
    assert "质押（只读；" in chinese.content.decode()
