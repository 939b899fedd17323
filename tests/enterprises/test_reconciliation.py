"""Enterprise filings against the imported lists: the worklist, reconciling, and the claims rule."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from core.models import ReviewState
from enterprises import reconciliation
from enterprises.filings import apply
from enterprises.models import Filing, Patent
from finance.claims import eligible_records
from finance.models import Pledge, SupportItem

from ..factories import PatentFactory
from .test_import_records import PATENT_HEADER, patent_row, run, write

pytestmark = pytest.mark.django_db
NUMBER = "202310123456.6"


def approved_patent_filing(enterprise, number=NUMBER, **changes) -> Filing:
    values = {
        "enterprise": enterprise,
        "kind": Filing.Kind.PATENT,
        "number": number,
        "title": "一种锂电池正极材料",
        "filed_on": dt.date(2023, 3, 5),
        "event_date": dt.date(2025, 2, 10),
        "state": ReviewState.APPROVED,
        **changes,
    }
    filing = Filing.objects.create(**values)
    apply(filing)
    return filing


def grant_item(year=2025) -> SupportItem:
    return SupportItem.objects.create(
        year=year,
        name="发明专利授权资助",
        target=SupportItem.Target.INVENTION_GRANT,
        rule=SupportItem.Rule.FIXED,
        fixed_amount=Decimal("5000"),
        budget=Decimal("100000"),
        opens_on=dt.date(year, 1, 1),
        closes_on=dt.date(year, 12, 31),
    )


def test_a_record_only_a_filing_declares_is_not_claimable(enterprise_a):
    approved_patent_filing(enterprise_a)
    patent = Patent.objects.get(application_number=NUMBER)
    assert not patent.reconciled
    assert list(reconciliation.declared_not_imported(reconciliation.SOURCES["patent"])) == [patent]
    assert patent not in eligible_records(grant_item(), enterprise_a)


def test_an_import_of_the_same_number_reconciles_it(enterprise_a, tmp_path):
    approved_patent_filing(enterprise_a)
    row = patent_row("202310123456", 统一社会信用代码=enterprise_a.credit_code, 授权公告日="2025-02-10")
    run("patents", write(tmp_path / "p.csv", PATENT_HEADER, [row]))
    patent = Patent.objects.get(application_number=NUMBER)
    assert patent.reconciled and patent.reconciled_by is None
    assert patent in eligible_records(grant_item(), enterprise_a)
    assert not reconciliation.declared_not_imported(reconciliation.SOURCES["patent"]).exists()


def test_an_official_marks_it_reconciled(client, official, enterprise_a):
    approved_patent_filing(enterprise_a)
    patent = Patent.objects.get(application_number=NUMBER)
    client.force_login(official)
    response = client.post(reverse("enterprises:mark-reconciled", args=["patent", patent.pk]), {"year": "2025"})
    assert response.status_code == 302
    patent.refresh_from_db()
    assert patent.reconciled and patent.reconciled_by == official and patent.reconciled_at is not None
    assert patent in eligible_records(grant_item(), enterprise_a)


def test_an_imported_record_a_filing_links_stays_reconciled(enterprise_a):
    imported = PatentFactory(
        application_number=NUMBER, enterprise=enterprise_a, grant_date=dt.date(2025, 2, 10), legal_status="valid"
    )
    approved_patent_filing(enterprise_a)
    imported.refresh_from_db()
    assert imported.reconciled and imported in eligible_records(grant_item(), enterprise_a)


def test_pledges_only_a_filing_declares_are_not_claimable(enterprise_a):
    filing = Filing.objects.create(
        enterprise=enterprise_a,
        kind=Filing.Kind.PLEDGE,
        number="Y2025000001",
        subtype="patent",
        title="",
        counterpart="中国银行",
        amount=Decimal("1000000"),
        event_date=dt.date(2025, 3, 1),
        state=ReviewState.APPROVED,
    )
    apply(filing)
    pledge = Pledge.objects.get()
    item = grant_item()
    item.target = SupportItem.Target.PLEDGE
    assert not pledge.reconciled and pledge not in eligible_records(item, enterprise_a)


def test_imported_but_never_declared_and_disagreeing_fields(enterprise_a, enterprise_b, tmp_path):
    undeclared = PatentFactory(enterprise=enterprise_a, grant_date=dt.date(2025, 5, 5))
    PatentFactory(enterprise=None, grant_date=dt.date(2025, 5, 5))  # outside the park: not listed
    PatentFactory(enterprise=enterprise_a, grant_date=dt.date(2024, 5, 5))  # another year
    filing = approved_patent_filing(enterprise_a, title="申报的名称")
    row = patent_row("202310123456", 统一社会信用代码=enterprise_a.credit_code, 授权公告日="2025-02-11")
    run("patents", write(tmp_path / "p.csv", PATENT_HEADER, [row]))

    source = reconciliation.SOURCES["patent"]
    assert list(reconciliation.imported_not_declared(source, 2025)) == [undeclared]
    [found] = reconciliation.disagreements(source)
    assert found.filing == filing
    labels = {label: (declared, imported) for label, declared, imported in found.fields}
    assert labels["title"] == ("申报的名称", "一种锂电池正极材料")
    assert labels["grant date"] == (dt.date(2025, 2, 10), dt.date(2025, 2, 11))
    assert "application date" not in labels


def test_holder_disagreement(enterprise_a, enterprise_b):
    filing = approved_patent_filing(enterprise_a)
    Patent.objects.filter(application_number=NUMBER).update(enterprise=enterprise_b, reconciled=True)
    [found] = reconciliation.disagreements(reconciliation.SOURCES["patent"])
    assert found.filing == filing and [label for label, *_ in found.fields] == ["holder"]


def test_worklist_page_for_officials(official_client, enterprise_a):
    approved_patent_filing(enterprise_a)
    text = official_client.get(reverse("enterprises:reconciliation") + "?year=2025", HTTP_ACCEPT_LANGUAGE="en")
    content = text.content.decode()
    assert text.status_code == 200
    assert "Declared but not found in the imports" in content and NUMBER in content


def test_worklist_is_for_officials_only(client_a, enterprise_a):
    approved_patent_filing(enterprise_a)
    patent = Patent.objects.get()
    assert client_a.get(reverse("enterprises:reconciliation")).status_code == 403
    assert client_a.post(reverse("enterprises:mark-reconciled", args=["patent", patent.pk])).status_code == 403
    patent.refresh_from_db()
    assert not patent.reconciled


# --- indicators count confirmed records only --------------------------------------------------


def test_records_only_an_enterprise_declared_stay_out_of_the_indicators(enterprise_a, official_client):
    from targets.models import IndicatorValue
    from targets.recompute import recompute

    from ..targets.records import patent, pledge

    patent(enterprise_a, granted=dt.date(2025, 3, 1))
    patent(enterprise_a, granted=dt.date(2025, 4, 1), reconciled=False)
    confirmed = pledge(enterprise_a, dt.date(2025, 5, 1), 100)
    declared = pledge(enterprise_a, dt.date(2025, 6, 1), 900)
    Pledge.objects.filter(pk=declared.pk).update(reconciled=False)
    recompute([2025])
    c1 = IndicatorValue.objects.get(indicator__code="C1", year=2025)
    u6 = IndicatorValue.objects.get(indicator__code="U6", year=2025)
    assert (c1.value, c1.inputs["declared"]) == (1, 1)
    assert (u6.value, u6.inputs["declared"]) == (confirmed.amount, 1)
    page = official_client.get(reverse("targets:indicator-list") + "?year=2025", HTTP_ACCEPT_LANGUAGE="en").content
    link = reverse("enterprises:reconciliation") + "?year=2025"
    assert f'<a href="{link}">1 declared, awaiting confirmation</a>'.encode() in page
    zh = official_client.get(reverse("targets:indicator-detail", args=["C1"]), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "1项已申报、待核实" in zh.content.decode()


def test_indicator_links_list_only_the_confirmed_records(enterprise_a, official_client):
    from targets.links import records_link
    from targets.models import Indicator

    from ..targets.records import patent

    counted = patent(enterprise_a, granted=dt.date(2025, 3, 1))
    declared = patent(enterprise_a, granted=dt.date(2025, 4, 1), reconciled=False)
    link = records_link(Indicator.objects.get(code="C1"), 2025)
    page = official_client.get(link).content.decode()
    assert counted.application_number in page and declared.application_number not in page
