"""The IP record lists: patents, trademarks and the simpler rights (import-formats.md and
docs/import-formats-extra.md). Holders are matched to park enterprises by credit code."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy, gettext_noop, ngettext_lazy

from core.importing.engine import Column, ImportKind, ImportResult, RowInvalid
from core.importing.values import ImportValueError, clean_text, parse_bool, parse_choice, parse_date, parse_int
from ipportal.coded import coded, coded_plural, from_validation_error

from ..codes import check_number_year, normalize_patent_number, patent_type_of
from ..matching import MATCH_LABELS, finish_holder_matching, match_holders, patents_changed
from ..models import (
    Copyright,
    GIProduct,
    ICLayoutDesign,
    LegalStatus,
    Patent,
    PatentType,
    PlantVariety,
    Trademark,
    TrademarkStatus,
    default_expiry,
)
from .enterprises import CREDIT_CODE_SYNONYMS, credit_code_column

YES_NO = {True: "是", False: "否"}
# The holder's credit code, as every list of rights names it.
HOLDER_CODE = credit_code_column(synonyms=(*CREDIT_CODE_SYNONYMS, "企业统一社会信用代码"))


# The warning after an import with lapsed patents that have no date (singular, plural), stored coded.
LAPSED_WITHOUT_DATE = (
    "%(count)d lapsed patent has neither a lapse date nor a status date: it counts as not in force "
    'in every year and is listed as "lapse date unknown" beside C3 and C4.',
    "%(count)d lapsed patents have neither a lapse date nor a status date: they count as not in "
    'force in every year and are listed as "lapse date unknown" beside C3 and C4.',
)
ngettext_lazy(*LAPSED_WITHOUT_DATE, "count")  # marks the pair for makemessages


def patent_number_text(raw) -> str:
    """The digits a number cell meant as an application number: 202310123457.0 keeps its check
    digit 0; 262311.0 (00262311.0 typed as a number) gets its leading zeros back."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return clean_text(raw)
    if isinstance(raw, float) and round(raw, 1) != raw:
        raise ImportValueError(coded(gettext_noop("a number with more than one decimal is not an application number")))
    whole = int(raw)
    if (isinstance(raw, float) and not raw.is_integer()) or len(str(whole)) in (12, 8, 7, 6):
        # 12 (or 8) digits and the check digit after the dot: a whole number lost a check digit 0.
        return f"{raw:.1f}".zfill(10) if len(str(whole)) < 8 else f"{raw:.1f}"
    return str(whole).zfill(9) if len(str(whole)) < 9 else str(whole)  # the dot was left out


def parse_patent_number(raw) -> str:
    try:
        return normalize_patent_number(patent_number_text(raw))
    except ValidationError as error:
        raise ImportValueError(from_validation_error(error)) from None


PCT_NUMBER = re.compile(r"^PCT/[A-Z]{2}(\d{4}/\d{6}|\d{2}/\d{5})$")


def parse_pct_number(raw) -> str:
    text = "".join(clean_text(raw).upper().split())
    if not PCT_NUMBER.match(text):
        raise ImportValueError(coded(gettext_noop("not a PCT application number such as PCT/CN2023/123456")))
    return text


parse_patent_type = parse_choice(
    {
        "发明": PatentType.INVENTION,
        "实用新型": PatentType.UTILITY_MODEL,
        "外观设计": PatentType.DESIGN,
        "发明专利": PatentType.INVENTION,
        "发明申请": PatentType.INVENTION,
        "发明授权": PatentType.INVENTION,
        "实用新型专利": PatentType.UTILITY_MODEL,
        "外观设计专利": PatentType.DESIGN,
        "外观": PatentType.DESIGN,
        "invention": PatentType.INVENTION,
        "utility_model": PatentType.UTILITY_MODEL,
        "utility model": PatentType.UTILITY_MODEL,
        "design": PatentType.DESIGN,
    }
)
PATENT_TYPE_LABELS = {PatentType.INVENTION: "发明", PatentType.UTILITY_MODEL: "实用新型", PatentType.DESIGN: "外观设计"}

