"""Malformed CSV files are refused with a message naming the row, wherever the fault sits in the
file (every byte is checked, not only the first megabyte or the first 4 KiB), and nothing is stored."""

import csv

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from core.importing import KINDS, run_import
from core.importing.engine import CHUNK_SIZE
from enterprises.importing import runs
from enterprises.models import Enterprise, ImportRun

from ..enterprises.test_import_page import HEADER
from ..factories import valid_credit_code

pytestmark = pytest.mark.django_db


def good_rows(count: int) -> str:
    return "".join(f"荆门企业{n},{valid_credit_code()},\n" for n in range(count))


# Each file: its bytes and the spreadsheet row (header = row 1) that is broken.
def field_over_the_csv_limit() -> tuple[bytes, int]:
    body = HEADER + good_rows(3) + '"' + "长" * (csv.field_size_limit() + 10) + f'",{valid_credit_code()},\n'
    return body.encode(), 5


def invalid_bytes_after_the_first_megabyte() -> tuple[bytes, int]:
    rows = (1024 * 1024) // 30 + 10  # over 30 bytes a row: the bad row lies past the first megabyte
    body = (HEADER + good_rows(rows)).encode()
    assert len(body) > 1024 * 1024
    return body + b"\xff\xfe\xfd," + valid_credit_code().encode() + b",\n", rows + 2


def nul_after_the_first_4_kib() -> tuple[bytes, int]:
    rows = 4096 // 30 + 10
    body = (HEADER + good_rows(rows)).encode()
    assert len(body) > 4096
    return body + b"\x00\x00," + valid_credit_code().encode() + b",\n", rows + 2


MALFORMED = [field_over_the_csv_limit, invalid_bytes_after_the_first_megabyte, nul_after_the_first_4_kib]


@pytest.mark.parametrize("language, row_label", [("en", "Row {row}"), ("zh-hans", "第 {row} 行")])
@pytest.mark.parametrize("make", MALFORMED)
def test_a_malformed_csv_is_refused_naming_the_row(tmp_path, make, language, row_label):
    data, row = make()
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    with translation.override("en" if language != "en" else "zh-hans"):  # written in the other language
        result = run_import(KINDS["enterprises"], path)
    assert result.refused and not result.committed
    with translation.override(language):  # read in the reader's
        assert row_label.format(row=row) in result.file_error
    assert not Enterprise.objects.exists()


@pytest.mark.parametrize("make", MALFORMED)
def test_the_import_page_refuses_a_malformed_csv_without_an_error(
    official_client, django_capture_on_commit_callbacks, make
):
    data, row = make()
    with django_capture_on_commit_callbacks(execute=True):
        file = SimpleUploadedFile("list.csv", data, content_type="text/csv")
        response = official_client.post(
            reverse("enterprises:import-list"), {"kind": "enterprises", "file": file}, HTTP_ACCEPT_LANGUAGE="en"
        )
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.REFUSED_FILE
    assert str(row) in run.message
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and f"Row {row}" in page.content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("make", MALFORMED)
def test_a_malformed_row_after_the_first_chunk_stores_nothing(reference_data, official, make):
    data, _row = make()
    header, rest = data.split(b"\n", 1)
    data = header + b"\n" + good_rows(CHUNK_SIZE + 5).encode() + rest
    run = ImportRun.objects.create(
        kind="enterprises",
        file=ContentFile(data, name="list.csv"),
        original_name="list.csv",
        status=ImportRun.Status.IMPORTING,
        created_by=official,
    )
    runs.process_run(run.pk, confirm=True)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.REFUSED_FILE
    assert not Enterprise.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_unexpected_failure_stores_no_exception_text(reference_data, official, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals at /srv/ipportal/x.py")

    monkeypatch.setattr(runs, "run_import", broken)
    run = ImportRun.objects.create(
        kind="enterprises",
        file=ContentFile((HEADER + good_rows(1)).encode(), name="list.csv"),
        original_name="list.csv",
        status=ImportRun.Status.IMPORTING,
        created_by=official,
    )
    with pytest.raises(RuntimeError):
        runs.process_run(run.pk, confirm=True)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert "secret" not in run.message and "RuntimeError" not in run.message
    assert run.message
