"""Files in and out: formula neutralising on every export, XLSX bombs and oversized sheets
refused before they are read, sanitised download names."""

import csv
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from core.importing import KINDS, run_import
from core.importing.reader import UnreadableFile, format_label, open_table
from core.importing.values import clean_text
from enterprises.models import ImportRun
from ipportal.exports import safe_cell, safe_filename
from tests.enterprises.test_import_page import HEADER, upload
from tests.factories import PatentFactory, valid_credit_code

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","x")'


@pytest.fixture(autouse=True)
def in_english():
    """The refusals below are asserted in English (Chinese is the default language)."""
    with translation.override("en"):
        yield


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_safe_cell_prefixes_every_formula_start_and_is_idempotent():
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(text) == "'" + text
        assert safe_cell(safe_cell(text)) == "'" + text
    assert safe_cell("一种装置") == "一种装置" and safe_cell(5) == 5


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_record_export_neutralises_formulas(official_client, enterprise_a, fmt):
    PatentFactory(enterprise=enterprise_a, title=FORMULA)
    response = official_client.get(reverse("enterprises:patent-export"), {"format": fmt})
    rows = csv_rows(response) if fmt == "csv" else xlsx_rows(response)
    assert "'" + FORMULA in rows[1]
    assert FORMULA not in rows[1]


def test_enterprise_export_neutralises_formulas(official_client, enterprise_a):
    enterprise_a.name = "=cmd|'/c calc'!A0"
    enterprise_a.save()
    rows = csv_rows(official_client.get(reverse("enterprises:export")))
    assert "'=cmd|'/c calc'!A0" in [cell for row in rows for cell in row]


def test_claim_export_neutralises_formulas(official_client, enterprise_a):
    from finance.models import Claim
    from tests.finance.test_claims import item

    support = item(name="=1+2")
    Claim.objects.create(
        enterprise=enterprise_a, item=support, state="approved", submitted_at=timezone.now(), approved_amount=Decimal(1)
    )
    rows = xlsx_rows(official_client.get(reverse("finance:claim-export")))
    assert rows[1][1] == "'=1+2"


def test_rejected_rows_file_is_neutralised_and_reads_back_unchanged(tmp_path):
    source = tmp_path / "list.csv"
    source.write_text(HEADER + f"=1+1,{valid_credit_code()},\n-坏,91350100M000100Y44,\n", encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    run_import(KINDS["enterprises"], source, skip_invalid=True, rejects_path=rejects)
    rows = list(csv.reader(io.StringIO(rejects.read_text(encoding="utf-8-sig"))))
    assert rows[1][0] == "'-坏"
    assert clean_text(rows[1][0]) == "-坏"
    assert clean_text("'not a formula") == "'not a formula"


def zip_file(path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_xlsx_unpacking_to_too_much_is_refused_before_reading(tmp_path, settings):
    settings.IMPORT_XLSX_MAX_UNPACKED_BYTES = 1024 * 1024
    path = tmp_path / "big.xlsx"
    zip_file(path, {"xl/worksheets/sheet1.xml": bytes(range(256)) * 8192})  # 2 MiB, barely compressible
    with pytest.raises(UnreadableFile, match="unpacks to"):
        open_table(path)


def test_xlsx_bomb_is_refused_by_its_compression_ratio(tmp_path):
    path = tmp_path / "bomb.xlsx"
    zip_file(path, {"xl/worksheets/sheet1.xml": b"0" * (20 * 1024 * 1024)})
    assert path.stat().st_size < 100_000
    with pytest.raises(UnreadableFile, match="unpacks to"):
        open_table(path)


def test_xlsx_with_too_many_parts_is_refused(tmp_path, settings):
    path = tmp_path / "parts.xlsx"
    zip_file(path, {f"xl/media/{n}.bin": b"x" for n in range(settings.IMPORT_XLSX_MAX_MEMBERS + 1)})
    with pytest.raises(UnreadableFile, match="parts"):
        open_table(path)


def test_a_real_workbook_passes_the_checks(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["企业名称", "统一社会信用代码"])
    workbook.active.append(["荆门甲", valid_credit_code()])
    path = tmp_path / "ok.xlsx"
    workbook.save(path)
    assert open_table(path).header == ["企业名称", "统一社会信用代码"]


def test_too_many_rows_are_refused(tmp_path, settings):
    settings.IMPORT_MAX_ROWS = 3
    path = tmp_path / "rows.csv"
    path.write_text("a,b\n" + "1,2\n" * 4, encoding="utf-8")
    with pytest.raises(UnreadableFile, match="rows"):
        open_table(path)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_too_many_columns_are_refused(tmp_path, settings, suffix):
    settings.IMPORT_MAX_COLUMNS = 5
    path = tmp_path / f"wide.{suffix}"
    if suffix == "csv":
        path.write_text(",".join("abcdefg") + "\n", encoding="utf-8")
    else:
        workbook = openpyxl.Workbook()
        workbook.active.append(list("abcdefg"))
        workbook.save(path)
    with pytest.raises(UnreadableFile, match="columns"):
        open_table(path)


def test_a_long_row_in_a_csv_is_refused_while_reading(tmp_path, settings):
    settings.IMPORT_MAX_COLUMNS = 5
    path = tmp_path / "ragged.csv"
    path.write_text("a,b\n" + "1,2\n" * 30 + ",".join("x" * 9) + "\n", encoding="utf-8")  # past the rows kept back
    table = open_table(path)
    with pytest.raises(UnreadableFile, match="columns"):
        list(table.rows)


def test_an_import_of_a_bomb_reports_why_on_the_page(official_client, django_capture_on_commit_callbacks):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (20 * 1024 * 1024))
    file = SimpleUploadedFile("bomb.xlsx", buffer.getvalue())
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(
            reverse("enterprises:import-list"), {"kind": "enterprises", "file": file}, HTTP_ACCEPT_LANGUAGE="en"
        )
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.REFUSED_FILE
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "unpacks to" in page


def test_safe_filename_keeps_words_and_drops_everything_else():
    assert safe_filename('名单"; filename=x.exe\r\n') == "名单_filename_x.exe"
    assert safe_filename("../../") == "download"


def test_rejects_download_has_a_sanitised_name(official_client, django_capture_on_commit_callbacks):
    rows = f"好企业,{valid_credit_code()},\n坏企业,91350100M000100Y44,\n"
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER + rows, name="名单 (2025);x.csv")
    run = ImportRun.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("enterprises:import-confirm", args=[run.pk]), {"skip_invalid": "1"})
    response = official_client.get(reverse("enterprises:import-rejects", args=[run.pk]))
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''%E5%90%8D%E5%8D%95_2025_x-rejects.csv"


@pytest.mark.parametrize(
    "language, expected", [("en", "tab-separated text (GB18030)"), ("zh-hans", "制表符分隔文本（GB18030）")]
)
def test_what_a_file_was_read_as_shows_in_the_readers_language(tmp_path, language, expected):
    path = tmp_path / "list.txt"
    path.write_bytes("企业名称\t统一社会信用代码\n荆门甲\t1\n".encode("gb18030"))
    with translation.override("en" if language == "zh-hans" else "zh-hans"):  # read in the other language
        stored = open_table(path).format
    with translation.override(language):
        assert format_label(stored) == expected