# The status words real lists use (the patent office's search and statistics systems,
# commercial databases), each mapped to one of the five states (README, "Status words").
LEGAL_STATUS_WORDS = {
    LegalStatus.VALID: ["有效", "有权", "授权", "专利权维持", "维持", "授权有效", "有效专利"],
    LegalStatus.LAPSED: [
        "失效",
        "无权",
        "专利权终止",
        "未缴年费专利权终止",
        "未缴年费终止",
        "期限届满",
        "专利权期限届满",
        "放弃专利权",
        "避免重复授权放弃专利权",
        "全部无效",
        "专利权全部无效",
        "终止",
    ],
    LegalStatus.PENDING: ["审中", "公开", "实质审查", "实审", "在审", "实质审查的生效", "审查中", "申请中", "待审"],
    LegalStatus.REJECTED: ["驳回", "申请驳回", "发明专利申请公布后的驳回"],
    LegalStatus.WITHDRAWN: ["撤回", "视为撤回", "主动撤回", "申请撤回", "视为放弃", "发明专利申请公布后的视为撤回"],
}


def status_parser(words: dict[str, list[str]], what: str):
    """A parser of status words that names an unknown word in its refusal."""
    known = {clean_text(word).casefold(): state for state, spellings in words.items() for word in spellings}
    known.update({str(state).casefold(): state for state in words})
    exact = {word: state for state, spellings in words.items() for word in spellings}

    def parse(raw) -> str:
        if raw in exact:  # the common spellings exactly as written
            return exact[raw]
        word = clean_text(raw)
        state = known.get(word.casefold()) or known.get("".join(word.split()).casefold())
        if state is None:
            raise ImportValueError(
                coded(
                    gettext_noop("“%(word)s” is not a %(what)s this portal knows; known words: %(words)s"),
                    word=word,
                    what=what,
                    words="、".join(spellings[0] for spellings in words.values()),
                )
            )
        return state

    return parse


parse_legal_status = status_parser(LEGAL_STATUS_WORDS, gettext_lazy("legal status"))
LEGAL_STATUS_LABELS = {
    LegalStatus.VALID: "有效",
    LegalStatus.LAPSED: "失效",
    LegalStatus.PENDING: "审中",
    LegalStatus.REJECTED: "驳回",
    LegalStatus.WITHDRAWN: "撤回",
}

TRADEMARK_STATUS_WORDS = {
    TrademarkStatus.VALID: ["有效", "注册", "已注册", "注册商标", "商标已注册", "续展"],
    TrademarkStatus.INVALID: ["无效", "已无效", "宣告无效", "撤销", "已撤销", "期满未续展", "失效"],
    TrademarkStatus.CANCELLED: ["注销", "已注销", "商标注销"],
}
parse_trademark_status = status_parser(TRADEMARK_STATUS_WORDS, gettext_lazy("trademark status"))
TRADEMARK_STATUS_LABELS = {
    TrademarkStatus.VALID: "有效",
    TrademarkStatus.INVALID: "无效",
    TrademarkStatus.CANCELLED: "注销",
}


def parse_registration_number(raw) -> str:
    text = clean_text(raw)
    if not (text.isdigit() and 1 <= len(text) <= 9):
        raise ImportValueError(coded(gettext_noop("a trademark registration number has 1 to 9 digits")))
    return text


def parse_nice_class(raw) -> int:
    value = parse_int(raw)
    if not 1 <= value <= 45:
        raise ImportValueError(coded(gettext_noop("a Nice class is between 1 and 45")))
    return value


def iso(day) -> str:
    return day.isoformat() if day else ""


class HolderMatching:
    """Sets each row's park enterprise from its holder's credit code or its holders' names
    (enterprises.matching), a chunk at a time; links co-holders once the file is stored."""

    code_field = "holder_credit_code"
    name_field = "holder_name"
    extra_labels = MATCH_LABELS

    def write_chunk(self, rows: list[dict[str, Any]], result: ImportResult) -> None:
        match_holders(rows, self.name_field, self.code_field, result, self.key_fields)
        for row in rows:
            row["reconciled"] = True  # an imported row confirms a record an enterprise filing declared
        super().write_chunk(rows, result)

    def after_import(self, result: ImportResult) -> None:
        finish_holder_matching(self.model, result, self.key_fields)
        super().after_import(result)


