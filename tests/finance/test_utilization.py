"""U1–U3, U7–U11, M6 and high-value rule 5 move as their records change."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from finance.models import (
    Award,
    IPTransaction,
    MajorProject,
    NavigationProject,
    OperationPlatform,
    ServiceInstitution,
    TechContract,
)
from targets.models import IndicatorValue, YearlyFigure
from targets.recompute import recompute

from ..targets.records import patent

pytestmark = pytest.mark.django_db
D = dt.date


def value(code: str, year: int = 2025):
    recompute([year])
    return IndicatorValue.objects.get(indicator__code=code, year=year).value


def test_u1_share_of_major_projects_with_an_ip_review():
    for i in range(5):
        MajorProject.objects.create(name=f"项目{i}", category="investment", project_date=D(2025, 6, 1), ip_review=i < 4)
    MajorProject.objects.create(name="去年项目", category="talent", project_date=D(2024, 12, 31))
    assert value("U1") == Decimal(80)
    assert value("U1", 2023) is None  # no projects: nothing to divide by


def test_u2_platforms_open_at_year_end():
    OperationPlatform.objects.create(name="运营中心", opened_date=D(2025, 12, 31))
    OperationPlatform.objects.create(name="交易分支", opened_date=D(2023, 1, 1), closed_date=D(2025, 12, 31))
    OperationPlatform.objects.create(name="已关闭", opened_date=D(2023, 1, 1), closed_date=D(2025, 6, 30))
    OperationPlatform.objects.create(name="明年", opened_date=D(2026, 1, 1))
    assert value("U2") == 1
    assert value("U2", 2024) == 2


def test_u3_offices_and_m6_institutions_introduced_during_the_plan():
    ServiceInstitution.objects.create(name="甲代理所", office_opened=D(2021, 5, 1))
    ServiceInstitution.objects.create(name="乙评估", office_opened=D(2024, 5, 1), introduced_date=D(2024, 5, 1))
    ServiceInstitution.objects.create(name="丙运营", introduced_date=D(2022, 8, 1))  # before the plan
    ServiceInstitution.objects.create(name="丁律所", office_opened=D(2020, 1, 1), office_closed=D(2023, 3, 1))
    assert value("U3", 2025) == 2
    assert value("M6", 2025) == 1
    assert value("M6", 2023) == 0


def test_u7_u8_awards_are_cumulative_from_2023():
    Award.objects.create(kind="china_gold", title="甲", award_date=D(2022, 12, 1))
    Award.objects.create(kind="china_excellence", title="乙", award_date=D(2023, 7, 1))
    Award.objects.create(kind="china_silver", title="丙", award_date=D(2025, 7, 1))
    Award.objects.create(kind="hubei", title="丁", award_date=D(2024, 7, 1))
    Award.objects.create(kind="national_st", title="戊", award_date=D(2024, 7, 1))
    assert value("U7", 2024) == 1
    assert value("U7", 2025) == 2
    assert value("U8", 2025) == 1


def test_u9_u10_growth_of_amounts():
    IPTransaction.objects.create(
        contract_number="T1",
        kind="transfer",
        ip_type="patent",
        seller="甲",
        buyer="乙",
        amount=Decimal("1000000"),
        contract_date=D(2024, 3, 1),
    )
    IPTransaction.objects.create(
        contract_number="T2",
        kind="licence",
        ip_type="patent",
        seller="甲",
        buyer="丙",
        amount=Decimal("1250000"),
        contract_date=D(2025, 3, 1),
    )
    TechContract.objects.create(
        registration_number="C1",
        title="技术开发",
        seller="甲",
        turnover=Decimal("5000000"),
        registration_date=D(2025, 1, 1),
    )
    assert value("U9") == Decimal(25)
    assert value("U10") is None  # zero base in 2024


def test_u11_counts_enterprise_navigation_projects():
    NavigationProject.objects.create(name="企业导航1", kind="enterprise", start_date=D(2025, 1, 1))
    NavigationProject.objects.create(name="企业导航2", kind="enterprise", start_date=D(2025, 12, 31))
    NavigationProject.objects.create(name="产业导航", kind="industry", start_date=D(2025, 6, 1))
    assert value("U11") == 2


def test_award_makes_a_patent_high_value(enterprise_a):
    YearlyFigure.objects.create(year=2025, population=10000)
    awarded = patent(enterprise_a, granted=D(2020, 1, 1))
    assert IndicatorValue.objects.filter(indicator__code="C4").count() == 0
    recompute([2025])
    assert IndicatorValue.objects.get(indicator__code="C4", year=2025).numerator == 0
    Award.objects.create(kind="china_excellence", title=awarded.title, award_date=D(2025, 11, 1), patent=awarded)
    recompute([2025])
    assert IndicatorValue.objects.get(indicator__code="C4", year=2025).numerator == 1


def test_transactions_and_contracts_import(tmp_path, enterprise_a):
    path = tmp_path / "t.csv"
    path.write_text(
        "合同编号,交易类型,知识产权类型,专利号/注册号,让与人/许可人,受让人/被许可人,园区企业统一社会信用代码,交易金额(万元),合同日期\n"
        f"JY2025001,转让,专利,202310000001.6,{enterprise_a.name},外地公司,{enterprise_a.credit_code},120.5,2025-05-01\n",
        encoding="utf-8",
    )
    call_command("import_records", "transactions", str(path), "--lang", "en", stdout=StringIO())
    deal = IPTransaction.objects.get()
    assert (deal.amount, deal.enterprise) == (Decimal("1205000.00"), enterprise_a)
    path = tmp_path / "c.csv"
    path.write_text("登记编号,合同名称,卖方,成交额(万元),登记日期\nJS001,技术服务,甲,30,2025/6/1\n", encoding="utf-8")
    call_command("import_records", "tech_contracts", str(path), "--lang", "en", stdout=StringIO())
    assert TechContract.objects.get().turnover == Decimal("300000.00")


@pytest.mark.parametrize(
    "slug", ["transaction", "contract", "award", "platform", "institution", "project", "navigation"]
)
def test_officials_pages_exist_and_enterprise_users_are_refused(official_client, client, user_b, slug):
    assert official_client.get(reverse(f"finance:{slug}-list")).status_code == 200
    assert official_client.get(reverse(f"finance:{slug}-create")).status_code == 200
    client.force_login(user_b)
    assert client.get(reverse(f"finance:{slug}-list")).status_code == 403


def test_awards_export_has_every_field_under_its_label(official_client):
    Award.objects.create(kind="hubei", title="=HYPERLINK(1)", award_date=D(2024, 7, 1))
    response = official_client.get(reverse("finance:award-export") + "?format=csv", HTTP_ACCEPT_LANGUAGE="en")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("award,awarded work,date awarded")
    assert "Hubei Patent Award" in text and "2024-07-01" in text
    assert "'=HYPERLINK(1)" in text  # formulas neutralised
