"""The officials' import page: upload, preview, confirm, history and rejects."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enterprises.models import Enterprise, ImportRun
from ipportal.coded import render

from ..factories import valid_credit_code

pytestmark = pytest.mark.django_db

HEADER = "企业名称,统一社会信用代码,所属产业\n"


def upload(client, text, name="list.csv", kind="enterprises"):
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("enterprises:import-list"), {"kind": kind, "file": file})


def test_upload_shows_a_preview_and_stores_nothing_until_confirmed(official_client, django_capture_on_commit_callbacks):
    code = valid_credit_code()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(official_client, HEADER + f"荆门预览企业,{code},绿色化工\n")
    run = ImportRun.objects.get()
    assert response.url == run.get_absolute_url()
    assert run.status == ImportRun.Status.PREVIEWED and run.new == 1
    assert not Enterprise.objects.exists()

    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Confirm the import" in page

    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("enterprises:import-confirm", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert run.created_by.username == "official"
    assert Enterprise.objects.get().credit_code == code


def test_invalid_rows_are_listed_and_cannot_be_confirmed_without_skipping(
    official_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER + f"好企业,{valid_credit_code()},\n坏企业,91350100M000100Y44,\n")
    run = ImportRun.objects.get()
    assert (run.new, run.invalid) == (1, 1)
    assert run.errors[0]["row"] == 3
    page = official_client.get(run.get_absolute_url()).content.decode()
    assert "91350100M000100Y44" in page

    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("enterprises:import-confirm", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED
    assert not Enterprise.objects.exists()


def test_skipping_invalid_rows_stores_the_rest_and_keeps_the_rejects(
    official_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER + f"好企业,{valid_credit_code()},\n坏企业,91350100M000100Y44,\n")
    run = ImportRun.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("enterprises:import-confirm", args=[run.pk]), {"skip_invalid": "1"})
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and (run.new, run.invalid) == (1, 1)
    assert Enterprise.objects.count() == 1
    response = official_client.get(reverse("enterprises:import-rejects", args=[run.pk]))
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "91350100M000100Y44" in content and "list-rejects.csv" in response["Content-Disposition"]


def test_confirming_twice_imports_once(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER + f"企业,{valid_credit_code()},\n")
    run = ImportRun.objects.get()
    url = reverse("enterprises:import-confirm", args=[run.pk])
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(url)
        official_client.post(url)
    assert Enterprise.objects.count() == 1


def test_file_that_is_not_csv_or_xlsx_is_refused_with_a_message(official_client):
    response = upload(official_client, "hello", name="notes.docx")
    assert response.status_code == 400
    assert not ImportRun.objects.exists()


def test_file_named_xlsx_that_is_not_a_workbook_is_refused(official_client):
    response = official_client.post(
        reverse("enterprises:import-list"),
        {"kind": "enterprises", "file": SimpleUploadedFile("list.xlsx", b"not a zip")},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "not an XLSX workbook" in response.content.decode()


def test_preview_refuses_a_file_missing_required_columns(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, "企业名称\n荆门企业\n")
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.REFUSED_FILE
    assert "统一社会信用代码" in run.message


def test_cancel_discards_a_preview(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER + f"企业,{valid_credit_code()},\n")
    run = ImportRun.objects.get()
    official_client.post(reverse("enterprises:import-cancel", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED
    assert official_client.post(reverse("enterprises:import-confirm", args=[run.pk])).status_code == 302
    assert not Enterprise.objects.exists()


def test_template_download_has_the_chinese_headers(official_client):
    response = official_client.get(reverse("enterprises:import-template", args=["yearly"]))
    assert response.content.decode("utf-8-sig").startswith("年份,常住人口")


def test_enterprise_user_cannot_see_imports_or_upload(client_a, official, django_capture_on_commit_callbacks):
    run = ImportRun.objects.create(kind="enterprises", original_name="x.csv", created_by=official)
    assert client_a.get(run.get_absolute_url()).status_code == 403
    assert upload(client_a, HEADER).status_code == 403
    assert ImportRun.objects.count() == 1


def test_preview_shows_the_warnings_of_the_file(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, "年份,常住人口\n2024,32\n", name="yearly.csv", kind="yearly")
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.PREVIEWED and len(run.warnings) == 1
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "警告： 2024年：常住人口32人不合常理" in page


def test_the_history_names_the_kind_in_the_readers_language(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER + f"荆门预览企业,{valid_credit_code()},绿色化工\n")
    from django.utils import translation

    from core.importing import KINDS

    for language in ("en", "zh-hans"):
        page = official_client.get(reverse("enterprises:import-list"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        with translation.override(language):
            label = str(KINDS["enterprises"].label)
        assert f"<td>{label}</td>" in page and label != "enterprises"
    assert "更新时间" not in official_client.get(reverse("enterprises:import-list")).content.decode()


def test_a_refused_rows_reason_is_shown_in_the_readers_language(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER + f"好企业,{valid_credit_code()},不存在的产业\n")  # checked in Chinese
    run = ImportRun.objects.get()
    assert run.errors[0]["problems"][0]["reason"]["code"] == "not one of: %(choices)s"
    english = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "not one of:" in english
    assert "不是以下之一" in chinese and "not one of:" not in chinese


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("old.xls", (Path(__file__).parent / "fixtures" / "one_patent.xls").read_bytes()),
        ("unicode.txt", "\ufeff申请号\t专利名称\n".encode("utf-16-le")),
    ],
)
def test_an_xls_workbook_and_unicode_text_are_accepted_and_named(
    official_client, django_capture_on_commit_callbacks, name, content
):
    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(
            reverse("enterprises:import-list"),
            {"kind": "patents", "file": SimpleUploadedFile(name, content)},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.file_format in ("XLS (Excel 97–2003)", "TSV (UTF-16)")


def test_the_check_shows_each_field_an_update_changes_and_how_holders_matched(
    official_client, django_capture_on_commit_callbacks
):
    from tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory(name="荆门甲化工有限公司", industry="other", high_tech=False, ip_staff_count=2)
    text = f"企业名称,统一社会信用代码,所属产业,高新技术企业,知识产权工作人员数\n荆门甲化工有限公司,{enterprise.credit_code},,是,5\n"
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, text)
    run = ImportRun.objects.get()
    assert run.updated == 1
    [change] = run.changes
    assert change["key"] == enterprise.credit_code
    pairs = {(render(old), render(new)) for _label, old, new in change["fields"]}
    assert len(pairs) == 2 and ("2", "5") in pairs  # the flag and the staff count; the empty industry is no change
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "What the update changes" in page and "IP staff" in page
    enterprise.refresh_from_db()
    assert enterprise.ip_staff_count == 2  # a check stores nothing


def test_the_check_of_a_patent_list_says_how_holders_matched(official_client, django_capture_on_commit_callbacks):
    from enterprises.codes import patent_check_digit
    from tests.factories import EnterpriseFactory

    EnterpriseFactory(name="荆门甲化工有限公司")
    number = "202310123450." + patent_check_digit("202310123450")
    text = f"申请号,专利名称,申请日,专利权人,法律状态\n{number},x,2023-01-05,荆门甲化工有限公司；武汉某大学,有效\n"
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, text, kind="patents")
    run = ImportRun.objects.get()
    assert run.holder_matching["counts"] == {"matched_by_name": 1}
    assert run.holder_matching["unmatched"] == [["武汉某大学", 1]]
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "How holders matched" in page and "武汉某大学 (1)" in page


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "No row of the file is valid"), ("zh-hans", "文件中没有有效行")],
)
def test_a_file_with_no_valid_row_offers_no_skipping_and_cannot_be_confirmed(
    official_client, django_capture_on_commit_callbacks, language, said
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER + "坏企业,91350100M000100Y44,\n坏企业二,91350100M000100Y45,\n")
    run = ImportRun.objects.get()
    assert (run.new + run.updated + run.unchanged, run.invalid) == (0, 2)
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert said in page and 'name="skip_invalid"' not in page
    assert reverse("enterprises:import-cancel", args=[run.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(
            reverse("enterprises:import-confirm", args=[run.pk]),
            {"skip_invalid": "1"},
            follow=True,
            HTTP_ACCEPT_LANGUAGE=language,
        )
    assert said in response.content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED and not Enterprise.objects.exists()


NOTHING = {"en": "there is nothing to import", "zh-hans": "没有可导入的内容"}


def says_nothing_to_import_and_refuses_confirmation(client, run, language, capture) -> None:
    page = client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert NOTHING[language] in page
    assert reverse("enterprises:import-confirm", args=[run.pk]) not in page
    with capture(execute=True):
        response = client.post(
            reverse("enterprises:import-confirm", args=[run.pk]), follow=True, HTTP_ACCEPT_LANGUAGE=language
        )
    assert NOTHING[language] in response.content.decode()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_file_with_a_header_and_no_rows_says_there_is_nothing_to_import_and_offers_no_confirmation(
    official_client, django_capture_on_commit_callbacks, language
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER)
    run = ImportRun.objects.get()
    says_nothing_to_import_and_refuses_confirmation(official_client, run, language, django_capture_on_commit_callbacks)
    run.refresh_from_db()
    assert run.status != ImportRun.Status.DONE and not Enterprise.objects.exists()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_checked_run_with_no_rows_cannot_be_confirmed(official_client, django_capture_on_commit_callbacks, language):
    """A run checked as having no rows (awaiting confirmation all the same) is refused on the server."""
    run = ImportRun.objects.create(
        kind="enterprises", original_name="list.csv", status=ImportRun.Status.PREVIEWED, rows_total=0
    )
    says_nothing_to_import_and_refuses_confirmation(official_client, run, language, django_capture_on_commit_callbacks)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED
