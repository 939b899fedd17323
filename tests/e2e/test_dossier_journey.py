"""A member unit's report goes round and ends up in the assessment dossier, in the browser: the unit
hands it in (Chinese), the office returns it, the unit changes it and hands it in again (English),
the office accepts it (English) and makes the dossier; then edits the task's narrative and makes it
again (Chinese). The downloaded Word documents are read back."""

import pytest
from docx import Document

from targets.models import MemberUnit, ProgressReport

from ..factories import UserFactory
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def log_out(page):
    page.click("form.inline button[type=submit]")
    page.wait_for_load_state()


def use_language(page, code: str) -> None:
    page.context.set_extra_http_headers({"Accept-Language": code})
    origin = "/".join(page.url.split("/")[:3])  # the cookie's path is the URL's: the site root
    page.context.add_cookies([{"name": "django_language", "value": code, "url": origin + "/"}])


def download_docx(page, tmp_path, name: str) -> str:
    page.wait_for_selector("[data-download=docx]", timeout=60000)
    with page.expect_download() as download:
        page.click("[data-download=docx]")
    path = tmp_path / name
    download.value.save_as(path)
    document = Document(path)
    return "\n".join(p.text for p in document.paragraphs)


def test_an_accepted_report_ends_up_in_the_dossier_in_both_languages(page, official, tmp_path):
    unit = MemberUnit.objects.get(name="区财政局")
    unit.members.create(user=UserFactory(username="finance_officer"))
    task = unit.tasks.order_by("number").first()

    log_in(page, "finance_officer")
    page.goto(task.get_absolute_url())
    report_form = page.locator(f"form[action$='/tasks/{task.number}/report/']")
    report_form.locator("input[name=year]").fill("2025")
    report_form.locator("select[name=period]").select_option("year")
    report_form.locator("textarea[name=text]").fill("全年拨付专项资金260万元")
    report_form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-state=submitted]")
    report = ProgressReport.objects.get()
    log_out(page)

    log_in(page, "official")
    page.goto(report.get_absolute_url())
    page.fill("textarea[name=comment]", "请补充资助项目数量")
    page.click("button[value=return]")
    page.wait_for_selector("[data-state=returned]")
    log_out(page)

    use_language(page, "en")
    log_in(page, "finance_officer")
    page.goto(report.get_absolute_url())
    page.fill("textarea[name=text]", "全年拨付专项资金260万元,支持高价值专利培育项目12项")
    page.click(f"form[action$='/tasks/{task.number}/report/'] button[type=submit]")
    page.wait_for_selector("[data-state=submitted]")
    log_out(page)

    log_in(page, "official")
    page.goto(report.get_absolute_url())
    page.click("button[value=accept]")
    page.wait_for_selector("[data-state=approved]")
    page.goto("/targets/dossiers/")
    page.wait_for_selector("h1:has-text('Assessment dossiers')")
    page.select_option("select[name=period]", "2025")
    page.click("form.inline-form button[type=submit]")
    page.wait_for_selector("[data-state=done]", timeout=60000)
    screenshot(page, "dossier-done-en")
    text = download_docx(page, tmp_path, "dossier-en.docx")
    assert "支持高价值专利培育项目12项" in text and "一、概览" in text  # the document itself is Chinese

    use_language(page, "zh-hans")
    page.goto("/targets/dossiers/narratives/2025/")
    page.wait_for_selector("h1:has-text('重点任务推进情况')")
    field = page.locator(f"fieldset[data-task='{task.number}'] textarea")
    assert "支持高价值专利培育项目12项" in field.input_value()  # prefilled with the accepted report
    field.fill("区财政局全年拨付专项资金260万元,资助办法已印发实施。")
    screenshot(page, "dossier-narratives-zh")
    page.click("button[name=make]")
    page.wait_for_selector("[data-state=done]", timeout=60000)
    assert page.locator("text=下载Word文档").is_visible()
    screenshot(page, "dossier-done-zh")
    text = download_docx(page, tmp_path, "dossier-zh.docx")
    assert "资助办法已印发实施" in text and "支持高价值专利培育项目12项" not in text
    assert not page.console_errors
