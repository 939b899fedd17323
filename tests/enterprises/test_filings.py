"""Enterprise filings: submitted with documents, reviewed, merged into the registry by natural key."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enterprises.models import Filing, Patent, Source, Trademark
from finance.models import Pledge

from ..factories import PatentFactory, valid_patent_number
from .test_import_records import PATENT_HEADER, patent_row, run, write

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 minimal\n"


def file_patent(client, number, **changes):
    data = {
        "kind": "patent",
        "number": number,
        "title": "一种磷石膏综合利用方法",
        "filed_on": "2023-03-05",
        "event_date": "2025-02-10",
        "documents": SimpleUploadedFile("grant.pdf", PDF),
        **changes,
    }
    return client.post(reverse("enterprises:filing-create"), data, HTTP_ACCEPT_LANGUAGE="en")


def review(client, filing, action, comment=""):
    return client.post(reverse("enterprises:filing-review", args=[filing.pk]), {"action": action, "comment": comment})


def test_approved_patent_filing_joins_the_registry_and_a_later_import_updates_the_same_row(
    client, user_a, enterprise_a, official, tmp_path
):
    number = "202310123456.6"
    client.force_login(user_a)
    response = file_patent(client, f"ZL{number.replace('.', '')}")
    filing = Filing.objects.get()
    assert response.url == filing.get_absolute_url()
    assert (filing.state, filing.number, filing.attachments.count()) == ("submitted", number, 1)

    client.force_login(official)
    review(client, filing, "approve")
    filing.refresh_from_db()
    patent = Patent.objects.get(application_number=number)
    assert filing.state == "approved" and filing.record == patent
    assert (patent.enterprise, patent.source, patent.grant_date) == (enterprise_a, Source.FILING, dt.date(2025, 2, 10))

    path = write(
        tmp_path / "p.csv", PATENT_HEADER, [patent_row("202310123456", 统一社会信用代码=enterprise_a.credit_code)]
    )
    run("patents", path)
    assert Patent.objects.filter(application_number=number).count() == 1
    assert Patent.objects.get(application_number=number).title == "一种锂电池正极材料"


def test_filing_of_an_imported_patent_links_it_without_a_duplicate(client, user_a, enterprise_a, official):
    imported = PatentFactory(enterprise=None, holder_name="荆门甲化工有限公司", holder_credit_code="")
    client.force_login(user_a)
    file_patent(client, imported.application_number)
    client.force_login(official)
    review(client, Filing.objects.get(), "approve")
    imported.refresh_from_db()
    assert Patent.objects.count() == 1 and imported.enterprise == enterprise_a


def test_a_patent_recorded_for_another_enterprise_is_not_approved(client, user_a, enterprise_b, official):
    theirs = PatentFactory(enterprise=enterprise_b)
    client.force_login(user_a)
    file_patent(client, theirs.application_number)
    client.force_login(official)
    response = review(client, Filing.objects.get(), "approve")
    assert Filing.objects.get().state == "submitted"
    assert any(enterprise_b.name in str(m) for m in response.wsgi_request._messages)


def test_returned_filing_is_corrected_and_resubmitted(client, user_a, official):
    client.force_login(user_a)
    file_patent(client, valid_patent_number(2023), event_date="2025-02-10")
    filing = Filing.objects.get()
    client.force_login(official)
    review(client, filing, "return", "")
    assert Filing.objects.get().state == "submitted"  # returning needs a comment
    review(client, filing, "return", "授权日有误")
    client.force_login(user_a)
    edit = reverse("enterprises:filing-edit", args=[filing.pk])
    assert "授权日有误" in client.get(edit).content.decode()
    data = {
        "kind": "patent",
        "number": filing.number,
        "title": filing.title,
        "filed_on": "2023-03-05",
        "event_date": "2025-02-12",
    }
    client.post(edit, data)
    filing.refresh_from_db()
    assert (filing.state, filing.event_date) == ("submitted", dt.date(2025, 2, 12))
    assert [e.to_state for e in filing.events.all()] == ["submitted", "returned", "submitted"]


def test_wrong_patent_number_is_refused_and_the_form_keeps_the_input(client, user_a):
    client.force_login(user_a)
    response = file_patent(client, "202310123456.1", title="我输入的标题")
    assert response.status_code == 200 and not Filing.objects.exists()
    page = response.content.decode()
    assert "check digit" in page and "我输入的标题" in page


def test_wrong_document_type_is_refused(client, user_a):
    client.force_login(user_a)
    response = file_patent(client, valid_patent_number(2023), documents=SimpleUploadedFile("a.pdf", b"GIF89a"))
    assert response.status_code == 200 and not Filing.objects.exists()
    assert "Attach a PDF, PNG, JPEG, XLSX or DOCX file." in response.content.decode()


def test_trademark_filing_gets_the_default_expiry(client, user_a, official):
    client.force_login(user_a)
    client.post(
        reverse("enterprises:filing-create"),
        {"kind": "trademark", "number": "61234567", "nice_class": "1", "title": "楚绿", "event_date": "2025-03-05"},
    )
    client.force_login(official)
    review(client, Filing.objects.get(), "approve")
    mark = Trademark.objects.get(registration_number="61234567", nice_class=1)
    assert mark.expiry_date == dt.date(2035, 3, 4)


def test_pledge_filing_links_the_pledged_patents(client, user_a, enterprise_a, official):
    patent = PatentFactory(enterprise=enterprise_a)
    client.force_login(user_a)
    client.post(
        reverse("enterprises:filing-create"),
        {
            "kind": "pledge",
            "number": "Y2025420000123",
            "subtype": "patent",
            "title": patent.application_number,
            "counterpart": "湖北银行荆门分行",
            "amount": "3000000",
            "event_date": "2025-04-01",
        },
    )
    client.force_login(official)
    review(client, Filing.objects.get(), "approve")
    pledge = Pledge.objects.get(registration_number="Y2025420000123")
    assert (pledge.enterprise, pledge.amount) == (enterprise_a, Decimal("3000000"))
    assert pledge.items.get().patent == patent


def test_enterprise_b_cannot_see_or_review_a_filing_of_a(client, user_a, user_b):
    client.force_login(user_a)
    file_patent(client, valid_patent_number(2023))
    filing = Filing.objects.get()
    attachment = filing.attachments.get()
    client.force_login(user_b)
    assert client.get(filing.get_absolute_url()).status_code == 404
    assert client.get(attachment.get_absolute_url()).status_code == 404
    assert client.get(reverse("enterprises:filing-list")).context["object_list"].count() == 0
    assert review(client, filing, "approve").status_code == 403
    client.force_login(user_a)
    assert review(client, filing, "approve").status_code == 403
    assert Filing.objects.get().state == "submitted"


def test_enterprise_home_shows_its_figures_and_what_needs_action(client, user_a, enterprise_a, enterprise_b):
    from targets.models import Plan

    plan = Plan.objects.current()
    year = min(max(dt.date.today().year, plan.first_year), plan.last_year)  # the year the park counts
    PatentFactory(enterprise=enterprise_a, grant_date=dt.date(year, 1, 5))
    PatentFactory(enterprise=enterprise_b, grant_date=dt.date(year, 1, 5))
    client.force_login(user_a)
    assert client.get("/").url == reverse("enterprises:home")
    response = client.get(reverse("enterprises:home"))
    rows = {value: row for value, _label, row in response.context["patent_rows"]}
    assert sum(row.get("total", 0) for row in rows.values()) == 1
    for value in rows:  # each type opens the list of that type
        assert f'{reverse("enterprises:patent-list")}?patent_type={value}"' in response.content.decode()
    _label, own, park, share, _money = response.context["counting"][0]  # patents granted this year (C1)
    assert (own, park, share) == (1, 2, 50.0)
    assert response.context["year"] == year and f"{year}年" in response.content.decode()


def test_certification_filing_counts_for_m1_once_approved(client, user_a, enterprise_a, official):
    from enterprises.models import Certification
    from targets.models import IndicatorValue
    from targets.recompute import recompute

    client.force_login(user_a)
    client.post(
        reverse("enterprises:filing-create"),
        {
            "kind": "certification",
            "subtype": "gbt_29490",
            "number": "18125IP0426R0M",
            "counterpart": "中知（北京）认证有限公司",
            "event_date": "2025-03-05",
            "expires_on": "2028-03-04",
        },
    )
    client.force_login(official)
    review(client, Filing.objects.get(), "approve")
    assert Certification.objects.get().enterprise == enterprise_a
    recompute([2025])
    assert IndicatorValue.objects.get(indicator__code="M1", year=2025).value == 1


def test_pledge_filing_numbers_are_checked_and_kept_once(client, user_a, enterprise_a, official):
    patent = PatentFactory(enterprise=enterprise_a)
    data = {
        "kind": "pledge",
        "number": "Y2025420000124",
        "subtype": "patent",
        "counterpart": "湖北银行荆门分行",
        "amount": "1000000",
        "event_date": "2025-04-01",
    }
    client.force_login(user_a)
    bad = client.post(reverse("enterprises:filing-create"), {**data, "title": "202310123456.1"})
    assert bad.status_code == 200 and not Filing.objects.exists()
    plain = patent.application_number.replace(".", "")
    client.post(reverse("enterprises:filing-create"), {**data, "title": f"ZL{plain}；{patent.application_number}"})
    client.force_login(official)
    review(client, Filing.objects.get(), "approve")
    assert [item.patent for item in Pledge.objects.get(registration_number="Y2025420000124").items.all()] == [patent]


def test_the_filings_state_filter_offers_only_filing_states(client, user_a):
    client.force_login(user_a)
    form = client.get(reverse("enterprises:filing-list")).context["filter"].form
    states = [value for value, _label in form.fields["state"].choices]
    assert "paid" not in states and "approved" in states


def test_enterprise_home_type_links_open_a_list_of_that_type_only(client, user_a, enterprise_a):
    import re

    for patent_type, count in (("invention", 2), ("utility_model", 1), ("design", 3)):
        for _ in range(count):
            PatentFactory(enterprise=enterprise_a, patent_type=patent_type)
    client.force_login(user_a)
    home = client.get(reverse("enterprises:home")).content.decode()
    links = re.findall(r'href="([^"]*patent_type=(\w+))"', home)
    assert {value for _url, value in links} == {"invention", "utility_model", "design"}
    for url, value in links:
        listed = client.get(url.replace("&amp;", "&"))
        shown = {patent.patent_type for patent, _values in listed.context["rows"]}
        assert shown == {value} and len(listed.context["rows"]) == Patent.objects.filter(patent_type=value).count()
