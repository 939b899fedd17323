"""An official uploads an export-style patent list whose holder column has a header the portal
does not know: maps the columns once, checks, imports and sees the indicator; the next file
with the same headers is read with the saved layout without asking (issue 14 §2)."""

import pytest

from core.models import ImportLayout
from enterprises.models import ImportRun, Patent
from targets.models import IndicatorValue

from ..enterprises.test_import_layouts import workbook
from ..enterprises.test_import_mapping import NUMBERS, export_rows, unrecognised_rows
from ..factories import EnterpriseFactory
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def upload(page, path, kind: str = "patents") -> None:
    page.goto("/enterprises/imports/")
    page.select_option("select[name=kind]", kind)
    page.set_input_files("input[name=file]", str(path))
    page.click("form[enctype='multipart/form-data'] button[type=submit]")
    page.wait_for_load_state()


def test_official_maps_the_columns_once_and_the_layout_is_used_again(page, official, tmp_path):
    enterprise = EnterpriseFactory(name="荆门示例化工有限公司")
    log_in(page, "official")

    upload(page, workbook(tmp_path / "专利检索导出.xlsx", unrecognised_rows()))
    page.wait_for_selector("form.column-mapping")
    # The guesses are filled in; the column no synonym knows is not.
    assert page.locator("select[name=column_0]").input_value() == "application_number"
    assert page.locator("select[name=column_4]").input_value() == ""
    screenshot(page, "import-mapping-zh")
    page.click("button[name=language][value=en]")
    page.wait_for_selector("text=Map the columns")
    screenshot(page, "import-mapping-en")
    page.click("button[name=language][value=zh-hans]")
    page.wait_for_selector("form.column-mapping")

    page.click("form.column-mapping button[type=submit]")  # the holder field is still unmapped
    page.wait_for_selector(".errors")
    assert "专利权人" in page.locator(".errors").inner_text()
    assert [e for e in page.console_errors if "400" not in e] == []  # the refused form answers 400
    page.console_errors.clear()
    page.select_option("select[name=column_4]", "holder_name")
    page.fill("input[name=name]", "专利检索系统导出")
    page.click("form.column-mapping button[type=submit]")
    page.wait_for_selector("text=确认导入")
    assert page.locator(".layout-used").inner_text().startswith("已按保存的列布局“专利检索系统导出”")
    screenshot(page, "import-check-with-layout-zh")
    assert not Patent.objects.exists()

    page.click("text=确认导入")
    page.wait_for_selector(".status-done")
    assert Patent.objects.filter(enterprise=enterprise).count() == 4
    assert IndicatorValue.objects.get(indicator__code="C1", year=2024).value == 3
    page.goto("/?year=2024")
    page.wait_for_selector("[data-code=C1]")
    assert page.locator("[data-code=C1] .tile-value a").inner_text().startswith("3")

    # The same headers again, another file: straight to the check, with the saved layout.
    rows = unrecognised_rows()
    rows[3:] = [[NUMBERS[0], "一种方法甲（更正）", *rows[3][2:]]]
    upload(page, workbook(tmp_path / "专利检索导出-更正.xlsx", rows))
    page.wait_for_selector("text=确认导入")
    assert page.locator(".layout-used").is_visible()
    assert ImportRun.objects.filter(status=ImportRun.Status.MAPPING).count() == 0
    assert ImportRun.objects.latest("created_at").updated == 1

    page.goto("/enterprises/imports/layouts/")
    assert page.locator("td", has_text="案卷权属单位 → 专利权人").is_visible()
    screenshot(page, "import-layouts-zh")
    page.click("button[name=language][value=en]")
    page.wait_for_selector("h1:has-text('Column layouts')")
    screenshot(page, "import-layouts-en")
    page.click("text=Rename")
    page.fill("input[name=name]", "Search system export")
    screenshot(page, "import-layout-rename-en")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("td:has-text('Search system export')")
    assert ImportLayout.objects.get().name == "Search system export"
    page.click("button[name=language][value=zh-hans]")
    page.click("a[href$='/delete/']")
    page.wait_for_selector("h1:has-text('删除列布局')")
    screenshot(page, "import-layout-delete-zh")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("text=尚未保存列布局")
    assert not ImportLayout.objects.exists()
    assert page.console_errors == []

    # A patent list sent as trademarks: the form is offered again with patents chosen.
    upload(page, workbook(tmp_path / "export.xlsx", export_rows()), kind="trademarks")
    page.wait_for_selector("text=这看起来是“专利”清单，而不是“商标”清单")
    screenshot(page, "import-detected-kind-zh")
    page.click("text=按“专利”重新上传")
    page.wait_for_selector("form[enctype='multipart/form-data']")
    assert page.locator("select[name=kind]").input_value() == "patents"
    screenshot(page, "import-upload-again-zh")