def holder_fields(values: dict) -> dict:
    fields = {"holder_name": values["holder_name"]}
    if "credit_code" in values:
        fields["holder_credit_code"] = values["credit_code"] or ""
    return fields


class PatentImport(HolderMatching, ImportKind):
    name = "patents"
    label = gettext_lazy("Patents")
    model = Patent
    key_fields = ("application_number",)
    columns = [
        Column(
            "application_number",
            "申请号",
            required=True,
            parse=parse_patent_number,
            synonyms=("专利申请号", "申请号/专利号", "专利号", "申请(专利)号", "application no"),
        ),
        Column("title", "专利名称", required=True, synonyms=("发明名称", "发明创造名称", "名称", "标题")),
        Column("patent_type", "专利类型", parse=parse_patent_type, synonyms=("专利种类", "申请类型", "类型")),
        Column("application_date", "申请日", required=True, parse=parse_date, synonyms=("申请日期", "申请时间")),
        Column("grant_date", "授权公告日", parse=parse_date, synonyms=("授权公告日期", "授权日", "授权日期")),
        Column(
            "holder_name",
            "专利权人",
            required=True,
            synonyms=(
                "申请(专利权)人",
                "专利权人/申请人",
                "申请人/专利权人",
                "当前权利人",
                "当前专利权人",
                "权利人",
                "申请人",
            ),
        ),
        HOLDER_CODE,
        Column(
            "legal_status",
            "法律状态",
            required=True,
            parse=parse_legal_status,
            synonyms=("当前法律状态", "法律状态/事件", "专利状态", "案件状态", "状态"),
        ),
        Column("lapse_date", "失效日", parse=parse_date, synonyms=("失效日期", "终止日", "权利终止日")),
        Column("pct_number", "PCT申请号", parse=parse_pct_number, synonyms=("国际申请号",)),
        Column("pct_filing_date", "PCT申请日", parse=parse_date, synonyms=("国际申请日",)),
        Column("strategic_emerging", "战略性新兴产业", parse=parse_bool, synonyms=("是否战略性新兴产业",)),
        Column("overseas_family", "海外同族", parse=parse_bool, synonyms=("是否有海外同族",)),
        Column(
            "status_date",
            "法律状态日",
            label=gettext_lazy("legal status date"),
            parse=parse_date,
            synonyms=("法律状态公告日", "状态日期"),
        ),
    ]

    def clean_row(self, values: dict) -> dict:
        number = values["application_number"]
        derived = patent_type_of(number)
        if values.get("patent_type") and values["patent_type"] != derived:
            raise RowInvalid(
                "patent_type",
                coded(
                    gettext_noop("disagrees with the number %(number)s, whose type is %(derived)s"),
                    number=number,
                    derived=PatentType(derived).label,
                ),
            )
        applied, granted, lapsed = values["application_date"], values.get("grant_date"), values.get("lapse_date")
        if values["legal_status"] == LegalStatus.LAPSED and not lapsed and values.get("status_date"):
            lapsed = values["lapse_date"] = values["status_date"]  # the day the status changed to lapsed
        mismatch = check_number_year(number, applied)
        if mismatch:
            raise RowInvalid("application_date", mismatch)
        if granted and granted < applied:
            raise RowInvalid("grant_date", coded(gettext_noop("the grant date is before the application date")))
        if lapsed and (granted or applied) > lapsed:
            raise RowInvalid("lapse_date", coded(gettext_noop("the lapse date is before the grant date")))
        if values.get("pct_number") and not values.get("pct_filing_date"):
            raise RowInvalid("pct_filing_date", coded(gettext_noop("required when a PCT application number is given")))
        digits = number.split(".")[0]
        fields = {
            "application_number": number,
            "patent_type": derived,
            "pct_entry": (digits[4] if len(digits) == 12 else digits[2]) in "89",
            "title": values["title"],
            "application_date": applied,
            "legal_status": values["legal_status"],
            **holder_fields(values),
        }
        for name in ("grant_date", "lapse_date", "pct_filing_date"):
            if name in values:
                fields[name] = values[name]
        if "pct_number" in values:
            fields["pct_number"] = values["pct_number"] or ""
        for name in ("strategic_emerging", "overseas_family"):
            if name in values:
                fields[name] = bool(values[name])
        return fields

    def write_chunk(self, rows: list[dict[str, Any]], result: ImportResult) -> None:
        # Lapsed with neither a lapse date nor a status date: stored, counted as not in force in
        # every year, and named in a warning (their numbers kept in result.keys until then).
        result.keys.update(
            row["application_number"]
            for row in rows
            if row["legal_status"] == LegalStatus.LAPSED and not row.get("lapse_date")
        )
        super().write_chunk(rows, result)

    def after_import(self, result: ImportResult) -> None:
        super().after_import(result)
        patents_changed()
        if result.keys:
            result.warnings.append(coded_plural(*LAPSED_WITHOUT_DATE, len(result.keys), count=len(result.keys)))

    def export_row(self, patent: Patent) -> list:
        return [
            patent.application_number,
            patent.title,
            PATENT_TYPE_LABELS[patent.patent_type],
            iso(patent.application_date),
            iso(patent.grant_date),
            patent.holder_name,
            patent.holder_credit_code,
            LEGAL_STATUS_LABELS[patent.legal_status],
            iso(patent.lapse_date),
            patent.pct_number,
            iso(patent.pct_filing_date),
            YES_NO[patent.strategic_emerging],
            YES_NO[patent.overseas_family],
            "",  # the status date only supplies a missing lapse date
        ]


