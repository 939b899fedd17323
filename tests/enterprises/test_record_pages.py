"""Record lists, details, forms, exports and API: what each role sees and what it must not."""

import csv
import io
import re

import openpyxl
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from enterprises.models import Patent
from finance.models import Pledge, PledgedItem

from ..factories import PatentFactory, PledgeFactory, TrademarkFactory, valid_patent_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(enterprise_a, enterprise_b):
    a = PatentFactory(enterprise=enterprise_a, title="甲的专利")
    b = PatentFactory(enterprise=enterprise_b, title="乙的专利")
    outside = PatentFactory(title="园区外的专利")
    ta, tb = (
        TrademarkFactory(enterprise=enterprise_a, mark="甲商标"),
        TrademarkFactory(enterprise=enterprise_b, mark="乙商标"),
    )
    pa = PledgeFactory(enterprise=enterprise_a, registration_number="Y-OWN-A")
    PledgedItem.objects.create(pledge=pa, number=a.application_number, patent=a)
    pb = PledgeFactory(enterprise=enterprise_b, registration_number="Y-OTHER-B")
    PledgedItem.objects.create(pledge=pb, number=b.application_number, patent=b)
    return {"a": a, "b": b, "outside": outside, "ta": ta, "tb": tb, "pa": pa, "pb": pb}


@pytest.mark.parametrize("name", ["enterprises:patent-list", "enterprises:trademark-list", "finance:pledge-list"])
def test_enterprise_user_lists_only_its_own_records(client_a, records, name):
    content = client_a.get(reverse(name)).content.decode()
    assert 'data-count="1"' in content
    for foreign in ("乙的专利", "乙商标", "Y-OTHER-B", "园区外", "荆门乙新材料有限公司"):
        assert foreign not in content


@pytest.mark.parametrize("key", ["b", "tb", "pb", "outside"])
def test_enterprise_user_gets_404_for_other_records(client_a, records, key):
    assert client_a.get(records[key].get_absolute_url()).status_code == 404


