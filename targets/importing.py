"""The yearly reference figures list (import-formats.md, "Yearly figures 年度基础数据")."""

from django.utils.translation import gettext_lazy, gettext_noop

from core.importing import Column, ImportKind, ImportResult
from core.importing.values import ImportValueError, parse_positive_int, parse_ten_thousand_yuan
from ipportal.coded import coded

from .models import YearlyFigure


def parse_year(raw) -> int:
    year = parse_positive_int(raw)
    if not 1990 <= year <= 2100:
        raise ImportValueError(coded(gettext_noop("not a year between 1990 and 2100")))
    return year


class YearlyFigureImport(ImportKind):
    name = "yearly"
    label = gettext_lazy("Yearly reference figures")
    model = YearlyFigure
    key_fields = ("year",)
    columns = [
        Column("year", "年份", required=True, parse=parse_year, synonyms=("年度",)),
        Column(
            "population", "常住人口", required=True, parse=parse_positive_int, synonyms=("常住人口数", "年末常住人口")
        ),
        Column(
            "public_budget_10k_cny",
            "一般公共预算支出(万元)",
            label=gettext_lazy("general public budget expenditure (10k CNY)"),
            parse=parse_ten_thousand_yuan,
        ),
        Column(
            "ip_funding_10k_cny",
            "知识产权工作经费(万元)",
            label=gettext_lazy("IP work funding (10k CNY)"),
            parse=parse_ten_thousand_yuan,
        ),
        Column(
            "rd_expenditure_10k_cny",
            "研发经费(万元)",
            label=gettext_lazy("R&D expenditure (10k CNY)"),
            parse=parse_ten_thousand_yuan,
        ),
    ]
    field_of = {
        "public_budget_10k_cny": "public_budget",
        "ip_funding_10k_cny": "ip_funding",
        "rd_expenditure_10k_cny": "rd_expenditure",
    }

    def clean_row(self, values: dict) -> dict:
        fields = {"year": values["year"], "population": values["population"]}
        for column, field in self.field_of.items():
            if column in values:
                fields[field] = values[column]
        return fields

    def write_chunk(self, rows: list[dict], result: ImportResult) -> None:
        for row in rows:
            result.warnings.extend(YearlyFigure(**row).implausibilities())
        super().write_chunk(rows, result)

    def export_row(self, figure: YearlyFigure) -> list:
        def ten_thousand(value):
            return "" if value is None else format((value / 10000).normalize(), "f")

        return [
            figure.year,
            figure.population or "",
            *(ten_thousand(getattr(figure, field)) for field in self.field_of.values()),
        ]
