"""Every computed indicator on small hand-computed data sets, with the boundaries of indicators.md."""

import datetime as dt
from decimal import Decimal

import pytest

from enterprises.models import GIProduct
from targets.models import IndicatorValue, Plan, YearlyFigure
from targets.recompute import recompute

from .records import patent, pledge, trademark

pytestmark = pytest.mark.django_db

D = dt.date


def value(code: str, year: int = 2025) -> IndicatorValue:
    recompute([year])
    return IndicatorValue.objects.get(indicator__code=code, year=year)


@pytest.fixture
def figures_2025():
    return YearlyFigure.objects.create(
        year=2025,
        population=20000,
        public_budget=Decimal("400000000"),
        ip_funding=Decimal("1400000"),
        rd_expenditure=Decimal("100000000"),
    )


class TestC1PatentsGranted:
    def test_counts_park_grants_of_all_types_inside_the_year(self, enterprise_a):
        patent(enterprise_a, granted=D(2025, 1, 1))
        patent(enterprise_a, type_digit="2", granted=D(2025, 12, 31))
        patent(enterprise_a, type_digit="3", granted=D(2025, 6, 1), status="lapsed", lapsed=D(2025, 7, 1))
        patent(enterprise_a, granted=D(2024, 12, 31))
        patent(enterprise_a, granted=D(2026, 1, 1))
        patent(None, granted=D(2025, 5, 5))
        patent(enterprise_a, granted=None, status="pending")
        assert value("C1").value == 3


class TestC2PCT:
    def test_counts_distinct_pct_numbers_filed_in_the_year(self, enterprise_a):
        patent(enterprise_a, type_digit="8", pct_number="PCT/CN2025/000001", pct_filing_date=D(2025, 12, 31))
        patent(enterprise_a, type_digit="8", pct_number="PCT/CN2025/000001", pct_filing_date=D(2025, 12, 31))
        patent(enterprise_a, type_digit="8", pct_number="PCT/CN2025/000002", pct_filing_date=D(2025, 1, 1))
        patent(enterprise_a, type_digit="8", pct_number="PCT/CN2024/000003", pct_filing_date=D(2024, 12, 31))
        patent(None, type_digit="8", pct_number="PCT/CN2025/000004", pct_filing_date=D(2025, 3, 1))
        assert value("C2").value == 2


class TestC3ValidInventions:
    def test_in_force_rules_at_the_year_end(self, enterprise_a, figures_2025):
        patent(enterprise_a, granted=D(2025, 12, 31))  # granted on 31 Dec: in force
        patent(enterprise_a, type_digit="8", granted=D(2020, 1, 1))  # PCT invention counts as invention
        patent(enterprise_a, granted=D(2020, 1, 1), status="lapsed", lapsed=D(2026, 1, 1))  # lapsed after: in force
        patent(enterprise_a, granted=D(2020, 1, 1), status="lapsed", lapsed=D(2025, 12, 31))  # lapsed on 31 Dec: not
        patent(enterprise_a, granted=D(2020, 1, 1), status="lapsed")  # lapsed, date unknown: not
        patent(enterprise_a, granted=D(2026, 1, 1))  # granted next year: not
        patent(enterprise_a, granted=None, status="pending")  # never granted: never in force
        patent(enterprise_a, type_digit="2", granted=D(2020, 1, 1))  # utility model: not an invention
        patent(enterprise_a, type_digit="9", granted=D(2020, 1, 1))  # PCT utility model: not an invention
        patent(None, granted=D(2020, 1, 1))  # outside the park
        stored = value("C3")
        assert stored.numerator == 3
        assert stored.denominator == 20000
        assert stored.value == Decimal(3) * 10000 / 20000

    def test_missing_population_gives_no_value_with_the_reason(self, enterprise_a):
        patent(enterprise_a, granted=D(2020, 1, 1))
        stored = value("C3")
        assert stored.value is None
        assert stored.reason == "missing_figure" and stored.inputs["figure"] == "population"
        assert stored.status == "no_data"

    def test_zero_population_is_treated_as_missing(self, enterprise_a):
        YearlyFigure.objects.create(year=2025, population=0)
        assert value("C3").value is None


class TestC4HighValue:
    def test_each_rule_and_its_edges(self, enterprise_a, figures_2025):
        granted = D(2018, 1, 1)
        patent(enterprise_a, granted=granted, strategic_emerging=True)  # rule 1
        patent(enterprise_a, granted=granted, overseas_family=True)  # rule 2
        patent(enterprise_a, granted=D(2017, 1, 1), applied=D(2015, 12, 30))  # rule 3: before 31 Dec 2015
        patent(enterprise_a, granted=D(2017, 1, 1), applied=D(2015, 12, 31))  # on 31 Dec 2015: not yet
        a = patent(enterprise_a, granted=granted)
        b = patent(enterprise_a, granted=granted)
        c = patent(enterprise_a, granted=granted)
        # One pledge naming a and b counts its full 600万 for each; a reaches 1000万 with a second one.
        pledge(enterprise_a, D(2024, 3, 1), 600, numbers=[a.application_number, b.application_number])
        pledge(enterprise_a, D(2025, 12, 31), 400, numbers=[a.application_number])
        pledge(enterprise_a, D(2026, 1, 1), 900, numbers=[b.application_number])  # after the year end
        pledge(enterprise_a, D(2025, 1, 1), 999.99, numbers=[c.application_number])  # just under 1000万
        patent(enterprise_a, type_digit="2", granted=granted, strategic_emerging=True)  # not an invention
        patent(enterprise_a, granted=granted, strategic_emerging=True, status="lapsed", lapsed=D(2025, 6, 1))
        stored = value("C4")
        assert stored.numerator == 4
        assert stored.value == Decimal(4) * 10000 / 20000

    def test_pledge_amount_is_summed_over_the_pledges_by_year_end(self, enterprise_a, figures_2025):
        a = patent(enterprise_a, granted=D(2018, 1, 1))
        pledge(enterprise_a, D(2024, 1, 1), 500, numbers=[a.application_number])
        pledge(None, D(2025, 1, 1), 500, numbers=[a.application_number])  # any pledgor's pledge names it
        assert value("C4").numerator == 1
        YearlyFigure.objects.create(year=2024, population=20000)
        assert value("C4", 2024).numerator == 0


