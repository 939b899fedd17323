"""XLSX imports run in bounded memory: python-calamine holds the whole sheet, so a workbook whose
parts unpack to more than IMPORT_XLSX_MAX_UNPACKED_BYTES is refused before it is read, with a
message in the reader's language that says how to import the list (as CSV, read row by row).
Peak memory figures: bench/xlsx_memory.py."""

import pytest
import python_calamine
from django.utils import translation
from openpyxl import Workbook

from core.importing.reader import UnreadableFile, open_table

ROWS = [["企业名称", "统一社会信用代码"], *[[f"荆门企业{i}", f"9142080400000{i:04d}X"] for i in range(50)]]


@pytest.fixture
def small_xlsx(tmp_path):
    path = tmp_path / "list.xlsx"
    workbook = Workbook()
    for row in ROWS:
        workbook.active.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def calamine_must_not_be_used(monkeypatch):
    def unpacked(*args, **kwargs):
        raise AssertionError("the workbook was unpacked")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", unpacked)
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", unpacked)


def test_the_default_limit_keeps_an_xlsx_import_within_a_few_hundred_megabytes(settings):
    assert settings.IMPORT_XLSX_MAX_UNPACKED_BYTES <= 128 * 1024 * 1024


def test_a_workbook_unpacking_past_the_limit_is_refused_unread_with_advice(
    small_xlsx, settings, calamine_must_not_be_used
):
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


def test_the_same_list_as_csv_is_read_under_the_same_limit(small_xlsx, tmp_path, settings):
    settings.IMPORT_XLSX_MAX_UNPACKED_BYTES = 1024
    path = tmp_path / "list.csv"
    path.write_text("\n".join(",".join(row) for row in ROWS) + "\n", encoding="utf-8")
    assert [cells for _, cells in open_table(path).rows] == ROWS[1:]


def test_a_workbook_within_the_limit_is_read(small_xlsx, settings):
    settings.IMPORT_XLSX_MAX_UNPACKED_BYTES = 1024 * 1024
    assert [cells for _, cells in open_table(small_xlsx).rows] == ROWS[1:]
