"""The yearly assessment of the units: the rubric, scores per unit and task, the XLSX table."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from targets import assessment
from targets.models import AssessmentItem, AssessmentScore, Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def rubric(official_client):
    for order, (name, weight) in enumerate((("工作计划完成情况", "60"), ("材料报送及时性", "40")), start=1):
        response = official_client.post(
            reverse("targets:assessment"),
            {"form": "item", "year": "2025", "order": order, "name": name, "name_en": "", "weight": weight},
        )
        assert response.status_code == 302
    return list(AssessmentItem.objects.order_by("order"))


def score(client, item, unit, task, value):
    return client.post(
        reverse("targets:assessment"),
        {"form": "score", "year": "2025", "item": item.pk, "unit": unit.pk, "task": task.pk, "score": value},
    )


def test_the_total_is_the_weighted_mean_of_the_item_scores(official_client, rubric, finance_bureau):
    task = finance_bureau.tasks.first()
    assert score(official_client, rubric[0], finance_bureau, task, "90").status_code == 302
    score(official_client, rubric[1], finance_bureau, task, "70")
    _items, rows = assessment.score_table(Plan.objects.current(), 2025)
    [row] = [r for r in rows if r.unit == finance_bureau and r.task == task]
    assert row.scores == [Decimal(90), Decimal(70)] and row.total == Decimal("82.0")


def test_scoring_again_replaces_the_score(official_client, rubric, finance_bureau):
    task = finance_bureau.tasks.first()
    score(official_client, rubric[0], finance_bureau, task, "50")
    score(official_client, rubric[0], finance_bureau, task, "65.5")
    assert AssessmentScore.objects.get().score == Decimal("65.5")


def test_a_score_out_of_range_or_for_a_task_of_another_unit_is_refused(official_client, rubric, finance_bureau):
    task = finance_bureau.tasks.first()
    assert score(official_client, rubric[0], finance_bureau, task, "101").status_code == 400
    other_task = Plan.objects.current().key_tasks.exclude(units=finance_bureau).first()
    assert score(official_client, rubric[0], finance_bureau, other_task, "80").status_code == 400
    assert not AssessmentScore.objects.exists()


def test_the_year_table_exports_as_xlsx(official_client, rubric, finance_bureau):
    task = finance_bureau.tasks.first()
    score(official_client, rubric[0], finance_bureau, task, "90")
    score(official_client, rubric[1], finance_bureau, task, "70")
    response = official_client.get(reverse("targets:assessment-export") + "?year=2025", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("member unit", "key task") and rows[0][-1] == "weighted total"
    assert "工作计划完成情况 (×60)" in rows[0]
    [mine] = [r for r in rows[1:] if r[0] == finance_bureau.name and r[1] == str(task)]
    assert mine[2:] == (90, 70, 82)


def test_a_formula_in_an_item_name_is_neutralised_in_the_export(official_client, finance_bureau):
    AssessmentItem.objects.create(plan=Plan.objects.current(), year=2025, name="=1+1", weight=Decimal(1))
    response = official_client.get(reverse("targets:assessment-export") + "?year=2025")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(1, 3).value == "'=1+1 (×1)"


def test_units_cannot_see_or_score_the_assessment(unit_client, rubric, finance_bureau):
    assert unit_client.get(reverse("targets:assessment")).status_code == 403
    assert unit_client.get(reverse("targets:assessment-export")).status_code == 403
    assert score(unit_client, rubric[0], finance_bureau, finance_bureau.tasks.first(), "100").status_code == 403
