"""A run refused for the whole file (wrong kind, missing columns, unreadable) says so, not "invalid rows"."""

import pytest
from django.urls import reverse

from enterprises.models import ImportRun

from .test_import_page import upload

pytestmark = pytest.mark.django_db

FILE_LABELS = {"zh-hans": "已拒绝：文件无法导入", "en": "refused: the file cannot be imported"}
ROWS_LABELS = {"zh-hans": "已拒绝：存在无效行", "en": "refused: invalid rows"}


def refused_for_missing_columns(client, capture) -> ImportRun:
    with capture(execute=True):
        upload(client, "企业名称\n荆门企业\n")
    return ImportRun.objects.get()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_file_refused_for_missing_columns_reads_as_a_file_refusal_on_its_page_and_the_list(
    official_client, django_capture_on_commit_callbacks, language
):
    run = refused_for_missing_columns(official_client, django_capture_on_commit_callbacks)
    for url in (run.get_absolute_url(), reverse("enterprises:import-list")):
        page = official_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert FILE_LABELS[language] in page
        assert ROWS_LABELS[language] not in page


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_file_of_another_kind_reads_as_a_file_refusal_and_still_offers_the_other_kind(
    official_client, django_capture_on_commit_callbacks, language
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(
            official_client, "企业名称,统一社会信用代码,所属产业\n荆门甲,91420800MA49XXXX1X,绿色化工\n", kind="patents"
        )
    run = ImportRun.objects.get()
    assert run.detected_kind == "enterprises"
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert FILE_LABELS[language] in page and ROWS_LABELS[language] not in page
    assert reverse("enterprises:import-list") + "?kind=enterprises" in page


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_run_refused_for_its_rows_still_reads_invalid_rows(official_client, language):
    run = ImportRun.objects.create(
        kind="enterprises", original_name="list.csv", status=ImportRun.Status.REFUSED, rows_total=3, invalid=2
    )
    for url in (run.get_absolute_url(), reverse("enterprises:import-list")):
        page = official_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert ROWS_LABELS[language] in page and FILE_LABELS[language] not in page
