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
from targets.links import records_link
from targets.models import Indicator, IndicatorValue, YearlyFigure
from targets.recompute import recompute

from ..factories import valid_credit_code
from ..targets.records import deal, patent, pledge

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


def test_u7_u8_awards_are_cumulative_from_2023(enterprise_a):
    Award.objects.create(kind="china_gold", title="甲", award_date=D(2022, 12, 1), enterprise=enterprise_a)
    Award.objects.create(kind="china_excellence", title="乙", award_date=D(2023, 7, 1), enterprise=enterprise_a)
    Award.objects.create(kind="china_silver", title="丙", award_date=D(2025, 7, 1), enterprise=enterprise_a)
    Award.objects.create(kind="hubei", title="丁", award_date=D(2024, 7, 1), enterprise=enterprise_a)
    Award.objects.create(kind="national_st", title="戊", award_date=D(2024, 7, 1), enterprise=enterprise_a)
    assert value("U7", 2024) == 1
    assert value("U7", 2025) == 2
    assert value("U8", 2025) == 1


def test_u7_u8_count_only_awards_won_by_park_enterprises(enterprise_a):
    Award.objects.create(kind="china_gold", title="园区企业", award_date=D(2024, 7, 1), enterprise=enterprise_a)
    Award.objects.create(kind="china_silver", title="无企业", award_date=D(2024, 7, 1))
    Award.objects.create(kind="hubei", title="无企业", award_date=D(2024, 7, 1))
    assert value("U7", 2025) == 1
    assert value("U8", 2025) == 0


def contract(number: str, amount_wan, day: dt.date, enterprise=None) -> TechContract:
    return TechContract.objects.create(
        registration_number=number,
        title="技术开发",
        seller="甲",
        enterprise=enterprise,
        turnover=Decimal(str(amount_wan)) * 10000,
        registration_date=day,
    )


def test_u9_u10_are_average_annual_growth_since_the_base_year_2022(enterprise_a):
    deal("T22", 100, D(2022, 3, 1), enterprise_a)
    deal("T23", 150, D(2023, 3, 1), enterprise_a)
    deal("T24", 144, D(2024, 3, 1), enterprise_a)
    contract("C22", 100, D(2022, 1, 1), enterprise_a)
    contract("C25", "172.8", D(2025, 1, 1), enterprise_a)
    assert value("U9", 2023) == Decimal(50)  # one year after the base: the same as year-on-year
    assert round(value("U9", 2024), 6) == Decimal(20)  # (144 ÷ 100)^(1/2) − 1, not 144 ÷ 150 − 1 = −4 %
    assert round(value("U10", 2025), 6) == Decimal(20)  # (172.8 ÷ 100)^(1/3) − 1
    assert value("U10", 2024) == Decimal(-100)
    stored = IndicatorValue.objects.get(indicator__code="U9", year=2024)
    assert stored.inputs["base_year"] == 2022 and stored.base_value == Decimal(1000000)


def test_u4_stays_year_on_year(enterprise_a):
    for registered in (D(2022, 5, 1), D(2023, 5, 1), D(2023, 6, 1), D(2024, 5, 1), D(2024, 6, 1), D(2024, 7, 1)):
        pledge(enterprise_a, registered, 100)
    assert value("U4", 2024) == Decimal(50)  # 3 against 2 in 2023, not the average since 2022


def test_u9_has_no_value_in_the_base_year_or_over_a_zero_base(enterprise_a):
    deal("T23", 150, D(2023, 3, 1), enterprise_a)
    recompute([2022, 2023])
    base_year = IndicatorValue.objects.get(indicator__code="U9", year=2022)
    assert (base_year.value, base_year.reason) == (None, "base_year")
    assert IndicatorValue.objects.get(indicator__code="U9", year=2023).reason == "zero_base"


def test_u9_u10_count_only_deals_with_a_park_party(enterprise_a):
    deal("P22", 100, D(2022, 3, 1), enterprise_a)
    deal("P23", 110, D(2023, 3, 1), enterprise_a)
    deal("OUT22", 100, D(2022, 3, 1))  # two outside contracts alone gave U9 = 200 %
    deal("OUT23", 1000, D(2023, 3, 1))
    contract("C22", 100, D(2022, 1, 1), enterprise_a)
    contract("C23", 120, D(2023, 1, 1), enterprise_a)
    contract("OUT", 5000, D(2023, 1, 1))
    assert value("U9", 2023) == Decimal(10)
    assert value("U10", 2023) == Decimal(20)


def test_deal_is_linked_when_its_park_party_arrives_later(tmp_path):
    code = valid_credit_code()
    path = tmp_path / "t.csv"
    path.write_text(
        "合同编号,交易类型,知识产权类型,让与人/许可人,受让人/被许可人,园区企业统一社会信用代码,交易金额(万元),合同日期\n"
        f"JY1,转让,专利,后来企业,外地公司,{code},100,2022-05-01\n"
        f"JY2,许可,专利,后来企业,外地公司,{code},121,2024-05-01\n",
        encoding="utf-8",
    )
    call_command("import_records", "transactions", str(path), "--lang", "en", stdout=StringIO())
    assert value("U9", 2024) is None  # no park party yet: nothing counted
    enterprises = tmp_path / "e.csv"
    enterprises.write_text(f"企业名称,统一社会信用代码\n后来企业,{code}\n", encoding="utf-8")
    call_command("import_records", "enterprises", str(enterprises), "--lang", "en", stdout=StringIO())
    assert IPTransaction.objects.filter(enterprise__credit_code=code).count() == 2
    assert round(value("U9", 2024), 6) == Decimal(10)


def test_u9_u10_record_links_list_only_deals_with_a_park_party(enterprise_a, official_client):
    deal("PARK23", 110, D(2023, 3, 1), enterprise_a)
    deal("OUTSIDE23", 1000, D(2023, 3, 1))
    contract("PARKC23", 120, D(2023, 1, 1), enterprise_a)
    contract("OUTSIDEC23", 5000, D(2023, 1, 1))
    recompute([2023])
    page = official_client.get(reverse("targets:indicator-detail", args=["U9"])).content.decode()
    links = {code: records_link(Indicator.objects.get(code=code), 2023) for code in ("U9", "U10")}
    assert links["U9"].replace("&", "&amp;") in page
    listed = {code: official_client.get(link).content.decode() for code, link in links.items()}
    assert "PARK23" in listed["U9"] and "OUTSIDE23" not in listed["U9"]
    assert "PARKC23" in listed["U10"] and "OUTSIDEC23" not in listed["U10"]


def test_u9_formula_shows_the_average_growth_since_the_base_year(enterprise_a, official_client):
    deal("T22", 100, D(2022, 3, 1), enterprise_a)
    deal("T24", 121, D(2024, 3, 1), enterprise_a)
    recompute([2024])
    page = official_client.get(reverse("targets:indicator-detail", args=["U9"]), HTTP_ACCEPT_LANGUAGE="en")
    assert "(value 2024 ÷ value 2022)^(1/2) − 1" in page.content.decode()


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
