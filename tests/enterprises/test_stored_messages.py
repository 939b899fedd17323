"""Messages the import stores (a whole file's refusal, a failure, a validator's refusal) are kept as
codes with parameters and read in the reader's language (ipportal.coded), whatever the language of
the session that wrote them."""

import json
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from core.importing.values import ImportValueError
from enterprises.importing.rights import parse_legal_status, parse_patent_number
from enterprises.models import ImportRun
from ipportal.coded import coded, from_validation_error, render, stored

pytestmark = pytest.mark.django_db


def upload_in_chinese(client, text: str, kind: str):
    file = SimpleUploadedFile("list.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("enterprises:import-list"), {"kind": kind, "file": file}, HTTP_ACCEPT_LANGUAGE="zh-hans")


def pages(client, run) -> tuple[str, str]:
    english = client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    return english, chinese


def test_a_whole_file_refusal_written_in_chinese_reads_in_english(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload_in_chinese(
            official_client, "企业名称,统一社会信用代码,所属产业\n荆门甲,91420800MA49XXXX1X,绿色化工\n", "patents"
        )
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.REFUSED_FILE
    message = json.loads(run.message)
    assert message["code"].startswith("This looks like a list of %(kind)s")
    assert message["params"]["kind"] == {"code": "Enterprises", "params": {}}  # the kind's label, translated when read
    english, chinese = pages(official_client, run)
    with translation.override("en"):
        shown = render(run.message)
    assert shown.startswith("This looks like a list of Enterprises, not of Patents") and shown in english
    assert "This looks like a list of" not in chinese


def test_an_empty_file_refusal_is_coded(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload_in_chinese(official_client, "\n", "enterprises")
    run = ImportRun.objects.get()
    assert json.loads(run.message) == {"code": "The file is empty.", "params": {}}
    english, chinese = pages(official_client, run)
    assert "The file is empty." in english and "The file is empty." not in chinese


def test_a_server_failure_message_is_coded(official_client, django_capture_on_commit_callbacks):
    with (
        mock.patch("enterprises.importing.runs.run_import", side_effect=RuntimeError("磁盘已满")),
        pytest.raises(RuntimeError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        upload_in_chinese(official_client, "企业名称,统一社会信用代码,所属产业\n", "enterprises")
    run = ImportRun.objects.get()
    assert json.loads(run.message)["params"] == {"id": run.pk}
    english, _chinese = pages(official_client, run)
    assert f"The import failed on the server and stored nothing; the log has the details (run {run.pk})." in english
    assert "磁盘已满" not in english


def test_a_validators_refusal_is_stored_coded_and_read_in_english(official_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload_in_chinese(
            official_client,
            "申请号,专利名称,申请日,专利权人,法律状态\n202310123456.1,一种方法,2023-01-05,荆门甲,有效\n",
            "patents",
        )
    run = ImportRun.objects.get()
    reasons = [problem["reason"] for error in run.errors for problem in error["problems"]]
    checksum = next(reason for reason in reasons if isinstance(reason, dict) and "check digit" in reason["code"])
    assert checksum["params"]["value"] == "202310123456.1"
    english, chinese = pages(official_client, run)
    assert "202310123456.1 fails the check digit" in english
    assert "fails the check digit" not in chinese


def test_validation_errors_and_translatable_parameters_keep_their_msgids():
    with translation.override("zh-hans"):
        with pytest.raises(ImportValueError) as refused:
            parse_patent_number("202310123456.1")
        reason = refused.value.reason
        with pytest.raises(ImportValueError) as refused:
            parse_legal_status("火星")
        status_reason = refused.value.reason
    assert reason["code"].startswith("%(value)s fails the check digit")
    assert status_reason["params"]["what"] == {"code": "legal status", "params": {}}
    with translation.override("en"):
        assert render(reason).startswith("202310123456.1 fails the check digit")
        assert "is not a legal status this portal knows" in render(status_reason)
    several = ValidationError([ValidationError(gettext_lazy("not a number")), ValidationError("as it is")])
    assert from_validation_error(several) == [{"code": "not a number", "params": {}}, "as it is"]
    assert render(stored(coded("Row %(row)d is empty", row=3))) == "Row 3 is empty"


def test_import_warnings_are_stored_coded_and_read_in_english(official_client, django_capture_on_commit_callbacks):
    text = "年份,常住人口,一般公共预算支出(万元),知识产权工作经费(万元)\n2024,32,,\n2025,320000,100,150\n"
    with django_capture_on_commit_callbacks(execute=True):
        upload_in_chinese(official_client, text, "yearly")
    run = ImportRun.objects.get()
    assert all(isinstance(warning, dict) for warning in run.warnings) and len(run.warnings) == 2
    english, chinese = pages(official_client, run)
    assert "2024: a resident population of 32 is implausible" in english
    assert "more than 100% of the public budget expenditure" in english
    assert "implausible" not in chinese


def test_a_plural_warning_is_stored_coded_and_counts_in_the_readers_language():
    from enterprises.importing.rights import LAPSED_WITHOUT_DATE
    from ipportal.coded import coded_plural

    one, three = (coded_plural(*LAPSED_WITHOUT_DATE, n, count=n) for n in (1, 3))
    with translation.override("en"):
        assert render(one).startswith("1 lapsed patent has") and render(three).startswith("3 lapsed patents have")
    with translation.override("zh-hans"):
        assert "lapsed" not in render(three) and "3" in render(three)


# Messages naming a field name it by the column's header and its label in the reader's language,
# never by the field's internal key.


def test_missing_columns_are_named_by_header_and_translated_label_not_by_key(
    official_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload_in_chinese(official_client, "申请号,专利名称,申请日\n", "patents")
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.REFUSED_FILE
    english, chinese = pages(official_client, run)
    assert "Required columns are missing: holder (专利权人), legal status (法律状态)" in english
    assert "缺少必填列：专利权人（权利人）, 法律状态" in chinese
    for page in (english, chinese):
        assert "holder_name" not in page and "legal_status" not in page


def test_the_mapping_step_names_fields_by_header_and_translated_label_not_by_key(
    official_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload_in_chinese(
            official_client, "申请号,专利名称,申请日,案卷权属单位,法律状态\n1,x,2023-01-05,y,有效\n", "patents"
        )
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.MAPPING
    url = reverse("enterprises:import-mapping", args=[run.pk])
    english = official_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = official_client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "Required fields without a recognised column: holder (专利权人)" in english
    assert ">holder (专利权人) *</option>" in english and ">title (专利名称) *</option>" in english
    assert ">专利权人（权利人） *</option>" in chinese and ">法律状态 *</option>" in chinese
    for page in (english, chinese):
        assert "(holder_name)" not in page and "(application_number)" not in page


def test_a_row_refused_for_a_column_the_file_lacks_names_the_field_in_the_readers_language(
    official_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload_in_chinese(official_client, "姓名,类别\n张三,专利代理师\n", "talents")
    run = ImportRun.objects.get()
    assert run.invalid == 1
    english, chinese = pages(official_client, run)
    assert "qualification certificate number (资格证号)" in english
    assert "资格证号" in chinese
    for page in (english, chinese):
        assert "qualification_number" not in page


def test_a_repeated_key_is_named_by_the_files_header(official_client, django_capture_on_commit_callbacks):
    from enterprises.codes import patent_check_digit

    number = "202310123450." + patent_check_digit("202310123450")
    row = f"{number},x,2023-01-05,荆门甲化工有限公司,有效\n"
    with django_capture_on_commit_callbacks(execute=True):
        upload_in_chinese(official_client, "专利申请号,专利名称,申请日,专利权人,法律状态\n" + row + row, "patents")
    run = ImportRun.objects.get()
    assert run.errors[0]["problems"][0]["column"] == "专利申请号"


def test_the_fields_an_update_changes_read_in_the_readers_language(official_client, django_capture_on_commit_callbacks):
    from tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory(name="荆门甲化工有限公司", high_tech=False, ip_staff_count=2)
    text = (
        f"企业名称,统一社会信用代码,高新技术企业,知识产权工作人员数\n荆门甲化工有限公司,{enterprise.credit_code},是,5\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        upload_in_chinese(official_client, text, "enterprises")
    run = ImportRun.objects.get()
    english, chinese = pages(official_client, run)
    assert "<td>IP staff</td><td>2</td><td>5</td>" in english
    assert "<td>high-tech enterprise</td><td>no</td><td>yes</td>" in english
    assert "<td>知识产权工作人员数</td><td>2</td><td>5</td>" in chinese
    assert "<td>高新技术企业</td><td>否</td><td>是</td>" in chinese


def test_every_field_of_every_import_kind_has_a_translated_label():
    from django.utils.functional import Promise

    from core.importing import KINDS

    unlabelled = [
        (kind.name, column.key)
        for kind in KINDS.values()
        for column in kind.columns
        if not isinstance(kind.field_label(column), Promise)
    ]
    assert unlabelled == []
