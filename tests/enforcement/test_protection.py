"""Enforcement cases and satisfaction surveys, and the indicators P1 and P2 they feed."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.test import APIClient

from enforcement.models import Case, Survey, SurveyResponse
from targets.models import IndicatorValue
from targets.recompute import recompute

pytestmark = pytest.mark.django_db


def value(code: str, year: int) -> IndicatorValue:
    recompute([year])
    return IndicatorValue.objects.get(indicator__code=code, year=year)


def case(number: str, filed: dt.date, **flags) -> Case:
    return Case.objects.create(
        case_number=number, title="侵犯专利权纠纷", kind="adjudication", ip_type="patent", filed_date=filed, **flags
    )


class TestP1:
    def test_unflagged_cases_do_not_count(self):
        case("A1", dt.date(2025, 3, 1))
        stored = value("P1", 2025)
        assert stored.value == 0 and stored.status == "achieved"

    def test_a_flagged_case_counts_once_whatever_its_flags(self):
        case("A1", dt.date(2025, 3, 1), group=True)
        case("A2", dt.date(2025, 12, 31), repeated=True, malicious=True)
        case("A3", dt.date(2024, 12, 31), malicious=True)
        case("A4", dt.date(2026, 1, 1), group=True)
        stored = value("P1", 2025)
        assert stored.value == 2 and stored.status == "behind"

    def test_flagging_a_case_moves_the_indicator(self):
        item = case("A1", dt.date(2025, 3, 1))
        assert value("P1", 2025).value == 0
        item.malicious = True
        item.save()
        assert value("P1", 2025).value == 1


class TestP2:
    def test_share_of_satisfied_responses(self):
        survey = Survey.objects.create(year=2025, title="2025年调查")
        SurveyResponse.objects.bulk_create(
            [SurveyResponse(survey=survey, respondent_ref=str(i), satisfied=i < 17) for i in range(20)]
        )
        stored = value("P2", 2025)
        assert stored.value == Decimal(85) and stored.status == "achieved"
        assert (stored.numerator, stored.denominator) == (17, 20)

    def test_reported_result_takes_precedence(self):
        survey = Survey.objects.create(
            year=2025, title="2025年调查", source="市统计局", reported_result=Decimal("91.5")
        )
        SurveyResponse.objects.create(survey=survey, respondent_ref="1", satisfied=False)
        assert value("P2", 2025).value == Decimal("91.5")

    def test_no_survey_is_no_data_with_the_reason(self):
        stored = value("P2", 2025)
        assert stored.value is None and stored.reason == "no_survey"

    def test_survey_without_responses_is_no_data(self):
        Survey.objects.create(year=2025, title="2025年调查")
        assert value("P2", 2025).value is None


def test_case_import_and_reimport(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "案号,案件名称,案件类型,知识产权类型,受理日期,结案日期,群体性,反复侵权,恶意侵权\n"
        "荆知裁〔2025〕1号,某专利侵权纠纷,专利侵权纠纷行政裁决,专利,2025-03-02,2025-06-30,否,是,否\n"
        "荆市监〔2025〕8号,假冒商标案,行政执法,商标,2025/5/6,,否,否,否\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("import_records", "cases", str(path), "--lang", "en", stdout=out)
    assert "2 new" in out.getvalue()
    assert Case.objects.flagged().count() == 1
    call_command("import_records", "cases", str(path), "--lang", "en", stdout=out)
    assert "2 unchanged" in out.getvalue()


def test_case_closing_before_acceptance_is_refused(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "案号,案件名称,案件类型,知识产权类型,受理日期,结案日期\nX1,名称,调解,专利,2025-03-02,2025-01-01\n",
        encoding="utf-8",
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_records", "cases", str(path), "--lang", "en", stdout=StringIO(), stderr=err)
    assert "row 2" in err.getvalue() and not Case.objects.exists()


def test_survey_responses_import_creates_the_survey(tmp_path):
    path = tmp_path / "responses.csv"
    rows = "\n".join(f"2025,Q{i:03d},{'是' if i < 9 else '否'},企业" for i in range(10))
    path.write_text("调查年份,问卷编号,是否满意,受访群体\n" + rows + "\n", encoding="utf-8")
    call_command("import_records", "survey_responses", str(path), "--lang", "en", stdout=StringIO())
    survey = Survey.objects.get(year=2025)
    assert survey.responses.count() == 10
    assert value("P2", 2025).value == Decimal(90)


def test_official_enters_a_response_and_duplicates_are_refused(official_client):
    survey = Survey.objects.create(year=2025, title="2025年调查")
    url = reverse("enforcement:survey-response-create", args=[survey.pk])
    assert official_client.post(url, {"respondent_ref": "Q1", "satisfied": "on"}).status_code == 302
    response = official_client.post(url, {"respondent_ref": "Q1"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "already entered" in response.content.decode()
    assert survey.responses.count() == 1


@pytest.mark.parametrize("name", ["enforcement:case-list", "enforcement:survey-list", "enforcement:case-create"])
def test_enterprise_user_cannot_reach_protection_pages(client_a, name):
    assert client_a.get(reverse(name)).status_code == 403


def test_enterprise_user_cannot_add_survey_responses(client_a):
    survey = Survey.objects.create(year=2025, title="2025年调查")
    assert (
        client_a.post(
            reverse("enforcement:survey-response-create", args=[survey.pk]), {"respondent_ref": "Q"}
        ).status_code
        == 403
    )


def test_official_filters_flagged_cases(official_client):
    case("A1", dt.date(2025, 3, 1), group=True)
    case("A2", dt.date(2025, 3, 1))
    content = official_client.get(reverse("enforcement:case-list"), {"flagged": "1", "year": 2025}).content.decode()
    assert 'data-count="1"' in content and "A1" in content


def test_api_lists_cases_for_token_clients(api_token):
    case("A1", dt.date(2025, 3, 1))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    assert client.get("/api/v1/cases/").json()["count"] == 1
