"""Cases and survey responses as lists (docs/import-formats-extra.md)."""

from typing import Any

from django.utils.translation import gettext_lazy, gettext_noop

from core.importing import Column, ImportKind, ImportResult, RowInvalid
from core.importing.merge import merge
from core.importing.values import parse_bool, parse_choice, parse_date, parse_positive_int
from ipportal.coded import coded

from .models import Case, Survey, SurveyResponse

KIND_LABELS = {
    Case.Kind.ADMINISTRATIVE: "行政执法",
    Case.Kind.ADJUDICATION: "专利侵权纠纷行政裁决",
    Case.Kind.JUDICIAL: "司法案件",
    Case.Kind.MEDIATION: "调解",
    Case.Kind.ARBITRATION: "仲裁",
}
IP_TYPE_LABELS = {
    Case.IPType.PATENT: "专利",
    Case.IPType.TRADEMARK: "商标",
    Case.IPType.COPYRIGHT: "著作权",
    Case.IPType.TRADE_SECRET: "商业秘密",
    Case.IPType.OTHER: "其他",
}
STAGE_LABELS = {Case.Stage.ACCEPTED: "已受理", Case.Stage.INVESTIGATING: "调查中", Case.Stage.CLOSED: "已结案"}
YES_NO = {True: "是", False: "否"}


def labelled_choice(labels: dict, choices) -> callable:
    return parse_choice({**{label: value for value, label in labels.items()}, **{c.value: c for c in choices}})


class CaseImport(ImportKind):
    name = "cases"
    label = gettext_lazy("Enforcement cases")
    model = Case
    key_fields = ("case_number",)
    columns = [
        Column("case_number", "案号", required=True),
        Column("title", "案件名称", required=True),
        Column("kind", "案件类型", required=True, parse=labelled_choice(KIND_LABELS, Case.Kind)),
        Column("ip_type", "知识产权类型", required=True, parse=labelled_choice(IP_TYPE_LABELS, Case.IPType)),
        Column("claimant", "权利人/申请人"),
        Column("respondent", "被申请人/当事人"),
        Column("filed_date", "受理日期", required=True, parse=parse_date),
        Column("closed_date", "结案日期", parse=parse_date),
        Column("stage", "办理阶段", parse=labelled_choice(STAGE_LABELS, Case.Stage)),
        Column("outcome", "处理结果"),
        Column("group", "群体性", parse=parse_bool),
        Column("repeated", "反复侵权", parse=parse_bool),
        Column("malicious", "恶意侵权", parse=parse_bool),
    ]

    def clean_row(self, values: dict) -> dict:
        if values.get("closed_date") and values["closed_date"] < values["filed_date"]:
            raise RowInvalid("closed_date", coded(gettext_noop("the case closes before it was accepted")))
        fields = {}
        for name, value in values.items():
            if name in {"group", "repeated", "malicious"}:
                fields[name] = bool(value)
            elif name in {"claimant", "respondent", "outcome"}:
                fields[name] = value or ""
            elif name == "stage":
                fields[name] = value or Case.Stage.ACCEPTED
            else:
                fields[name] = value
        return fields

    def export_row(self, case: Case) -> list:
        return [
            case.case_number,
            case.title,
            KIND_LABELS[case.kind],
            IP_TYPE_LABELS[case.ip_type],
            case.claimant,
            case.respondent,
            case.filed_date.isoformat(),
            case.closed_date.isoformat() if case.closed_date else "",
            STAGE_LABELS[case.stage],
            case.outcome,
            YES_NO[case.group],
            YES_NO[case.repeated],
            YES_NO[case.malicious],
        ]


class SurveyResponseImport(ImportKind):
    """Questionnaires of the year's survey; the survey is created for a year that has none."""

    name = "survey_responses"
    label = gettext_lazy("Satisfaction survey responses")
    model = SurveyResponse
    key_fields = ("year", "respondent_ref")
    columns = [
        Column("year", "调查年份", label=gettext_lazy("survey year"), required=True, parse=parse_positive_int),
        Column("respondent_ref", "问卷编号", required=True),
        Column("satisfied", "是否满意", required=True, parse=parse_bool),
        Column("respondent_group", "受访群体"),
        Column("answered_on", "填写日期", parse=parse_date),
    ]

    def clean_row(self, values: dict) -> dict:
        fields = {"year": values["year"], "respondent_ref": values["respondent_ref"], "satisfied": values["satisfied"]}
        if "respondent_group" in values:
            fields["respondent_group"] = values["respondent_group"] or ""
        if "answered_on" in values:
            fields["answered_on"] = values["answered_on"]
        return fields

    def write_chunk(self, rows: list[dict[str, Any]], result: ImportResult) -> None:
        surveys = {}
        for year in {row["year"] for row in rows}:
            surveys[year], _created = Survey.objects.get_or_create(
                year=year, defaults={"title": f"{year}年知识产权保护社会满意度调查"}
            )
        for row in rows:
            row["survey_id"] = surveys[row.pop("year")].pk
        new, updated, unchanged = merge(SurveyResponse, ("survey_id", "respondent_ref"), rows)
        result.new += new
        result.updated += updated
        result.unchanged += unchanged
