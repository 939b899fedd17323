"""Checks for supporting documents uploaded by users: type by content (magic bytes), size."""

import uuid
from pathlib import Path

from django import forms
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

DOCUMENT_SIGNATURES = {
    b"%PDF-": "pdf",
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"PK\x03\x04": "office",  # XLSX / DOCX
}
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def validate_document(upload) -> None:
    """Refuse anything but PDF, PNG, JPEG, XLSX or DOCX, judged by content, and files over 10 MB."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise forms.ValidationError(_("The attachment is larger than 10 MB."))
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in DOCUMENT_SIGNATURES):
        raise forms.ValidationError(_("Attach a PDF, PNG, JPEG, XLSX or DOCX file."))


@deconstructible
class GeneratedName:
    """upload_to that stores a file under a random name in a folder; the user's name is never a path."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        return f"{self.folder}/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"

    def __eq__(self, other) -> bool:
        return isinstance(other, GeneratedName) and other.folder == self.folder
