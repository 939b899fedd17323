"""Recomputation: statuses, once per transaction, failures, the command line, the task."""

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from targets import computation
from targets.models import IndicatorValue, Plan, RecomputeRun
from targets.progress import due_value, status_for
from targets.recompute import recompute
from targets.tasks import recompute_indicators, request_recompute

from .records import patent

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return Plan.objects.current()


def c1(plan):
    return plan.indicators.get(code="C1")


class TestStatus:
    def test_meeting_the_target_is_achieved_in_any_year(self, plan):
        assert status_for(c1(plan), plan, 2023, Decimal(2600), Decimal(300)) == "achieved"

    def test_on_the_straight_path_from_the_base_year_is_on_track(self, plan):
        # 2022: 400, 2025 target 2500: due in 2024 = 400 + 2100 × 2/3 = 1800.
        assert status_for(c1(plan), plan, 2024, Decimal(1800), Decimal(400)) == "on_track"
        assert status_for(c1(plan), plan, 2024, Decimal(1620), Decimal(400)) == "at_risk"
        assert status_for(c1(plan), plan, 2024, Decimal(1619), Decimal(400)) == "behind"

    def test_the_base_year_is_the_start_of_the_path(self, plan):
        assert due_value(c1(plan), plan, 2022, Decimal(400)) == 400
        assert due_value(c1(plan), plan, 2023, Decimal(400)) == 1100

    def test_in_the_target_year_the_target_is_due(self, plan):
        assert status_for(c1(plan), plan, 2025, Decimal(2400), Decimal(400)) == "at_risk"
        assert status_for(c1(plan), plan, 2025, Decimal(1000), Decimal(400)) == "behind"

    def test_yearly_targets_are_due_every_year(self, plan):
        u4 = plan.indicators.get(code="U4")
        assert status_for(u4, plan, 2023, Decimal(5), Decimal(0)) == "behind"
        assert status_for(u4, plan, 2023, Decimal(12), Decimal(0)) == "achieved"

    def test_at_most_targets(self, plan):
        p1 = plan.indicators.get(code="P1")
        assert status_for(p1, plan, 2024, Decimal(0), None) == "achieved"
        assert status_for(p1, plan, 2024, Decimal(1), None) == "behind"

    def test_no_value_is_no_data(self, plan):
        assert status_for(c1(plan), plan, 2024, None, Decimal(1)) == "no_data"

    def test_stored_status_uses_the_base_year_value(self, plan, enterprise_a):
        for _ in range(3):
            patent(enterprise_a, granted=dt.date(2022, 5, 1))
        patent(enterprise_a, granted=dt.date(2023, 5, 1))
        recompute()
        assert IndicatorValue.objects.get(indicator__code="C1", year=2023).status == "behind"


def test_a_failure_leaves_the_previous_values_and_is_recorded(plan, enterprise_a, monkeypatch):
    patent(enterprise_a, granted=dt.date(2025, 5, 1))
    recompute([2025])
    patent(enterprise_a, granted=dt.date(2025, 6, 1))

    def broken(ctx, year):
        raise RuntimeError("database went away")

    monkeypatch.setitem(computation.CALCULATORS, "C7", broken)
    with pytest.raises(RuntimeError):
        recompute([2025])
    assert IndicatorValue.objects.get(indicator__code="C1", year=2025).value == 1
    failed = RecomputeRun.objects.first()
    assert failed.state == "failed" and "database went away" in failed.error


def test_running_twice_gives_the_same_values(plan, enterprise_a):
    patent(enterprise_a, granted=dt.date(2025, 5, 1))
    recompute()
    first = list(IndicatorValue.objects.order_by("pk").values_list("indicator_id", "year", "value"))
    recompute()
    assert list(IndicatorValue.objects.order_by("pk").values_list("indicator_id", "year", "value")) == first


def test_changes_in_one_transaction_ask_for_one_recomputation(plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        request_recompute()
        request_recompute()
        request_recompute()
    assert len(callbacks) == 1


@pytest.mark.django_db(transaction=True)
def test_saving_a_record_recomputes_after_commit(reference_data, enterprise_a):
    patent(enterprise_a, granted=dt.date(2025, 5, 1))
    assert IndicatorValue.objects.get(indicator__code="C1", year=2025).value == 1


@pytest.mark.django_db(transaction=True)
def test_editing_a_target_updates_the_status(reference_data, enterprise_a):
    plan = Plan.objects.current()
    patent(enterprise_a, granted=dt.date(2025, 5, 1))
    assert IndicatorValue.objects.get(indicator__code="C1", year=2025).status == "behind"
    indicator = c1(plan)
    indicator.target = 1
    indicator.save()
    assert IndicatorValue.objects.get(indicator__code="C1", year=2025).status == "achieved"


def test_task_recomputes_one_year(plan):
    assert recompute_indicators.delay(year=2024).get() == plan.indicators.count()
    assert set(IndicatorValue.objects.values_list("year", flat=True)) == {2024}


def test_recompute_command(plan):
    out = StringIO()
    call_command("recompute_indicators", "--year", "2025", stdout=out)
    assert f"{plan.indicators.count()} values for 2025" in out.getvalue()


def test_show_indicators_json_has_the_documented_fields(plan, enterprise_a):
    patent(enterprise_a, granted=dt.date(2025, 5, 1))
    recompute()
    out = StringIO()
    call_command("show_indicators", "--year", "2025", "--format", "json", stdout=out)
    rows = json.loads(out.getvalue())
    assert len(rows) == plan.indicators.count()
    first = rows[0]
    for name in ("code", "year", "name_zh", "name_en", "unit", "value", "reason", "target", "direction", "status"):
        assert name in first
    assert first == {**first, "code": "C1", "year": 2025, "value": 1, "target": 2500, "direction": "at_least"}
    c3 = next(row for row in rows if row["code"] == "C3")
    assert (c3["value"] is None and "population" in c3["reason"]) or "常住人口" in c3["reason"]


def test_show_indicators_table(plan):
    recompute()
    out = StringIO()
    call_command("show_indicators", "--year", "2025", "--lang", "en", stdout=out)
    assert "Patents granted per year" in out.getvalue()
