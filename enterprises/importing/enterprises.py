"""The enterprises list (import-formats.md, "Enterprises 企业")."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core.importing.engine import Column, ImportKind
from core.importing.values import (
    ImportValueError,
    parse_bool,
    parse_choice,
    parse_non_negative_int,
    parse_positive_int,
    parse_text,
)
from ipportal.coded import coded, from_validation_error

from ..matching import relink_by_name, relink_holders, split_former_names
from ..models import Enterprise, Industry, accepted_credit_code
from ..models.enterprises import TITLE_YEARS


def parse_credit_code(raw) -> str:
    """A valid code, or one failing its checksum that an official has accepted (models.accepted_credit_code)."""
    try:
        return accepted_credit_code(parse_text(raw))
    except ValidationError as error:
        raise ImportValueError(from_validation_error(error)) from None


def parse_title_year(raw) -> int:
    year = parse_positive_int(raw)
    if not 1980 <= year <= 2100:
        raise ImportValueError(coded(gettext_noop("not a year between 1980 and 2100")))
    return year


CREDIT_CODE_SYNONYMS = ("信用代码", "社会信用代码", "统一信用代码")

CREDIT_CODE_LABEL = _("Unified Social Credit Code")


def credit_code_column(
    header: str = "统一社会信用代码",
    *,
    required: bool = False,
    label=CREDIT_CODE_LABEL,
    synonyms: tuple[str, ...] = (),
) -> Column:
    """The column of a park enterprise's credit code as the lists of other kinds name it
    (`header`, `synonyms`), with its translated label (ImportKind.field_label)."""
    return Column("credit_code", header, label=label, required=required, parse=parse_credit_code, synonyms=synonyms)


def enterprise_name_column() -> Column:
    """The enterprise's name beside its credit code, for the reader only (the code matches it)."""
    return Column("enterprise_name", "企业名称", label=_("enterprise name"))


INDUSTRY_SPELLINGS = {
    "绿色化工": Industry.GREEN_CHEMICALS,
    "新能源新材料": Industry.NEW_ENERGY_MATERIALS,
    "高端装备制造": Industry.HIGH_END_EQUIPMENT,
    "生物医药": Industry.BIOMEDICINE,
    "其他": Industry.OTHER,
    "green chemicals": Industry.GREEN_CHEMICALS,
    "new energy & new materials": Industry.NEW_ENERGY_MATERIALS,
    "new energy and new materials": Industry.NEW_ENERGY_MATERIALS,
    "high-end equipment": Industry.HIGH_END_EQUIPMENT,
    "biomedicine": Industry.BIOMEDICINE,
    "other": Industry.OTHER,
    **{choice.value: choice for choice in Industry},
}
INDUSTRY_HEADER_VALUE = {value: label for label, value in list(INDUSTRY_SPELLINGS.items())[:5]}

parse_industry = parse_choice({k: str(v) for k, v in INDUSTRY_SPELLINGS.items()})


class EnterpriseImport(ImportKind):
    name = "enterprises"
    label = _("Enterprises")
    model = Enterprise
    key_fields = ("credit_code",)
    columns = [
        Column("name", "企业名称", required=True, synonyms=("单位名称", "公司名称", "名称")),
        Column(
            "credit_code",
            "统一社会信用代码",
            required=True,
            parse=parse_credit_code,
            synonyms=CREDIT_CODE_SYNONYMS,
        ),
        Column("former_names", "曾用名", synonyms=("曾用名称", "原名称", "原企业名称", "former names")),
        Column("industry", "所属产业", parse=parse_industry, synonyms=("产业", "所属行业", "行业")),
        Column("high_tech", "高新技术企业", parse=parse_bool),
        Column("specialised", "专精特新企业", parse=parse_bool),
        Column("little_giant", "专精特新小巨人", parse=parse_bool),
        Column("listing_reserve", "上市后备企业", parse=parse_bool),
        Column("tech_sme", "科技型中小企业", parse=parse_bool),
        Column(
            "ip_staff",
            "知识产权工作人员数",
            label=_("IP staff"),
            parse=parse_non_negative_int,
            synonyms=("知识产权人员数", "知识产权专职人员数", "知识产权工作人员"),
        ),
        Column("high_tech_year", "高新技术企业证书年份", parse=parse_title_year),
        Column("specialised_year", "专精特新认定年份", parse=parse_title_year),
        Column("little_giant_year", "小巨人认定年份", parse=parse_title_year),
        Column("listing_reserve_year", "上市后备入库年份", parse=parse_title_year),
    ]

    def clean_row(self, values: dict) -> dict:
        """Columns absent from the file leave their fields alone; empty cells mean unknown."""
        fields = {"name": values["name"], "credit_code": values["credit_code"]}
        if "former_names" in values:
            fields["former_names"] = "\n".join(split_former_names(values["former_names"]))
        if "industry" in values:
            fields["industry"] = values["industry"] or ""
        for flag in Enterprise.FLAGS:
            if flag in values:
                fields[flag] = bool(values[flag])
        if "ip_staff" in values:
            fields["ip_staff_count"] = values["ip_staff"]
        for flag, year_field in TITLE_YEARS.items():
            if year_field in values:
                fields[year_field] = values[year_field]
                if values[year_field] and flag not in values:
                    fields[flag] = True  # a year of recognition without the flag column: the title is held
        return fields

    def write_chunk(self, rows: list[dict], result) -> None:
        super().write_chunk(rows, result)
        result.keys.update(row["credit_code"] for row in rows)
        names = result.state.setdefault("names", set())
        for row in rows:
            names.add(row["name"])
            names.update(split_former_names(row.get("former_names", "")))

    def after_import(self, result) -> None:
        """Records imported before their enterprise existed become park records now: by credit
        code, and records without one by the enterprises' names and former names."""
        relink_holders(result.keys)
        relink_by_name(result.state.get("names", ()))

    def export_row(self, enterprise: Enterprise) -> list:
        """One row in the import format, so that an exported list re-imports unchanged."""
        yes_no = {True: "是", False: "否"}
        return [
            enterprise.name,
            enterprise.credit_code,
            "；".join(split_former_names(enterprise.former_names)),
            INDUSTRY_HEADER_VALUE.get(enterprise.industry, ""),
            *(yes_no[getattr(enterprise, flag)] for flag in Enterprise.FLAGS),
            "" if enterprise.ip_staff_count is None else enterprise.ip_staff_count,
            *(
                "" if getattr(enterprise, field) is None else getattr(enterprise, field)
                for field in TITLE_YEARS.values()
            ),
        ]