def test_enterprise_user_export_contains_only_its_own(client_a, records):
    response = client_a.get(reverse("enterprises:patent-export") + "?format=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert records["a"].application_number in text and records["b"].application_number not in text


def test_enterprise_user_cannot_create_or_edit(client_a, records):
    assert client_a.get(reverse("enterprises:patent-create")).status_code == 403
    assert client_a.get(reverse("enterprises:patent-edit", args=[records["a"].pk])).status_code == 403


def test_official_filters_in_park_and_searches(official_client, records):
    content = official_client.get(reverse("enterprises:patent-list"), {"in_park": "0"}).content.decode()
    assert 'data-count="1"' in content and "园区外的专利" in content
    content = official_client.get(reverse("enterprises:patent-list"), {"q": records["b"].application_number}).content
    assert 'data-count="1"' in content.decode() and "乙的专利" in content.decode()


def test_the_kept_filter_form_shows_what_each_query_asked_in_its_language(official_client, user_a, records):
    listing = reverse("enterprises:patent-list")
    for status in ("valid", "lapsed", "valid"):
        form = official_client.get(listing, {"legal_status": status}).content.decode()
        selected = re.search(r'<option value="([a-z]+)" selected>', form)
        assert selected and selected.group(1) == status
    assert "园区内" in official_client.get(listing, {"legal_status": "valid"}).content.decode()
    english = official_client.get(listing, {"legal_status": "valid"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "in the park" in english and "园区内" not in english
    # The enterprise filter is an official's only, kept apart from theirs.
    assert 'name="enterprise"' in official_client.get(listing).content.decode()
    enterprise_client = Client()
    enterprise_client.force_login(user_a)
    assert 'name="enterprise"' not in enterprise_client.get(listing).content.decode()


def test_patent_detail_shows_its_pledges(official_client, records):
    content = official_client.get(records["a"].get_absolute_url()).content.decode()
    assert "Y-OWN-A" in content


def test_official_creates_a_patent_and_it_is_matched(official_client, enterprise_a):
    number = valid_patent_number(2024)
    response = official_client.post(
        reverse("enterprises:patent-create"),
        {
            "application_number": "ZL" + number.replace(".", ""),
            "title": "新专利",
            "application_date": "2024-01-02",
            "legal_status": "pending",
            "holder_name": enterprise_a.name,
            "holder_credit_code": enterprise_a.credit_code.lower(),
        },
    )
    assert response.status_code == 302
    patent = Patent.objects.get()
    assert (patent.application_number, patent.enterprise, patent.source) == (number, enterprise_a, "form")


def test_bad_check_digit_is_refused_and_the_form_keeps_the_input(official_client):
    response = official_client.post(
        reverse("enterprises:patent-create"),
        {
            "application_number": "202410000001.0",
            "title": "保留的标题",
            "application_date": "2024-01-02",
            "legal_status": "pending",
            "holder_name": "某公司",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    content = response.content.decode()
    assert response.status_code == 200 and "check digit" in content and "保留的标题" in content
    assert not Patent.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_reimports_unchanged(official_client, records, tmp_path, fmt):
    for name, kind in (
        ("enterprises:patent-export", "patents"),
        ("enterprises:trademark-export", "trademarks"),
        ("finance:pledge-export", "pledges"),
    ):
        response = official_client.get(reverse(name) + f"?format={fmt}")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        path = tmp_path / f"{kind}.{fmt}"
        path.write_bytes(body)
        if fmt == "xlsx":
            header = [c.value for c in next(openpyxl.load_workbook(path).active.iter_rows(max_row=1))]
        else:
            header = next(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert header[0] in {"申请号", "注册号", "质押登记号"}
        out = io.StringIO()
        call_command("import_records", kind, str(path), "--lang", "en", stdout=out)
        assert " 0 new, 0 updated" in out.getvalue(), (kind, out.getvalue())


def test_pledge_form_links_numbers(official_client, enterprise_a, records):
    response = official_client.post(
        reverse("finance:pledge-create"),
        {
            "registration_number": "YN1",
            "pledgor_name": enterprise_a.name,
            "pledgor_credit_code": enterprise_a.credit_code,
            "pledgee_name": "湖北银行",
            "ip_type": "patent",
            "numbers": f"{records['a'].application_number}、{records['b'].application_number}",
            "amount": "3000000",
            "registration_date": "2025-04-01",
        },
    )
    assert response.status_code == 302
    pledge = Pledge.objects.get(registration_number="YN1")
    assert pledge.enterprise == enterprise_a
    assert set(pledge.items.values_list("patent", flat=True)) == {records["a"].pk, records["b"].pk}


class TestAPI:
    def test_anonymous_401(self):
        assert APIClient().get("/api/v1/patents/").status_code == 401

    def test_token_client_reads_all_and_cannot_write(self, api_token, records):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
        assert client.get("/api/v1/patents/").json()["count"] == 3
        assert client.get("/api/v1/patents/?in_park=1").json()["count"] == 2
        assert client.post("/api/v1/patents/", {}).status_code == 403
        assert client.get("/api/v1/pledges/").json()["results"][0]["numbers"] is not None

    def test_enterprise_user_reads_only_its_own(self, user_a, records):
        client = APIClient()
        client.force_authenticate(user_a)
        rows = client.get("/api/v1/patents/").json()["results"]
        assert [row["application_number"] for row in rows] == [records["a"].application_number]
        assert client.get(f"/api/v1/patents/{records['b'].pk}/").status_code == 404
        assert client.get(f"/api/v1/pledges/{records['pb'].pk}/").status_code == 404
        assert [row["mark"] for row in client.get("/api/v1/trademarks/").json()["results"]] == ["甲商标"]


def test_years_are_shown_as_years_not_quantities(official_client, enterprise_a):
    from enterprises.models import Honour

    honour = Honour.objects.create(enterprise=enterprise_a, kind=Honour.Kind.PROVINCIAL_DEMONSTRATION, year=2024)
    listing = official_client.get(reverse("enterprises:honour-list")).content.decode()
    detail = official_client.get(honour.get_absolute_url()).content.decode()
    assert "2024" in listing and "2,024" not in listing
    assert "2024" in detail and "2,024" not in detail


def test_enterprise_filter_takes_an_id_a_credit_code_or_part_of_a_name(official_client, enterprise_a, enterprise_b):
    from ..factories import PatentFactory

    mine = PatentFactory(enterprise=enterprise_a)
    PatentFactory(enterprise=enterprise_b)
    url = reverse("enterprises:patent-list")
    for value in (str(enterprise_a.pk), enterprise_a.credit_code.lower(), "甲化工"):
        listed = list(official_client.get(url, {"enterprise": value}).context["object_list"])
        assert listed == [mine], value
    page = official_client.get(url).content.decode()
    assert f'<option value="{enterprise_b.pk}"' not in page  # no select of every enterprise


def test_ids_in_links_are_not_grouped_like_quantities(official_client):
    from ..factories import EnterpriseFactory

    enterprise = EnterpriseFactory(pk=12345)
    page = official_client.get(enterprise.get_absolute_url()).content.decode()
    assert "?enterprise=12345" in page and "12,345" not in page


def test_patent_list_shows_the_holder_once_and_keeps_short_columns_whole(official_client, enterprise_a):
    PatentFactory(enterprise=enterprise_a, title="同名的专利")
    PatentFactory(enterprise=enterprise_a, holder_name="甲公司（曾用名）", title="改名前的专利")
    PatentFactory(title="园区外的专利")
    page = official_client.get(reverse("enterprises:patent-list"), headers={"accept-language": "en"}).content.decode()
    table = page[page.index("<table") : page.index("</table>")]
    header = table[: table.index("</thead>")]
    assert header.count("</th>") == 7 and "park enterprise</th>" not in header
    assert table.count(enterprise_a.name) == 2  # holder of one, the matched enterprise of the renamed one
    assert "甲公司（曾用名）" in table and "not in the park" in table
    assert '<th class="nowrap">type</th>' in header and '<th class="nowrap">grant date</th>' in header


def test_lists_without_a_holder_column_keep_the_park_enterprise_column(official_client, enterprise_a):
    PledgeFactory(enterprise=enterprise_a, registration_number="Y-COLUMN")
    page = official_client.get(reverse("finance:pledge-list")).content.decode()
    assert enterprise_a.name in page[page.index("<table") : page.index("</table>")]


def test_list_cells_escape_text_localise_dates_and_mark_what_is_unknown(official_client, enterprise_a):
    import datetime as dt

    patent = PatentFactory(
        enterprise=enterprise_a,
        title="<b>加粗</b> & 专利",
        holder_name="甲<曾用名>",
        application_date=dt.date(2021, 3, 4),
        grant_date=None,
        patent_type="invention",
    )
    page = official_client.get(reverse("enterprises:patent-list"), headers={"accept-language": "en"}).content.decode()
    row = page[page.index(f'<a href="{patent.get_absolute_url()}">') :]
    row = row[: row.index("</tr>")]
    assert "&lt;b&gt;加粗&lt;/b&gt; &amp; 专利" in row and "<b>" not in row
    assert '<td class="nowrap">invention</td>' in row
    assert '<td class="nowrap">2021-03-04</td>' in row and '<td class="nowrap">—</td>' in row  # no grant date
    assert f'甲&lt;曾用名&gt;<br><span class="park-enterprise">park enterprise: {enterprise_a.name}</span>' in row


@pytest.mark.parametrize("name", ["enterprises:patent-list", "enterprises:trademark-list", "finance:pledge-list"])
def test_a_list_reads_the_same_number_of_queries_for_one_row_as_for_many(official_client, enterprise_a, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    enterprise_a.credit_code_override_at = timezone.now()
    enterprise_a.credit_code_override_reason = "核对无误"
    enterprise_a.save()
    factory = {"enterprises:patent-list": PatentFactory, "enterprises:trademark-list": TrademarkFactory}
    make = factory.get(name, lambda **kw: PledgeFactory(registration_number=f"Y-{Pledge.objects.count()}", **kw))
    make(enterprise=enterprise_a)
    with CaptureQueriesContext(connection) as one:
        official_client.get(reverse(name), headers={"accept-language": "en"})
    for _ in range(4):
        make(enterprise=enterprise_a)
    make(enterprise=None)
    with CaptureQueriesContext(connection) as many:
        page = official_client.get(reverse(name), headers={"accept-language": "en"}).content.decode()
    assert len(many) == len(one)
    assert page.count("credit code accepted despite its checksum") == 5 or name == "finance:pledge-list"


@pytest.mark.parametrize("factory", [PatentFactory, TrademarkFactory])
def test_enterprise_user_lists_what_it_holds_or_co_holds_and_nothing_else(
    client_a, user_a, enterprise_a, enterprise_b, factory
):
    own = factory(enterprise=enterprise_a)
    co_held = factory(enterprise=enterprise_b)
    co_held.co_holders.add(enterprise_a)
    foreign = factory(enterprise=enterprise_b)
    outside = factory(enterprise=None)
    listing = client_a.get(reverse(f"enterprises:{factory._meta.model._meta.model_name}-list"))
    assert {record.pk for record, _cells in listing.context["rows"]} == {own.pk, co_held.pk}
    assert 'data-count="2"' in listing.content.decode()
    assert set(factory._meta.model.objects.for_user(user_a)) == {own, co_held}
    assert {foreign, outside}.isdisjoint(factory._meta.model.objects.for_user(user_a))