class TestC5C6Ratios:
    def test_funding_share_in_percent(self, figures_2025):
        assert value("C5").value == Decimal("0.35")

    def test_inventions_per_million_of_rd(self, enterprise_a, figures_2025):
        for _ in range(28):
            patent(enterprise_a, granted=D(2025, 7, 1))
        patent(enterprise_a, type_digit="2", granted=D(2025, 7, 1))
        stored = value("C6")
        assert stored.value == Decimal("0.28")
        assert stored.denominator == 100

    def test_missing_budget_names_the_missing_figure(self):
        YearlyFigure.objects.create(year=2025, population=1, ip_funding=1)
        stored = value("C5")
        assert stored.value is None and stored.inputs["figure"] == "public_budget"

    def test_missing_rd_gives_no_value(self):
        YearlyFigure.objects.create(year=2025, population=1)
        assert value("C6").value is None


class TestTrademarks:
    def test_c7_counts_each_number_and_class_by_registration_date(self, enterprise_a):
        trademark(enterprise_a, D(2025, 1, 1), number="123", nice_class=1)
        trademark(enterprise_a, D(2025, 1, 1), number="123", nice_class=2)
        trademark(enterprise_a, D(2025, 12, 31), status="cancelled")
        trademark(enterprise_a, D(2024, 12, 31))
        trademark(None, D(2025, 3, 3))
        assert value("C7").value == 3

    def test_c8_in_force_at_year_end(self, enterprise_a):
        trademark(enterprise_a, D(2025, 12, 31))  # registered on 31 Dec
        trademark(enterprise_a, D(2015, 1, 1), expiry=D(2025, 12, 31))  # expires on 31 Dec: still in force
        trademark(enterprise_a, D(2015, 1, 1), expiry=D(2025, 12, 30))  # expired the day before
        trademark(enterprise_a, D(2020, 1, 1), status="cancelled")
        trademark(enterprise_a, D(2020, 1, 1), status="invalid")
        trademark(enterprise_a, D(2026, 1, 1))
        trademark(None, D(2020, 1, 1))
        assert value("C8").value == 2

    def test_c9_gi_trademarks_and_products(self, enterprise_a):
        trademark(enterprise_a, D(2024, 5, 1), gi=True)
        trademark(enterprise_a, D(2024, 5, 1), gi=True, status="cancelled")
        trademark(None, D(2024, 5, 1), gi=True)
        GIProduct.objects.create(registration_number="2024-01", title="屈家岭葡萄", approval_date=D(2025, 12, 31))
        GIProduct.objects.create(registration_number="2026-01", title="未来产品", approval_date=D(2026, 1, 1))
        GIProduct.objects.create(
            registration_number="2020-01", title="已撤销", approval_date=D(2020, 1, 1), revoked_date=D(2025, 6, 1)
        )
        assert value("C9").value == 2
        assert value("C9", 2024).value == 2  # the revoked product still stood at the end of 2024


class TestPledges:
    def test_u4_u5_growth_of_patent_pledges(self, enterprise_a):
        pledge(enterprise_a, D(2024, 12, 31), 100)
        pledge(enterprise_a, D(2025, 1, 1), 150)
        pledge(enterprise_a, D(2025, 12, 31), 100)
        pledge(enterprise_a, D(2025, 6, 1), 1000, ip_type="trademark")  # not a patent pledge
        pledge(None, D(2025, 6, 1), 1000)  # pledgor outside the park
        assert value("U4").value == Decimal(100)  # 2 against 1
        assert value("U5").value == Decimal(150)  # 250万 against 100万

    def test_growth_over_a_zero_base_is_null_not_infinite(self, enterprise_a):
        pledge(enterprise_a, D(2025, 3, 1), 100)
        stored = value("U4")
        assert stored.value is None and stored.reason == "zero_base"

    def test_growth_over_two_empty_years_is_null(self):
        assert value("U5").value is None

    def test_u6_sums_every_ip_type_in_yuan(self, enterprise_a):
        pledge(enterprise_a, D(2025, 3, 1), 100)
        pledge(enterprise_a, D(2025, 4, 1), 50.5, ip_type="trademark")
        pledge(enterprise_a, D(2025, 5, 1), 20, ip_type="copyright")
        pledge(enterprise_a, D(2024, 5, 1), 20)
        pledge(None, D(2025, 5, 1), 20)
        assert value("U6").value == Decimal("1705000")


def test_base_year_and_every_plan_year_are_computed():
    run = recompute()
    plan = Plan.objects.current()
    assert run.years == [2022, 2023, 2024, 2025]
    assert IndicatorValue.objects.filter(year=2022).count() == plan.indicators.count()
