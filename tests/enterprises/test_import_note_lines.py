"""Lines written across a list instead of records — a total under it ("合计：2件"), a section
heading between its rows, merged over the columns — are skipped and named, not refused as rows
with every field wrong (as officials' exports have them)."""

import openpyxl
import pytest
from django.utils import translation

from core.importing import KINDS, run_import
from enterprises.models import Patent
from ipportal.coded import render

from .test_import_records import PATENT_HEADER, patent_row

pytestmark = pytest.mark.django_db


def workbook_with_lines_across(path):
    book = openpyxl.Workbook()
    sheet = book.active
    width = len(PATENT_HEADER)
    sheet.append(["2024年度专利授权情况统计表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(PATENT_HEADER)
    sheet.append(["一、发明专利"])
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)
    sheet.append(patent_row("202310000001"))
    sheet.append(patent_row("202310000002"))
    sheet.append(["合计：2件"])
    sheet.merge_cells(start_row=6, start_column=1, end_row=6, end_column=width)
    book.save(path)
    return path


@pytest.mark.parametrize("language, expected", [("en", "is a line written across the table"), ("zh-hans", "横跨")])
def test_a_total_and_a_section_heading_merged_across_are_skipped_and_named(tmp_path, language, expected):
    result = run_import(KINDS["patents"], workbook_with_lines_across(tmp_path / "list.xlsx"))
    assert result.committed and result.new == 2 and result.invalid == 0 and result.rows == 2
    assert Patent.objects.count() == 2
    with translation.override(language):
        warnings = [render(w) for w in result.warnings]
    notes = [w for w in warnings if expected in w]
    assert len(notes) == 2 and "3" in notes[0] and "一、发明专利" in notes[0]
    assert "6" in notes[1] and "合计" in notes[1]


def test_a_record_is_never_taken_for_a_line_across_even_with_blank_cells(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        ",".join(PATENT_HEADER) + "\n" + ",".join(patent_row("202310000001", **{"授权公告日": ""})) + "\n",
        encoding="utf-8",
    )
    result = run_import(KINDS["patents"], path)
    assert result.committed and result.new == 1 and not result.warnings


def test_a_file_of_nothing_but_a_total_line_has_nothing_to_import(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(PATENT_HEADER)
    book.active.append(["合计：0件"])
    book.active.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(PATENT_HEADER))
    book.save(tmp_path / "empty.xlsx")
    result = run_import(KINDS["patents"], tmp_path / "empty.xlsx")
    assert not result.committed and result.file_problem and not Patent.objects.exists()
