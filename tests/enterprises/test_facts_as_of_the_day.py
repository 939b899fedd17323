"""Each indicator uses the facts as they stood on the day it measures: trademark invalidations,
patent lapses and enterprise titles keep their dates (issue 15 §1)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from enterprises.models import Enterprise, Honour, InnovationPilot, Patent
from targets.models import IndicatorValue, YearlyFigure
from targets.recompute import recompute

from ..factories import EnterpriseFactory, valid_credit_code
from ..targets.records import patent, patent_number, trademark

pytestmark = pytest.mark.django_db
D = dt.date


def stored(code: str, year: int) -> IndicatorValue:
    recompute([year])
    return IndicatorValue.objects.get(indicator__code=code, year=year)


def run(*args) -> str:
    out = StringIO()
    call_command("import_records", *map(str, args), "--lang", "en", stdout=out, stderr=StringIO())
    return out.getvalue()


# --- trademarks -------------------------------------------------------------------------------


def test_trademark_cancelled_this_year_stays_in_c8_of_earlier_years(enterprise_a):
    trademark(enterprise_a, D(2020, 5, 1), status="cancelled", invalid_date=D(2026, 3, 1))
    trademark(enterprise_a, D(2020, 5, 1), status="invalid", invalid_date=D(2024, 6, 1))
    trademark(enterprise_a, D(2020, 5, 1), status="cancelled")  # no date: not in force in any year
    assert stored("C8", 2023).value == 2
    assert stored("C8", 2024).value == 1
    assert stored("C8", 2025).value == 1


def test_trademark_import_reads_the_invalidation_date(tmp_path, enterprise_a):
    path = tmp_path / "marks.csv"
    path.write_text(
        "注册号,商标名称,国际分类,注册日,注册人,统一社会信用代码,商标状态,无效/注销日\n"
        f"12345678,甲,1,2020-05-01,{enterprise_a.name},{enterprise_a.credit_code},注销,2026-03-01\n"
        f"12345679,乙,1,2020-05-01,{enterprise_a.name},{enterprise_a.credit_code},无效,2019-03-01\n",
        encoding="utf-8",
    )
    out = run("trademarks", path, "--skip-invalid")
    assert "1 skipped" in out  # invalidated before it was registered
    assert stored("C8", 2023).value == 1


# --- patents ----------------------------------------------------------------------------------


PATENT_HEADER = "申请号,专利名称,申请日,授权公告日,专利权人,统一社会信用代码,法律状态,失效日,法律状态日\n"


def import_lapsed_patent(tmp_path, enterprise, status_date: str) -> tuple[str, str]:
    """A lapsed patent granted in 2020, with no lapse date: (its number, the command's output)."""
    number = patent_number(2018)
    path = tmp_path / "patents.csv"
    row = f"{number},一种方法,2018-01-01,2020-01-01,{enterprise.name},{enterprise.credit_code},失效,,{status_date}\n"
    path.write_text(PATENT_HEADER + row, encoding="utf-8")
    return number, run("patents", path)


def test_patent_lapse_date_comes_from_the_status_date_when_the_lapse_date_is_missing(tmp_path, enterprise_a):
    YearlyFigure.objects.create(year=2023, population=10000)
    number, _ = import_lapsed_patent(tmp_path, enterprise_a, "2024-08-01")
    assert Patent.objects.get(application_number=number).lapse_date == D(2024, 8, 1)
    assert stored("C3", 2023).numerator == 1  # it lapsed in 2024: in force at the end of 2023


def test_lapsed_patent_without_any_date_is_imported_with_a_warning(tmp_path, enterprise_a):
    number, out = import_lapsed_patent(tmp_path, enterprise_a, "")
    assert "1 new" in out
    assert "Warning: 1 lapsed patent has neither a lapse date nor a status date" in out
    assert Patent.objects.get(application_number=number).lapse_date is None


def test_lapsed_patents_without_a_date_are_listed_beside_c3_and_c4(enterprise_a, official_client):
    YearlyFigure.objects.create(year=2023, population=10000)
    patent(enterprise_a, granted=D(2020, 1, 1), status="lapsed")
    patent(enterprise_a, granted=D(2020, 1, 1))
    c3 = stored("C3", 2023)
    assert (c3.numerator, c3.inputs["lapse_date_unknown"]) == (1, 1)  # counted as not in force
    page = official_client.get(reverse("targets:indicator-list") + "?year=2023", HTTP_ACCEPT_LANGUAGE="en")
    assert "1 lapsed patent with the lapse date unknown" in page.content.decode()


# --- enterprise titles ------------------------------------------------------------------------


def test_little_giant_flagged_today_is_not_in_m2_before_its_year():
    giant = EnterpriseFactory(little_giant=True, little_giant_year=2024)
    InnovationPilot.objects.create(enterprise=giant, start_date=D(2024, 3, 1))
    assert stored("M2", 2022).denominator is None or stored("M2", 2022).denominator == 0
    assert stored("M2", 2024).denominator == 1


def test_high_tech_certificate_holds_three_years():
    Honour.objects.create(enterprise=EnterpriseFactory(), kind="national_advantage", year=2020)
    years = {
        year
        for year in range(2018, 2027)
        if Enterprise.objects.filter(Enterprise.title_held_in("high_tech", year)).exists()
    }
    assert years == set()
    EnterpriseFactory(high_tech=True, high_tech_year=2021)
    years = {
        year
        for year in range(2018, 2027)
        if Enterprise.objects.filter(Enterprise.title_held_in("high_tech", year)).exists()
    }
    assert years == {2021, 2022, 2023}


def test_enterprise_import_reads_the_title_years(tmp_path):
    code = valid_credit_code()
    path = tmp_path / "e.csv"
    path.write_text(
        "企业名称,统一社会信用代码,高新技术企业,高新技术企业证书年份,专精特新认定年份,小巨人认定年份,上市后备入库年份\n"
        f"甲公司,{code},是,2022,2021,2024,2023\n",
        encoding="utf-8",
    )
    run("enterprises", path)
    enterprise = Enterprise.objects.get(credit_code=code)
    assert (
        enterprise.high_tech_year,
        enterprise.specialised_year,
        enterprise.little_giant_year,
        enterprise.listing_reserve_year,
    ) == (2022, 2021, 2024, 2023)
    assert enterprise.specialised and enterprise.little_giant and enterprise.listing_reserve


def test_enterprise_import_refuses_an_impossible_year(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(f"企业名称,统一社会信用代码,小巨人认定年份\n甲公司,{valid_credit_code()},24\n", encoding="utf-8")
    assert "1 skipped" in run("enterprises", path, "--skip-invalid")
    assert not Enterprise.objects.exists()


def test_enterprise_api_gives_the_title_years(official_client):
    EnterpriseFactory(
        name="年份企业",
        high_tech=True,
        high_tech_year=2023,
        specialised=True,
        specialised_year=2024,
        little_giant=True,
        little_giant_year=2025,
        listing_reserve=True,
        listing_reserve_year=2022,
    )
    rows = official_client.get("/api/v1/enterprises/", {"q": "年份企业"}).json()["results"]
    row = next(r for r in rows if r["name"] == "年份企业")
    assert (row["high_tech_year"], row["specialised_year"], row["little_giant_year"], row["listing_reserve_year"]) == (
        2023,
        2024,
        2025,
        2022,
    )