class TrademarkImport(HolderMatching, ImportKind):
    name = "trademarks"
    label = gettext_lazy("Trademarks")
    model = Trademark
    key_fields = ("registration_number", "nice_class")
    columns = [
        Column(
            "registration_number",
            "注册号",
            required=True,
            parse=parse_registration_number,
            synonyms=("商标注册号", "注册号/申请号", "申请号/注册号", "注册/申请号"),
        ),
        Column("mark", "商标名称", required=True, synonyms=("商标", "商标名")),
        Column(
            "nice_class",
            "国际分类",
            required=True,
            parse=parse_nice_class,
            synonyms=("国际分类号", "商品类别", "类别", "类号"),
        ),
        Column("application_date", "申请日", parse=parse_date, synonyms=("申请日期",)),
        Column(
            "registration_date",
            "注册日",
            required=True,
            parse=parse_date,
            synonyms=("注册公告日", "注册日期", "注册公告日期"),
        ),
        Column(
            "expiry_date",
            "专用期限截止日",
            parse=parse_date,
            synonyms=("专用权期限截止日", "专用期限至", "专用权到期日", "有效期至"),
        ),
        Column(
            "holder_name",
            "注册人",
            required=True,
            synonyms=("商标注册人", "申请人/注册人", "注册人/申请人", "权利人", "申请人"),
        ),
        HOLDER_CODE,
        Column(
            "status", "商标状态", required=True, parse=parse_trademark_status, synonyms=("当前状态", "法律状态", "状态")
        ),
        Column("geographical_indication", "地理标志", parse=parse_bool, synonyms=("是否地理标志",)),
        Column("invalid_date", "无效/注销日", parse=parse_date, synonyms=("无效日期", "注销日期", "无效日", "注销日")),
    ]

    def clean_row(self, values: dict) -> dict:
        registered = values["registration_date"]
        expiry = values.get("expiry_date") or default_expiry(registered)
        if expiry < registered:
            raise RowInvalid("expiry_date", coded(gettext_noop("the expiry date is before the registration date")))
        applied = values.get("application_date")
        if applied and applied > registered:
            raise RowInvalid(
                "application_date", coded(gettext_noop("the application date is after the registration date"))
            )
        fields = {
            "registration_number": values["registration_number"],
            "nice_class": values["nice_class"],
            "mark": values["mark"],
            "registration_date": registered,
            "expiry_date": expiry,
            "status": values["status"],
            **holder_fields(values),
        }
        if "application_date" in values:
            fields["application_date"] = applied
        if "geographical_indication" in values:
            fields["geographical_indication"] = bool(values["geographical_indication"])
        if "invalid_date" in values:
            ended = values["invalid_date"]
            if ended and ended < registered:
                raise RowInvalid(
                    "invalid_date",
                    coded(gettext_noop("the invalidation or cancellation date is before the registration")),
                )
            fields["invalid_date"] = ended
        return fields

    def export_row(self, mark: Trademark) -> list:
        return [
            mark.registration_number,
            mark.mark,
            mark.nice_class,
            iso(mark.application_date),
            iso(mark.registration_date),
            iso(mark.expiry_date),
            mark.holder_name,
            mark.holder_credit_code,
            TRADEMARK_STATUS_LABELS[mark.status],
            YES_NO[mark.geographical_indication],
            iso(mark.invalid_date),
        ]


