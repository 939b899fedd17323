"""The yearly reference figures: one unit (万元) on the form and in the import, and warnings on
values that look like a unit slip (issue 15 §1)."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from targets.models import YearlyFigure

pytestmark = pytest.mark.django_db


def post(client, **values):
    data = {"year": 2024, "population": 318200, "note": "", **values}
    return client.post(reverse("targets:yearly-create"), data, follow=True, HTTP_ACCEPT_LANGUAGE="en")


def test_form_takes_amounts_in_ten_thousand_yuan_like_the_import(official_client):
    post(official_client, public_budget="389000.5", ip_funding="1260", rd_expenditure="", special_fund="500")
    figure = YearlyFigure.objects.get(year=2024)
    assert figure.public_budget == Decimal("3890005000.00")
    assert figure.ip_funding == Decimal("12600000.00")
    assert figure.rd_expenditure is None
    page = official_client.get(reverse("targets:yearly-edit", args=[2024]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'value="389000.5"' in page and 'value="1260"' in page
    assert "public budget expenditure (10k yuan)" in page and "resident population (persons)" in page


def test_form_labels_each_amount_in_wan_in_chinese(official_client):
    page = official_client.get(reverse("targets:yearly-create"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    for label in (
        "一般公共预算支出（万元）",
        "知识产权工作经费（万元）",
        "研发经费（万元）",
        "知识产权专项资金（万元）",
    ):
        assert label in page


@pytest.mark.parametrize("population", [999, 10_000_001])
def test_form_warns_about_an_implausible_population_and_saves(official_client, population):
    page = post(official_client, population=population, public_budget="", ip_funding="", rd_expenditure="")
    assert "is implausible (under 1,000 or over 10 million)" in page.content.decode()
    assert YearlyFigure.objects.get(year=2024).population == population


def test_form_warns_about_a_budget_share_over_100_percent(official_client):
    page = post(official_client, public_budget="100", ip_funding="150", rd_expenditure="")
    assert "more than 100% of the public budget expenditure" in page.content.decode()
    assert "implausible" not in page.content.decode()


def test_import_warns_about_implausible_values(tmp_path):
    path = tmp_path / "yearly.csv"
    path.write_text(
        "年份,常住人口,一般公共预算支出(万元),知识产权工作经费(万元)\n2024,32,,\n2025,320000,100,150\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("import_records", "yearly", str(path), "--lang", "en", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "Warning: 2024: a resident population of 32 is implausible" in text
    assert "Warning: 2025: the IP work funding is more than 100% of the public budget expenditure." in text
    assert YearlyFigure.objects.count() == 2
