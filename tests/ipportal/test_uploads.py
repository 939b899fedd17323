"""Uploaded documents are stored and served by the type their content shows, never by the
extension or content type the client gave (x.html, x.svg or x.exe with PDF or PNG bytes)."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import ValidationError
from django.urls import reverse

from enforcement.models import AssistanceRequest
from enterprises.models import Filing
from ipportal.uploads import GeneratedName, validate_document
from tests.enterprises.test_filings import file_patent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 minimal\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})


@pytest.mark.parametrize(
    "name, content, extension",
    [
        ("x.html", PDF, ".pdf"),
        ("x.svg", PNG, ".png"),
        ("x.exe", JPEG, ".jpg"),
        ("report.html", DOCX, ".docx"),
        ("sheet", XLSX, ".xlsx"),
        ("scan.JPEG", JPEG, ".jpg"),
    ],
)
def test_a_document_takes_the_extension_of_its_content(name, content, extension):
    upload = SimpleUploadedFile(name, content, content_type="text/html")
    validate_document(upload)
    assert upload.name.endswith(extension)
    assert GeneratedName("docs")(None, upload.name).endswith(extension)


def test_a_zip_that_is_no_office_document_is_refused():
    upload = SimpleUploadedFile("x.docx", zipped({"evil.html": b"<script>"}))
    with pytest.raises(ValidationError):
        validate_document(upload)


@pytest.mark.parametrize("name", ["x.html", "x.svg", "x.exe", "x.php", "x"])
def test_generated_names_never_keep_a_dangerous_extension(name):
    stored = GeneratedName("docs")(None, name)
    assert not stored.endswith((".html", ".svg", ".exe", ".php"))


def test_a_filing_document_named_html_is_stored_and_served_as_pdf(client, user_a):
    client.force_login(user_a)
    file_patent(client, "202310123456.6", documents=SimpleUploadedFile("x.html", PDF, content_type="text/html"))
    attachment = Filing.objects.get().attachments.get()
    assert attachment.file.name.endswith(".pdf")
    response = client.get(attachment.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('.pdf"')


def test_evidence_named_svg_is_stored_and_served_as_png(client_a):
    client_a.post(
        reverse("enforcement:assistance-request"),
        {
            "subject": "专利被侵权",
            "ip_type": "patent",
            "description": "d",
            "attachment": SimpleUploadedFile("x.svg", PNG, content_type="image/svg+xml"),
        },
    )
    entry = AssistanceRequest.objects.get()
    assert entry.attachment.name.endswith(".png")
    response = client_a.get(reverse("enforcement:assistance-evidence", args=[entry.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].endswith('.png"')


@pytest.mark.parametrize(
    "content, content_type, extension",
    [(PDF, "application/pdf", ".pdf"), (b"<html><script>alert(1)</script>", "application/octet-stream", ".bin")],
)
def test_a_file_stored_earlier_under_its_client_extension_is_served_by_its_content(
    client_a, enterprise_a, settings, content, content_type, extension
):
    entry = AssistanceRequest.objects.create(enterprise=enterprise_a, subject="s", ip_type="patent", description="d")
    entry.attachment.save("old.html", ContentFile(content), save=True)
    AssistanceRequest.objects.filter(pk=entry.pk).update(attachment="assistance/old.html")
    path = settings.MEDIA_ROOT / "assistance" / "old.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    response = client_a.get(reverse("enforcement:assistance-evidence", args=[entry.pk]))
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].endswith(f'{extension}"')
