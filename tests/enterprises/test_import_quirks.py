"""Lists as they really arrive (issue 14 §3): numbers where text or dates were meant, empty cells
on re-import, merged cells, old and text formats, invisible characters, publication numbers.
Each file is built in the test; each test asserts what is stored and what the indicators count."""

import codecs
import csv
import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from django.utils import translation

from core.importing import KINDS, run_import
from core.importing.reader import format_label
from enterprises.codes import patent_check_digit
from enterprises.models import Enterprise, Industry, Patent, Trademark
from ipportal.coded import render
from targets.models import IndicatorValue
from targets.recompute import recompute

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
CHEMICALS = "91420800MA4F0A1B22"  # 荆门示例化工有限公司, as in the field cases
MATERIALS = "91420800MA4F0C3D44"
HEADER = ["申请号", "专利名称", "专利类型", "申请日", "授权公告日", "专利权人", "统一社会信用代码", "法律状态"]


@pytest.fixture(autouse=True)
def park(tmp_path):
    """The field cases' baseline: two park enterprises and the 2023–2024 population."""
    with translation.override("en"):
        enterprises = tmp_path / "enterprises.csv"
        enterprises.write_text(
            "企业名称,统一社会信用代码,所属产业,高新技术企业,专精特新企业,专精特新小巨人,上市后备企业,科技型中小企业,知识产权工作人员数\n"
            f"荆门示例化工有限公司,{CHEMICALS},绿色化工,是,是,否,否,是,3\n"
            f"荆门示例新材料有限公司,{MATERIALS},新能源新材料,是,否,否,否,否,2\n",
            encoding="utf-8",
        )
        yearly = tmp_path / "yearly.csv"
        yearly.write_text("年份,常住人口\n2023,100000\n2024,100000\n", encoding="utf-8")
        assert run_import(KINDS["enterprises"], enterprises).committed
        assert run_import(KINDS["yearly"], yearly).committed
        yield


def number(digits: str) -> str:
    return f"{digits}.{patent_check_digit(digits)}"


def patent(digits="202310123456", **changes) -> list:
    row = {
        "申请号": number(digits),
        "专利名称": "一种示例反应釜控制方法",
        "专利类型": "发明",
        "申请日": dt.date(int(digits[:4]), 1, 5),
        "授权公告日": dt.date(2024, 6, 9),
        "专利权人": "荆门示例化工有限公司",
        "统一社会信用代码": CHEMICALS,
        "法律状态": "有效",
        **changes,
    }
    return [row[h] for h in HEADER]