parse_copyright_kind = parse_choice(
    {
        "软件": Copyright.Kind.SOFTWARE,
        "作品": Copyright.Kind.WORK,
        "software": Copyright.Kind.SOFTWARE,
        "work": Copyright.Kind.WORK,
    }
)


class SimpleRightImport(HolderMatching, ImportKind):
    """Copyrights, IC layout designs and plant varieties: number, title, date, holder."""

    key_fields = ("registration_number",)
    extra_fields: tuple[str, ...] = ()

    def clean_row(self, values: dict) -> dict:
        fields = {
            "registration_number": values["registration_number"],
            "title": values["title"],
            "registration_date": values["registration_date"],
            **holder_fields(values),
        }
        for name in self.extra_fields:
            if name in values and values[name] is not None:
                fields[name] = values[name]
        return fields

    def export_row(self, record) -> list:
        row = []
        for column in self.columns:
            name = {"credit_code": "holder_credit_code"}.get(column.key, column.key)
            value = getattr(record, name)
            if name == "kind":
                value = {"software": "软件", "work": "作品"}[value]
            row.append(iso(value) if hasattr(value, "isoformat") else ("" if value is None else value))
        return row


class CopyrightImport(SimpleRightImport):
    name = "copyrights"
    label = gettext_lazy("Copyright registrations")
    model = Copyright
    extra_fields = ("kind",)
    columns = [
        Column("registration_number", "登记号", required=True),
        Column("title", "作品名称", required=True),
        Column("kind", "类别", parse=parse_copyright_kind),
        Column("registration_date", "登记日期", required=True, parse=parse_date),
        Column("holder_name", "著作权人", required=True),
        HOLDER_CODE,
    ]


class ICLayoutImport(SimpleRightImport):
    name = "iclayouts"
    label = gettext_lazy("IC layout designs")
    model = ICLayoutDesign
    extra_fields = ("application_date",)
    columns = [
        Column("registration_number", "登记号", required=True),
        Column("title", "布图设计名称", required=True),
        Column("application_date", "申请日", parse=parse_date),
        Column("registration_date", "公告日", required=True, parse=parse_date),
        Column("holder_name", "权利人", required=True),
        HOLDER_CODE,
    ]


class PlantVarietyImport(SimpleRightImport):
    name = "plantvarieties"
    label = gettext_lazy("Plant variety rights")
    model = PlantVariety
    extra_fields = ("crop",)
    columns = [
        Column("registration_number", "品种权号", required=True),
        Column("title", "品种名称", required=True),
        Column("crop", "属或者种"),
        Column("registration_date", "授权日", required=True, parse=parse_date),
        Column("holder_name", "品种权人", required=True),
        HOLDER_CODE,
    ]


class GIProductImport(ImportKind):
    name = "giproducts"
    label = gettext_lazy("GI protected products")
    model = GIProduct
    key_fields = ("registration_number",)
    columns = [
        Column("registration_number", "公告号", required=True),
        Column("title", "产品名称", required=True),
        Column("region", "保护范围"),
        Column("approval_date", "批准日", required=True, parse=parse_date),
        Column("revoked_date", "撤销日", parse=parse_date),
    ]

    def clean_row(self, values: dict) -> dict:
        fields = {k: v for k, v in values.items() if k in {"registration_number", "title", "approval_date"}}
        if "region" in values:
            fields["region"] = values["region"] or ""
        if "revoked_date" in values:
            if values["revoked_date"] and values["revoked_date"] < values["approval_date"]:
                raise RowInvalid("revoked_date", coded(gettext_noop("the revocation is before the approval")))
            fields["revoked_date"] = values["revoked_date"]
        return fields

    def export_row(self, product: GIProduct) -> list:
        return [
            product.registration_number,
            product.title,
            product.region,
            iso(product.approval_date),
            iso(product.revoked_date),
        ]
