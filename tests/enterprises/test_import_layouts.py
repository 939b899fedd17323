"""Any column layout (issue 14 §2): header synonyms, the header found under title lines, the
status vocabulary, and a list of another kind recognised as such."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from django.utils import translation

from core.importing import KINDS, run_import
from core.importing.headers import map_header
from enterprises.codes import patent_check_digit
from enterprises.importing.rights import LEGAL_STATUS_WORDS, TRADEMARK_STATUS_WORDS
from enterprises.models import Patent, Trademark
from targets.models import IndicatorValue
from targets.recompute import recompute
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs" / "import-headers.md"


def number(digits: str) -> str:
    return f"{digits}.{patent_check_digit(digits)}"


def workbook(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def indicators(*codes: str, year: int = 2024) -> dict:
    recompute([year])
    return dict(
        IndicatorValue.objects.filter(indicator__code__in=codes, year=year).values_list("indicator__code", "value")
    )


@pytest.fixture
def enterprise(db):
    from targets.models import YearlyFigure

    YearlyFigure.objects.create(year=2024, population=100000)
    return EnterpriseFactory(name="荆门示例化工有限公司")


def test_an_export_style_list_gives_the_same_figures_as_the_portal_format(tmp_path, enterprise):
    numbers = [number(f"20231012345{n}") for n in range(4)]
    export = workbook(
        tmp_path / "export.xlsx",
        [
            ["2024年度荆门高新区企业专利授权情况统计表"],
            ["填报单位：（盖章）", None, None, None, "填报日期：2025年1月10日"],
            ["专利申请号", "发明名称", "申请日期", "授权日", "申请（专利权）人", "信用代码", "当前法律状态", "备注"],
            [numbers[0], "方法甲", "2023-01-05", 20240609, "荆门示例化工有限公司", enterprise.credit_code, "有权", ""],
            [
                numbers[1],
                "方法乙",
                20230105,
                "2024年6月9日",
                "荆门示例化工有限公司",
                enterprise.credit_code,
                "专利权维持",
                "",
            ],
            [
                numbers[2],
                "方法丙",
                dt.date(2023, 1, 5),
                "2024/6/9",
                "荆门示例化工有限公司",
                enterprise.credit_code,
                "未缴年费专利权终止",
                "",
            ],
            [numbers[3], "方法丁", "2023.1.5", None, "荆门示例化工有限公司", enterprise.credit_code, "实质审查", ""],
        ],
    )
    result = run_import(KINDS["patents"], export)
    assert result.committed and result.header_row == 3
    assert [n for n, _text in result.skipped_lines] == [1, 2] and result.ignored_columns == ["备注"]
    exported = indicators("C1", "C2", "C3")
    assert exported["C1"] == 3
    assert dict(Patent.objects.values_list("application_number", "legal_status")) == {
        numbers[0]: "valid",
        numbers[1]: "valid",
        numbers[2]: "lapsed",
        numbers[3]: "pending",
    }

    Patent.objects.all().delete()
    header = KINDS["patents"].template_header()
    own = [header]
    for n, status, granted in [
        (0, "有效", "2024-06-09"),
        (1, "有效", "2024-06-09"),
        (2, "失效", "2024-06-09"),
        (3, "审中", ""),
    ]:
        own.append([numbers[n], "x", "发明", "2023-01-05", granted, enterprise.name, enterprise.credit_code, status])
    assert run_import(KINDS["patents"], workbook(tmp_path / "own.xlsx", own)).committed
    assert indicators("C1", "C2", "C3") == exported


def test_the_more_specific_of_two_synonyms_is_taken(enterprise):
    header = ["申请号", "名称", "申请日", "申请人", "专利权人", "法律状态"]
    positions, ignored, missing = map_header(KINDS["patents"], header)
    assert positions[4].key == "holder_name" and ignored == ["申请人"] and not missing


@pytest.mark.parametrize(("words", "kind"), [(LEGAL_STATUS_WORDS, "patents"), (TRADEMARK_STATUS_WORDS, "trademarks")])
def test_every_status_word_maps_to_its_state(words, kind):
    parse = (
        KINDS[kind]
        .columns[[c.key for c in KINDS[kind].columns].index("legal_status" if kind == "patents" else "status")]
        .parse
    )
    for state, spellings in words.items():
        for word in spellings:
            assert parse(f" {word} ") == state


def test_an_unknown_status_word_is_a_row_error_naming_it(tmp_path, enterprise):
    header = ["申请号", "专利名称", "申请日", "专利权人", "法律状态"]
    path = workbook(tmp_path / "p.xlsx", [header, [number("202310123450"), "x", "2023-01-05", "某公司", "复审中止"]])
    with translation.override("en"):
        result = run_import(KINDS["patents"], path)
    [error] = result.errors
    assert error.row == 2 and "复审中止" in error.problems[0].text and error.problems[0].column == "法律状态"
    assert not Patent.objects.exists()


def test_a_patent_list_imported_as_trademarks_says_what_it_looks_like(tmp_path):
    header = ["申请号", "发明名称", "申请日", "专利权人", "法律状态"]
    path = workbook(
        tmp_path / "p.xlsx", [["专利清单"], header, [number("202310123450"), "x", "2023-01-05", "某公司", "有效"]]
    )
    result = run_import(KINDS["trademarks"], path)
    assert result.detected_kind == "patents"
    with translation.override("en"):  # a coded message, read in the reader's language
        assert "looks like a list of Patents" in result.file_error
    assert not Trademark.objects.exists()


def test_the_header_table_in_the_docs_lists_every_synonym():
    text = DOCS.read_text(encoding="utf-8")
    for kind in KINDS.values():
        for column in kind.columns:
            for name in column.synonyms:
                assert name in text, f"{kind.name}.{column.key}: {name} is not in {DOCS.name}"
