"""An official imports the enterprises file in the browser and sees them in Chinese and English."""

import pytest

from enterprises.models import Enterprise

from ..factories import valid_credit_code
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_official_imports_enterprises_and_switches_language(page, official, tmp_path):
    codes = [valid_credit_code(), valid_credit_code()]
    file = tmp_path / "园区企业名单.csv"
    file.write_text(
        "企业名称,统一社会信用代码,所属产业,高新技术企业\n"
        f"荆门浏览器测试化工有限公司,{codes[0]},绿色化工,是\n"
        f"荆门浏览器测试材料有限公司,{codes[1]},新能源新材料,否\n",
        encoding="utf-8",
    )
    log_in(page, "official")
    page.goto("/enterprises/imports/")
    page.select_option("select[name=kind]", "enterprises")
    page.set_input_files("input[name=file]", str(file))
    page.click("form[enctype='multipart/form-data'] button[type=submit]")
    page.wait_for_selector("text=确认导入")
    screenshot(page, "import-preview-zh")
    assert Enterprise.objects.count() == 0
    page.click("text=确认导入")
    page.wait_for_selector(".status-done")
    assert Enterprise.objects.count() == 2

    page.goto("/enterprises/?q=浏览器测试")
    assert page.locator("text=荆门浏览器测试化工有限公司").is_visible()
    assert page.locator("th", has_text="统一社会信用代码").is_visible()
    screenshot(page, "enterprises-zh")

    page.click("button[name=language][value=en]")
    page.wait_for_selector("th:has-text('Unified Social Credit Code')")
    assert page.locator("td", has_text="Green chemicals").first.is_visible()
    screenshot(page, "enterprises-en")
    assert page.console_errors == []
