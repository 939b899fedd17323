"""The check page of an upload in both languages, for the faults a user test found: a column
without a header (mapped, or ignored with a note), a file with a header and no rows (nothing to
import, no confirm button), and missing columns named by header and translated label."""

import pytest

from enterprises.models import ImportRun

from ..enterprises.test_import_layouts import workbook
from ..enterprises.test_import_mapping import export_rows
from ..factories import EnterpriseFactory
from .conftest import log_in, screenshot
from .test_import_mapping import upload

pytestmark = pytest.mark.django_db(transaction=True)


def both_languages(page, name: str) -> tuple[str, str]:
    """The page's text in Chinese then in English (screenshots of each); back to Chinese after."""
    chinese = page.locator("main").inner_text()
    screenshot(page, f"{name}-zh")
    page.click("button[name=language][value=en]")
    page.wait_for_load_state()
    english = page.locator("main").inner_text()
    screenshot(page, f"{name}-en")
    page.click("button[name=language][value=zh-hans]")
    page.wait_for_load_state()
    return chinese, english


def test_the_check_page_of_a_column_without_a_header_of_an_empty_file_and_of_missing_columns(page, official, tmp_path):
    EnterpriseFactory(name="荆门示例化工有限公司")
    log_in(page, "official")

    # A column without a header, holding the holders: the mapping step, then the check.
    upload(page, workbook(tmp_path / "无表头列.xlsx", [row[:6] for row in export_rows(holder_header=None)]))
    page.wait_for_selector("form.column-mapping")
    chinese, english = both_languages(page, "import-unnamed-column-mapping")
    assert "（第5列，无表头）" in chinese and "专利权人（权利人）" in chinese
    assert "(column 5, no header)" in english and "holder (专利权人)" in english
    assert "holder_name" not in chinese + english
    page.select_option("select[name=column_4]", "holder_name")
    page.fill("input[name=name]", "无表头列")
    page.click("form.column-mapping button[type=submit]")
    page.wait_for_selector("text=确认导入")

    # A spacer column without a header, every required field found: ignored with a note.
    rows = [[row[0], None if i == 0 else "间隔", *row[1:]] for i, row in enumerate(export_rows()[2:])]
    upload(page, workbook(tmp_path / "间隔列.xlsx", rows))
    page.wait_for_selector("text=确认导入")
    chinese, english = both_languages(page, "import-spacer-column-check")
    assert "忽略的列" in chinese and "（第2列，无表头）" in chinese
    assert "Ignored columns: (column 2, no header)" in english and "Confirm the import" in english

    # A header and no rows: nothing to import, no confirm button.
    upload(page, workbook(tmp_path / "空表.xlsx", export_rows()[2:3]))
    page.wait_for_selector(".status-refused_file")
    chinese, english = both_languages(page, "import-no-rows-check")
    assert "没有可导入的内容" in chinese and "there is nothing to import" in english
    assert page.locator("text=确认导入").count() == 0

    # Too few columns for the required fields: refused, the fields named by header and label.
    upload(page, workbook(tmp_path / "缺列.xlsx", [row[:4] for row in export_rows()[2:]]))
    page.wait_for_selector(".status-refused_file")
    chinese, english = both_languages(page, "import-missing-columns-check")
    assert "缺少必填列：专利权人（权利人）, 法律状态" in chinese
    assert "Required columns are missing: holder (专利权人), legal status (法律状态)" in english
    assert "holder_name" not in chinese + english
    assert ImportRun.objects.count() == 4


def test_the_check_page_of_a_total_line_and_of_a_value_too_long(page, official, tmp_path):
    """A total merged across the list is named as skipped; a title too long for the field is a
    row error naming row, column and limit — in both languages."""
    EnterpriseFactory(name="荆门示例化工有限公司")
    log_in(page, "official")
    rows = export_rows()[2:]
    width = len(rows[0])
    upload(page, workbook(tmp_path / "合计行.xlsx", [*rows, ["合计：2件"] * width]))
    page.wait_for_selector("text=确认导入")
    chinese, english = both_languages(page, "import-total-line-check")
    assert "横跨表格的说明行" in chinese and "“合计：2件”" in chinese
    assert "is a line written across the table, not a record: skipped" in english

    long_title = [rows[0], [rows[1][0], "长" * 501, *rows[1][2:]]]
    upload(page, workbook(tmp_path / "名称过长.xlsx", long_title))
    page.wait_for_selector(".status-refused, .status-previewed")
    chinese, english = both_languages(page, "import-value-too-long-check")
    assert "过长：501 个字符，最多 500 个" in chinese
    assert "too long: 501 characters, at most 500" in english
