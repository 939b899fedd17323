"""The certification and honour lists (docs/import-formats-extra.md): rows name a park enterprise by credit code."""

from django.utils.translation import gettext_lazy, gettext_noop

from core.importing.engine import Column, ImportKind, RowInvalid
from core.importing.values import ImportValueError, clean_text, parse_choice, parse_date, parse_int
from ipportal.coded import coded

from ..models import Certification, Enterprise, Honour
from .enterprises import credit_code_column, enterprise_name_column


def park_enterprise_id(code: str, column: str = "credit_code") -> int:
    """The id of the park enterprise with this credit code; the row is invalid without one.

    One indexed lookup per row: these lists have tens or hundreds of rows, not millions.
    """
    found = Enterprise.objects.filter(credit_code=code).values_list("id", flat=True).first()
    if found is None:
        raise RowInvalid(column, coded(gettext_noop("no park enterprise has this credit code")))
    return found


STANDARD_LABELS = {Certification.Standard.GBT_29490: "GB/T 29490", Certification.Standard.ISO_56005: "ISO 56005"}
parse_standard = parse_choice(
    {
        "GB/T 29490": Certification.Standard.GBT_29490,
        "GB/T29490": Certification.Standard.GBT_29490,
        "GBT29490": Certification.Standard.GBT_29490,
        "29490": Certification.Standard.GBT_29490,
        "企业知识产权管理规范": Certification.Standard.GBT_29490,
        "ISO 56005": Certification.Standard.ISO_56005,
        "ISO56005": Certification.Standard.ISO_56005,
        "56005": Certification.Standard.ISO_56005,
        "创新管理知识产权管理指南": Certification.Standard.ISO_56005,
        **{s.value: s for s in Certification.Standard},
    }
)

HONOUR_LABELS = {
    Honour.Kind.NATIONAL_ADVANTAGE: "国家知识产权优势企业",
    Honour.Kind.NATIONAL_DEMONSTRATION: "国家知识产权示范企业",
    Honour.Kind.PROVINCIAL_DEMONSTRATION: "省级知识产权示范建设企业",
    Honour.Kind.LITTLE_GIANT: "国家级专精特新小巨人企业",
}
parse_honour = parse_choice(
    {
        **{label: kind for kind, label in HONOUR_LABELS.items()},
        "湖北省知识产权示范建设企业": Honour.Kind.PROVINCIAL_DEMONSTRATION,
        "省知识产权示范企业": Honour.Kind.PROVINCIAL_DEMONSTRATION,
        "专精特新小巨人": Honour.Kind.LITTLE_GIANT,
        "小巨人": Honour.Kind.LITTLE_GIANT,
        **{k.value: k for k in Honour.Kind},
    }
)


def parse_year(raw) -> int:
    year = parse_int(str(clean_text(raw)).removesuffix("年"))
    if not 1990 <= year <= 2100:
        raise ImportValueError(coded(gettext_noop("not a year")))
    return year


class CertificationImport(ImportKind):
    name = "certifications"
    label = gettext_lazy("IP management certifications")
    model = Certification
    key_fields = ("standard", "certificate_number")
    columns = [
        credit_code_column(required=True),
        enterprise_name_column(),
        Column("standard", "认证标准", required=True, parse=parse_standard),
        Column("certificate_number", "证书编号", required=True, parse=lambda raw: clean_text(raw).upper()),
        Column("certification_body", "认证机构", required=True),
        Column("issue_date", "发证日期", required=True, parse=parse_date),
        Column("expiry_date", "有效期至", required=True, parse=parse_date),
    ]

    def clean_row(self, values: dict) -> dict:
        if values["expiry_date"] < values["issue_date"]:
            raise RowInvalid("expiry_date", coded(gettext_noop("the expiry date is before the issue date")))
        return {
            "enterprise_id": park_enterprise_id(values["credit_code"]),
            "standard": values["standard"],
            "certificate_number": values["certificate_number"],
            "certification_body": values["certification_body"],
            "issue_date": values["issue_date"],
            "expiry_date": values["expiry_date"],
        }

    def export_row(self, certification: Certification) -> list:
        return [
            certification.enterprise.credit_code,
            certification.enterprise.name,
            STANDARD_LABELS[certification.standard],
            certification.certificate_number,
            certification.certification_body,
            certification.issue_date.isoformat(),
            certification.expiry_date.isoformat(),
        ]


class HonourImport(ImportKind):
    name = "honours"
    label = gettext_lazy("Enterprise honours")
    model = Honour
    key_fields = ("enterprise_id", "kind", "year")
    columns = [
        credit_code_column(required=True),
        enterprise_name_column(),
        Column("kind", "荣誉称号", required=True, parse=parse_honour),
        Column("year", "认定年度", required=True, parse=parse_year),
        Column("document", "认定文件"),
    ]

    def clean_row(self, values: dict) -> dict:
        fields = {
            "enterprise_id": park_enterprise_id(values["credit_code"]),
            "kind": values["kind"],
            "year": values["year"],
        }
        if "document" in values:
            fields["document"] = values["document"] or ""
        return fields

    def export_row(self, honour: Honour) -> list:
        return [
            honour.enterprise.credit_code,
            honour.enterprise.name,
            HONOUR_LABELS[honour.kind],
            honour.year,
            honour.document,
        ]
