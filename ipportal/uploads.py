"""Checks for supporting documents uploaded by users: type by content (magic bytes), size; and
their storing and serving by that type, never by the extension or content type the client gave."""

import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DocumentType:
    extension: str
    content_type: str


PDF = DocumentType("pdf", "application/pdf")
PNG = DocumentType("png", "image/png")
JPEG = DocumentType("jpg", "image/jpeg")
XLSX = DocumentType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
DOCX = DocumentType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
UNKNOWN = DocumentType("bin", "application/octet-stream")

DOCUMENT_SIGNATURES = {b"%PDF-": PDF, b"\x89PNG\r\n\x1a\n": PNG, b"\xff\xd8\xff": JPEG}
ZIP_SIGNATURE = b"PK\x03\x04"  # XLSX / DOCX: told apart by their main part
OFFICE_PARTS = {"xl/workbook.xml": XLSX, "word/document.xml": DOCX}
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# What a stored name may end with: the document types, and the import page's CSV / XLSX.
STORED_SUFFIXES = {".pdf", ".png", ".jpg", ".xlsx", ".docx", ".csv", ".txt"}


def document_type(handle) -> DocumentType | None:
    """The type of a document by its content (the handle is read and rewound); None for any other file."""
    handle.seek(0)
    head = handle.read(16)
    handle.seek(0)
    for signature, kind in DOCUMENT_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    if not head.startswith(ZIP_SIGNATURE):
        return None
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        handle.seek(0)
    return next((kind for part, kind in OFFICE_PARTS.items() if part in names), None)


def validate_document(upload) -> DocumentType:
    """Refuse anything but PDF, PNG, JPEG, XLSX or DOCX, judged by content, and files over 10 MB.
    The upload is renamed to the extension of its content, which is what gets stored."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise forms.ValidationError(_("The attachment is larger than 10 MB."))
    kind = document_type(upload)
    if kind is None:
        raise forms.ValidationError(_("Attach a PDF, PNG, JPEG, XLSX or DOCX file."))
    upload.name = f"{Path(upload.name).stem or 'document'}.{kind.extension}"
    return kind


def document_response(file: FieldFile, stem: str) -> FileResponse:
    """A stored document as a download named and typed by its content, whatever its stored name
    (files stored before names followed the content may still carry the client's extension)."""
    handle = file.open("rb")
    kind = document_type(handle) or UNKNOWN
    return FileResponse(handle, as_attachment=True, filename=f"{stem}.{kind.extension}", content_type=kind.content_type)


@deconstructible
class GeneratedName:
    """upload_to that stores a file under a random name in a folder; the user's name is never a
    path, and its extension is kept only if it is one the portal stores (validate_document has
    already set a document's to that of its content)."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = Path(filename).suffix.lower()
        suffix = ".jpg" if suffix == ".jpeg" else suffix
        return f"{self.folder}/{uuid.uuid4().hex}{suffix if suffix in STORED_SUFFIXES else ''}"

    def __eq__(self, other) -> bool:
        return isinstance(other, GeneratedName) and other.folder == self.folder
