"""The IP record lists: patents, trademarks and the simpler rights (import-formats.md and
docs/import-formats-extra.md). Holders are matched to park enterprises by credit code."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from core.importing.engine import Column, ImportKind, ImportResult, RowInvalid
from core.importing.values import ImportValueError, clean_text, parse_bool, parse_choice, parse_date, parse_int
from ipportal.coded import coded

from ..codes import normalize_patent_number, patent_type_of
from ..matching import enterprise_ids, patents_changed
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
from .enterprises import parse_credit_code

YES_NO = {True: "是", False: "否"}


def parse_patent_number(raw) -> str:
    try:
        return normalize_patent_number(clean_text(raw))
    except ValidationError as error:
        raise ImportValueError(" ".join(error.messages)) from None


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
        "invention": PatentType.INVENTION,
        "utility_model": PatentType.UTILITY_MODEL,
        "utility model": PatentType.UTILITY_MODEL,
        "design": PatentType.DESIGN,
    }
)
PATENT_TYPE_LABELS = {PatentType.INVENTION: "发明", PatentType.UTILITY_MODEL: "实用新型", PatentType.DESIGN: "外观设计"}

parse_legal_status = parse_choice(
    {
        "有效": LegalStatus.VALID,
        "失效": LegalStatus.LAPSED,
        "审中": LegalStatus.PENDING,
        "驳回": LegalStatus.REJECTED,
        "撤回": LegalStatus.WITHDRAWN,
        **{status.value: status for status in LegalStatus},
    }
)
LEGAL_STATUS_LABELS = {
    LegalStatus.VALID: "有效",
    LegalStatus.LAPSED: "失效",
    LegalStatus.PENDING: "审中",
    LegalStatus.REJECTED: "驳回",
    LegalStatus.WITHDRAWN: "撤回",
}

parse_trademark_status = parse_choice(
    {
        "有效": TrademarkStatus.VALID,
        "无效": TrademarkStatus.INVALID,
        "注销": TrademarkStatus.CANCELLED,
        **{status.value: status for status in TrademarkStatus},
    }
)
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
    """Sets each row's park enterprise from its holder's credit code, a chunk at a time."""

    code_field = "holder_credit_code"

    def write_chunk(self, rows: list[dict[str, Any]], result: ImportResult) -> None:
        ids = enterprise_ids(row.get(self.code_field, "") for row in rows)
        outside = 0
        for row in rows:
            if self.code_field not in row:
                continue  # the file has no credit-code column: leave the match as it is
            row["enterprise_id"] = ids.get(row[self.code_field])
            outside += row["enterprise_id"] is None
        for row in rows:
            row["reconciled"] = True  # an imported row confirms a record an enterprise filing declared
        result.extra["not_in_park"] = result.extra.get("not_in_park", 0) + outside
        super().write_chunk(rows, result)


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
        Column("application_number", "申请号", required=True, parse=parse_patent_number),
        Column("title", "专利名称", required=True),
        Column("patent_type", "专利类型", parse=parse_patent_type),
        Column("application_date", "申请日", required=True, parse=parse_date),
        Column("grant_date", "授权公告日", parse=parse_date),
        Column("holder_name", "专利权人", required=True),
        Column("credit_code", "统一社会信用代码", parse=parse_credit_code),
        Column("legal_status", "法律状态", required=True, parse=parse_legal_status),
        Column("lapse_date", "失效日", parse=parse_date),
        Column("pct_number", "PCT申请号", parse=parse_pct_number),
        Column("pct_filing_date", "PCT申请日", parse=parse_date),
        Column("strategic_emerging", "战略性新兴产业", parse=parse_bool),
        Column("overseas_family", "海外同族", parse=parse_bool),
        Column("status_date", "法律状态日", parse=parse_date),
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
        patents_changed()
        if result.keys:
            result.warnings.append(
                ngettext(
                    "%(count)d lapsed patent has neither a lapse date nor a status date: it counts as not in force "
                    'in every year and is listed as "lapse date unknown" beside C3 and C4.',
                    "%(count)d lapsed patents have neither a lapse date nor a status date: they count as not in "
                    'force in every year and are listed as "lapse date unknown" beside C3 and C4.',
                    len(result.keys),
                )
                % {"count": len(result.keys)}
            )

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
        Column("registration_number", "注册号", required=True, parse=parse_registration_number),
        Column("mark", "商标名称", required=True),
        Column("nice_class", "国际分类", required=True, parse=parse_nice_class),
        Column("application_date", "申请日", parse=parse_date),
        Column("registration_date", "注册日", required=True, parse=parse_date),
        Column("expiry_date", "专用期限截止日", parse=parse_date),
        Column("holder_name", "注册人", required=True),
        Column("credit_code", "统一社会信用代码", parse=parse_credit_code),
        Column("status", "商标状态", required=True, parse=parse_trademark_status),
        Column("geographical_indication", "地理标志", parse=parse_bool),
        Column("invalid_date", "无效/注销日", parse=parse_date),
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
                raise RowInvalid("invalid_date", _("the invalidation or cancellation date is before the registration"))
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
        Column("credit_code", "统一社会信用代码", parse=parse_credit_code),
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
        Column("credit_code", "统一社会信用代码", parse=parse_credit_code),
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
        Column("credit_code", "统一社会信用代码", parse=parse_credit_code),
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