def xlsx(path: Path, rows: list[list], *, header=HEADER, formats: dict[tuple[int, int], str] | None = None) -> Path:
    """A workbook whose first sheet holds the header and rows; formats: (row, column) from 1 -> number format."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [header, *rows]:
        sheet.append(row)
    for (row, column), number_format in (formats or {}).items():
        sheet.cell(row=row, column=column).number_format = number_format
    workbook.save(path)
    return path


def text_file(path: Path, rows: list[list], *, encoding: str, delimiter: str = ",", header=HEADER) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def indicator(code: str, year: int = 2024):
    recompute([year])
    return IndicatorValue.objects.get(indicator__code=code, year=year).value


def problems(result) -> list[dict]:
    return [problem for error in result.errors for problem in error.as_dict()["problems"]]


class TestNumbersWhereDatesWereMeant:
    def test_a_year_in_a_date_cell_is_refused_not_stored_as_1905(self, tmp_path):
        path = xlsx(tmp_path / "p.xlsx", [patent("201610234567", 申请日=2016)], formats={(2, 4): "yyyy-mm-dd"})
        with translation.override("en"):
            result = run_import(KINDS["patents"], path)
        assert result.refused and not Patent.objects.exists()
        [problem] = problems(result)
        assert (
            problem["column"] == "申请日"
            and "2016" in render(problem["reason"])
            and "year" in render(problem["reason"])
        )
        assert indicator("C4") == 0  # not a ">10 years maintained" high-value patent

    def test_a_real_date_cell_in_the_same_place_is_read(self, tmp_path):
        path = xlsx(tmp_path / "p.xlsx", [patent("201610234567", 申请日=dt.date(2016, 3, 1))])
        assert run_import(KINDS["patents"], path).committed
        assert Patent.objects.get().application_date == dt.date(2016, 3, 1)

    @pytest.mark.parametrize("raw", [20230506, 20230506.0, "20230506", "2023-05-06", 45052, "2023年5月6日"])
    def test_eight_digit_numbers_and_serials_are_dates(self, tmp_path, raw):
        path = xlsx(tmp_path / "p.xlsx", [patent("202310123456", 申请日=raw, 授权公告日=None)])
        assert run_import(KINDS["patents"], path).committed
        assert Patent.objects.get().application_date == dt.date(2023, 5, 6)

    @pytest.mark.parametrize("raw", [2023, "2023", 123, 20231399])
    def test_numbers_that_cannot_be_dates_are_refused(self, tmp_path, raw):
        path = xlsx(tmp_path / "p.xlsx", [patent("202310123456", 申请日=raw)])
        with translation.override("en"):
            result = run_import(KINDS["patents"], path)
        assert result.refused and problems(result)[0]["column"] == "申请日"

    def test_a_year_column_in_a_date_format_reads_the_year(self, tmp_path):
        path = xlsx(tmp_path / "y.xlsx", [[2025, 120000]], header=["年份", "常住人口"], formats={(2, 1): "yyyy-mm-dd"})
        assert run_import(KINDS["yearly"], path).committed
        from targets.models import YearlyFigure

        assert YearlyFigure.objects.get(year=2025).population == 120000


class TestNumbersWhereTextWasMeant:
    def test_application_numbers_typed_as_numbers_keep_their_check_digit(self, tmp_path):
        rows = [patent("202310123456", 申请号=202310123456.6), patent("202310123457", 申请号=202310123457.0)]
        assert number("202310123457") == "202310123457.0"
        path = xlsx(tmp_path / "p.xlsx", rows)
        assert run_import(KINDS["patents"], path).committed
        assert set(Patent.objects.values_list("application_number", flat=True)) == {
            "202310123456.6",
            "202310123457.0",
        }
        assert indicator("C1") == 2

    def test_old_numbers_typed_as_numbers_get_their_leading_zeros_back(self, tmp_path):
        row = patent(申请号=262311.0, 专利类型="实用新型", 申请日=dt.date(2000, 3, 1), 授权公告日=dt.date(2001, 2, 1))
        assert run_import(KINDS["patents"], xlsx(tmp_path / "p.xlsx", [row])).committed
        assert Patent.objects.get().application_number == "00262311.0"

    def test_a_registration_number_cell_gives_its_digits(self, tmp_path):
        header = ["注册号", "商标名称", "国际分类", "注册日", "注册人", "商标状态"]
        path = xlsx(
            tmp_path / "t.xlsx", [[12345678.0, "示例", 1.0, dt.date(2020, 1, 1), "某公司", "有效"]], header=header
        )
        assert run_import(KINDS["trademarks"], path).committed
        assert Trademark.objects.get().registration_number == "12345678"

    def test_a_number_too_long_for_a_number_cell_is_refused(self, tmp_path):
        header = ["企业名称", "统一社会信用代码", "所属产业"]
        path = xlsx(tmp_path / "e.xlsx", [["荆门示例化工有限公司", 914208001234567890.0, "其他"]], header=header)
        with translation.override("en"):
            result = run_import(KINDS["enterprises"], path)
        assert result.refused and "15 digits" in render(problems(result)[0]["reason"])


class TestEmptyCellsOnUpdate:
    def test_only_the_filled_cells_change_an_enterprise(self, tmp_path):
        path = tmp_path / "update.csv"
        path.write_text(
            "企业名称,统一社会信用代码,所属产业,高新技术企业,专精特新企业,专精特新小巨人,上市后备企业,科技型中小企业,知识产权工作人员数\n"
            f"荆门示例化工有限公司,{CHEMICALS},,,,,,,5\n",
            encoding="utf-8",
        )
        result = run_import(KINDS["enterprises"], path)
        assert (result.updated, result.unchanged) == (1, 0)
        enterprise = Enterprise.objects.get(credit_code=CHEMICALS)
        assert enterprise.ip_staff_count == 5
        assert enterprise.industry == Industry.GREEN_CHEMICALS
        assert (enterprise.high_tech, enterprise.specialised, enterprise.tech_sme) == (True, True, True)

    def test_an_empty_grant_date_or_code_keeps_the_stored_one(self, tmp_path):
        assert run_import(KINDS["patents"], xlsx(tmp_path / "a.xlsx", [patent()])).committed
        later = patent(授权公告日=None, 统一社会信用代码=None)
        result = run_import(KINDS["patents"], xlsx(tmp_path / "b.xlsx", [later]))
        assert result.unchanged == 1
        stored = Patent.objects.get()
        assert stored.grant_date == dt.date(2024, 6, 9) and stored.enterprise.credit_code == CHEMICALS
        assert indicator("C1") == 1

    def test_a_new_record_with_empty_optional_cells_takes_the_defaults(self, tmp_path):
        path = tmp_path / "new.csv"
        path.write_text(f"企业名称,统一社会信用代码,所属产业,高新技术企业\n新企业,{_code()},,\n", encoding="utf-8")
        assert run_import(KINDS["enterprises"], path).committed
        created = Enterprise.objects.get(name="新企业")
        assert created.industry == "" and created.high_tech is False


def _code() -> str:
    from tests.factories import valid_credit_code

    return valid_credit_code()


class TestMergedCells:
    def test_a_credit_code_merged_over_three_rows_belongs_to_each(self, tmp_path):
        rows = [
            patent(f"20231055500{n}", 统一社会信用代码=CHEMICALS if n == 1 else None, 专利权人="荆门示例化工有限公司")
            for n in (1, 2, 3)
        ]
        path = tmp_path / "merged.xlsx"
        xlsx(path, rows)
        workbook = openpyxl.load_workbook(path)
        workbook.active.merge_cells("G2:G4")
        workbook.save(path)
        result = run_import(KINDS["patents"], path)
        assert result.committed and result.extra.get("not_in_park", 0) == 0
        assert Patent.objects.filter(enterprise__credit_code=CHEMICALS).count() == 3
        assert indicator("C1") == 3

    def test_merged_ranges_in_any_column_and_a_sheet_not_starting_at_a1(self, tmp_path):
        from core.importing.reader import open_table

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet["C3"], sheet["D3"] = "甲", "乙"
        sheet["C4"], sheet["D4"] = "x", "merged across"
        sheet["C5"] = "y"
        sheet.merge_cells("D4:E5")
        path = tmp_path / "offset.xlsx"
        workbook.save(path)
        table = open_table(path)
        assert table.header[:2] == ["甲", "乙"] and table.header_row == 3
        assert [(n, cells[:3]) for n, cells in table.rows] == [
            (4, ["x", "merged across", "merged across"]),
            (5, ["y", "merged across", "merged across"]),
        ]


class TestFormats:
    def test_an_excel_97_workbook_is_read(self, tmp_path):
        path = shutil.copy(FIXTURES / "one_patent.xls", tmp_path / "old.xls")
        result = run_import(KINDS["patents"], path)
        assert result.committed and result.file_format.startswith("XLS (")
        assert Patent.objects.get().application_number == "202310123456.6"
        assert indicator("C1") == 1

    def test_a_workbook_is_read_whatever_its_name(self, tmp_path):
        path = shutil.copy(FIXTURES / "one_patent.xls", tmp_path / "upload")
        assert run_import(KINDS["patents"], path).committed

    def test_an_xlsm_workbook_is_read(self, tmp_path):
        path = xlsx(tmp_path / "p.xlsm", [patent()])
        result = run_import(KINDS["patents"], path)
        assert result.committed and result.file_format == "XLSX"

    def test_an_opendocument_sheet_is_read(self, tmp_path):
        path = ods(tmp_path / "p.ods", [HEADER, patent()])
        result = run_import(KINDS["patents"], path)
        assert result.committed and result.file_format.startswith("ODS")
        assert Patent.objects.get().application_date == dt.date(2023, 1, 5)

    @pytest.mark.parametrize(
        ("encoding", "delimiter", "named"),
        [
            ("utf-8", ",", "CSV (UTF-8)"),
            ("utf-8-sig", ",", "CSV (UTF-8)"),
            ("gb18030", ",", "CSV (GB18030)"),
            ("utf-16", "\t", "tab-separated text (UTF-16)"),  # Excel's "Unicode text": BOM, little-endian
            ("utf-16-be-bom", "\t", "tab-separated text (UTF-16)"),
            ("utf-8", "\t", "tab-separated text (UTF-8)"),
        ],
    )
    def test_text_tables_in_every_encoding(self, tmp_path, encoding, delimiter, named):
        row = [str(cell) for cell in patent()]
        path = tmp_path / "list.txt"
        if encoding == "utf-16-be-bom":
            text_file(path, [row], encoding="utf-16-be", delimiter=delimiter)
            path.write_bytes(codecs.BOM_UTF16_BE + path.read_bytes())
        else:
            text_file(path, [row], encoding=encoding, delimiter=delimiter)
        with translation.override("zh-hans"):  # what is stored is the same in every language
            result = run_import(KINDS["patents"], path)
        with translation.override("en"):
            assert result.committed and format_label(result.file_format) == named
        assert Patent.objects.get().holder_name == "荆门示例化工有限公司"


def ods(path: Path, rows: list[list]) -> Path:
    """A minimal OpenDocument spreadsheet (dates as date cells, numbers as float cells)."""

    def cell(value) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, dt.date):
            return f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}"/>'
        if isinstance(value, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{value}"/>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(map(cell, row)) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="S">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


class TestInvisibleCharacters:
    @pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u00a0", "\u200d", "\u2060", "\u00ad", "\u3000"])
    def test_invisible_characters_are_stripped_from_every_cell(self, tmp_path, invisible):
        row = [str(cell) for cell in patent()]
        row[0] += invisible  # the number
        row[5] = invisible + row[5]  # the holder
        row[6] += invisible  # the credit code
        path = text_file(tmp_path / "p.csv", [row], encoding="utf-8-sig")
        assert run_import(KINDS["patents"], path).committed
        stored = Patent.objects.get()
        assert (stored.application_number, stored.holder_name) == ("202310123456.6", "荆门示例化工有限公司")
        assert stored.enterprise.credit_code == CHEMICALS
        assert indicator("C1") == 1

    def test_a_cell_of_only_invisible_characters_is_empty(self, tmp_path):
        row = [str(cell) for cell in patent()]
        row[2] = "\u200b"  # 专利类型: optional, derived from the number
        assert run_import(KINDS["patents"], text_file(tmp_path / "p.csv", [row], encoding="utf-8")).committed

    def test_a_character_still_refused_is_named(self, tmp_path):
        row = [str(cell) for cell in patent()]
        row[0] = "2О2310123456.6"  # a Cyrillic О among the digits
        with translation.override("en"):
            result = run_import(KINDS["patents"], text_file(tmp_path / "p.csv", [row], encoding="utf-8"))
        assert "U+041E CYRILLIC CAPITAL LETTER O" in render(problems(result)[0]["reason"])


class TestPublicationNumbers:
    def test_publication_numbers_are_refused_saying_what_they_look_like(self, tmp_path):
        rows = [
            patent("202310123456", 申请号="CN115123456A", 申请日=dt.date(2022, 8, 1)),
            patent("202310123456", 申请号="CN112800009", 申请日=dt.date(2020, 11, 2)),
            patent("202310123456", 申请号="CN1234567C", 申请日=dt.date(2020, 11, 2)),
        ]
        with translation.override("en"):
            result = run_import(KINDS["patents"], text_file(tmp_path / "p.csv", rows, encoding="utf-8"))
        reasons = [render(problem["reason"]) for problem in problems(result)]
        assert len(reasons) == 3 and all("looks like a publication" in reason for reason in reasons)
        assert not Patent.objects.exists()

    def test_a_genuine_old_number_is_imported(self, tmp_path):
        row = patent(申请号="00262311.0", 专利类型=None, 申请日="2000/3/1", 授权公告日="2001/2/1", 法律状态="失效")
        assert run_import(KINDS["patents"], text_file(tmp_path / "p.csv", [row], encoding="utf-8")).committed
        assert Patent.objects.get().patent_type == "utility_model"

    @pytest.mark.parametrize("raw", ["11280000.9", "12345678.0"])
    def test_old_numbers_need_a_year_of_the_old_form(self, tmp_path, raw):
        digits = raw[:8]
        row = patent(申请号=f"{digits}.{patent_check_digit(digits)}", 申请日="2011/1/1")
        with translation.override("en"):
            result = run_import(KINDS["patents"], text_file(tmp_path / "p.csv", [row], encoding="utf-8"))
        assert result.refused and "1985 to 2003" in render(problems(result)[0]["reason"])

    def test_the_number_year_must_agree_with_the_application_date(self, tmp_path):
        row = patent("202310123456", 申请日=dt.date(2022, 12, 30))
        with translation.override("en"):
            result = run_import(KINDS["patents"], xlsx(tmp_path / "p.xlsx", [row]))
        [problem] = problems(result)
        assert (
            problem["column"] == "申请日"
            and "2023" in render(problem["reason"])
            and "2022" in render(problem["reason"])
        )

    def test_a_pct_entry_is_numbered_in_its_entry_year(self, tmp_path):
        row = patent("202380123456", 申请日=dt.date(2021, 6, 1))
        assert run_import(KINDS["patents"], xlsx(tmp_path / "p.xlsx", [row])).committed
