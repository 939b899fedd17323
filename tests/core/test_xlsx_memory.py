"""XLSX imports run in bounded memory: the worksheet is streamed row by row (python-calamine-plus),
so a long list is read whatever its length, while what a reader must hold (the shared strings
and styles of an XLSX, the whole of an ODS or XLSB) is bounded by IMPORT_XLSX_MAX_UNPACKED_BYTES
and refused before it is read, with a message in the reader's language that says how to import
the list (as CSV). Peak memory figures: bench/xlsx_memory.py and bench/import_patents.py."""

import datetime as dt
import zipfile

import pytest
import python_calamine
import python_calamine_plus
from django.utils import translation
from openpyxl import Workbook

from core.importing.reader import UnreadableFile, open_table
from core.importing.values import ImportValueError, parse_text

ROWS = [["企业名称", "统一社会信用代码"], *[[f"荆门企业{i}", f"9142080400000{i:04d}X"] for i in range(50)]]


def save(path, rows, *, at="A1"):
    workbook = Workbook()
    sheet = workbook.active
    column, row = ord(at[0]) - ord("A"), int(at[1:]) - 1
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            sheet.cell(row=row + r + 1, column=column + c + 1, value=value)
    workbook.save(path)
    return path


def held_bytes(path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(m.file_size for m in archive.infolist() if not m.filename.startswith("xl/worksheets/"))


@pytest.fixture
def small_xlsx(tmp_path):
    return save(tmp_path / "list.xlsx", ROWS)


@pytest.fixture
def whole_sheet_reader_must_not_be_used(monkeypatch):
    def unpacked(*args, **kwargs):
        raise AssertionError("the whole sheet was unpacked")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", unpacked)
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", unpacked)


@pytest.fixture
def no_reader_may_open_it(monkeypatch, whole_sheet_reader_must_not_be_used):
    def opened(*args, **kwargs):
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(python_calamine_plus.CalamineWorkbook, "from_path", opened)
    monkeypatch.setattr(python_calamine_plus.CalamineWorkbook, "from_filelike", opened)


def test_the_default_limit_keeps_what_a_reader_holds_within_a_few_hundred_megabytes(settings):
    assert settings.IMPORT_XLSX_MAX_UNPACKED_BYTES <= 128 * 1024 * 1024


def test_a_sheet_longer_than_the_memory_limit_is_streamed_and_read_whole(
    tmp_path, settings, whole_sheet_reader_must_not_be_used
):
    rows = [["年份", "数量"], *[[2000 + i % 25, i] for i in range(5000)]]
    path = save(tmp_path / "long.xlsx", rows)
    settings.IMPORT_XLSX_MAX_UNPACKED_BYTES = held_bytes(path)  # the sheet itself is far larger
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 10 * held_bytes(path)
    table = open_table(path)
    assert table.total == 5000 and table.format == "XLSX"
    assert [cells for _, cells in table.rows] == rows[1:]  # whole numbers come as int


def test_shared_strings_past_the_limit_are_refused_unread_with_advice(small_xlsx, settings, no_reader_may_open_it):
    settings.IMPORT_XLSX_MAX_UNPACKED_BYTES = 1024
    with pytest.raises(UnreadableFile) as refused:
        open_table(small_xlsx)
    with translation.override("en"):  # the refusal is a coded message, read in the reader's language
        text = str(refused.value)
    assert "unpacks to" in text and "(0 MB at most" in text
    assert "Save the sheet as CSV (UTF-8), which is read row by row" in text
    with translation.override("zh-hans"):
        text = str(refused.value)
    assert "解压后" in text and "另存为 CSV" in text


def test_worksheets_past_their_own_limit_are_refused_unread(small_xlsx, settings, no_reader_may_open_it):
    settings.IMPORT_XLSX_MAX_SHEET_BYTES = 1024 * 1024
    path = small_xlsx.with_name("padded.xlsx")
    with zipfile.ZipFile(small_xlsx) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(member, source.read(member))
        target.writestr("xl/worksheets/sheet2.xml", bytes(range(256)) * 8192)  # 2 MiB, barely compressible
    with translation.override("en"), pytest.raises(UnreadableFile, match="unpacks to 2 MB"):
        open_table(path)


def test_the_same_list_as_csv_is_read_under_the_same_limit(tmp_path, settings):
    settings.IMPORT_XLSX_MAX_UNPACKED_BYTES = 1024
    path = tmp_path / "list.csv"
    path.write_text("\n".join(",".join(row) for row in ROWS) + "\n", encoding="utf-8")
    assert [cells for _, cells in open_table(path).rows] == ROWS[1:]


def test_a_workbook_within_the_limit_is_read(small_xlsx, settings):
    settings.IMPORT_XLSX_MAX_UNPACKED_BYTES = 1024 * 1024
    assert [cells for _, cells in open_table(small_xlsx).rows] == ROWS[1:]


def test_a_sheet_placed_lower_and_further_right_reads_from_its_first_column_with_the_rows_excel_shows(tmp_path):
    path = save(tmp_path / "placed.xlsx", [["申请号", "申请日"], ["202310555001.1", dt.date(2023, 2, 1)]], at="C3")
    table = open_table(path)
    assert table.header == ["申请号", "申请日"] and table.header_row == 3
    assert list(table.rows) == [(4, ["202310555001.1", dt.date(2023, 2, 1)])]


def test_excel_error_values_are_read_as_empty_cells(tmp_path):
    path = save(tmp_path / "errors.xlsx", [["企业名称", "统一社会信用代码"], ["荆门甲", "#N/A"], ["荆门乙", "#REF!"]])
    assert [cells for _, cells in open_table(path).rows] == [["荆门甲", ""], ["荆门乙", ""]]


def test_a_sheet_past_the_row_limit_is_refused_before_any_row_is_read(tmp_path, settings):
    settings.IMPORT_MAX_ROWS = 3
    path = save(tmp_path / "rows.xlsx", [["a", "b"], *[[i, i] for i in range(4)]])
    with translation.override("en"), pytest.raises(UnreadableFile, match="has 4 rows"):
        open_table(path)


def test_a_whole_number_past_fifteen_digits_in_a_text_column_is_refused_as_a_number_cell(tmp_path):
    path = save(tmp_path / "long-number.xlsx", [["统一社会信用代码"], [9142080400000123]])
    [(_, [cell])] = list(open_table(path).rows)
    assert cell.__class__ is int
    with pytest.raises(ImportValueError):
        parse_text(cell)
    assert parse_text(202310555001) == "202310555001"


def damaged(tmp_path, source):
    """The workbook with its worksheet cut off in the middle of a row."""
    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in original.infolist():
            data = original.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(member, data)
    return path


@pytest.mark.parametrize(
    "language, expected", [("en", "cannot be read: it is damaged"), ("zh-hans", "无法读取：文件已损坏")]
)
def test_a_damaged_workbook_is_refused_with_advice_in_the_readers_language_and_the_readers_error_logged(
    small_xlsx, tmp_path, caplog, language, expected
):
    with pytest.raises(UnreadableFile) as refused:
        open_table(damaged(tmp_path, small_xlsx))
    with translation.override(language):
        text = str(refused.value)
    assert expected in text and "CSV" in text
    assert "Xml" not in text and "xml" not in text  # the library's own words stay in the log
    assert any(record.exc_info for record in caplog.records if record.name == "core.importing.reader")
