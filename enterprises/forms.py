from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .codes import normalize_credit_code
from .importing import KINDS
from .models import Enterprise


class EnterpriseForm(forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = [
            "name",
            "credit_code",
            "industry",
            "high_tech",
            "specialised",
            "little_giant",
            "listing_reserve",
            "tech_sme",
            "ip_staff_count",
            "contact_name",
            "contact_phone",
            "contact_email",
            "address",
        ]

    def clean_credit_code(self) -> str:
        return normalize_credit_code(self.cleaned_data["credit_code"])


class EnterpriseContactForm(forms.ModelForm):
    """What an enterprise user may change on its own page."""

    class Meta:
        model = Enterprise
        fields = ["contact_name", "contact_phone", "contact_email", "address", "ip_staff_count"]


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of list"))
    file = forms.FileField(label=_("file"), help_text=_("CSV (UTF-8 or GB18030) or XLSX, header in the first row."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(name, kind.label) for name, kind in KINDS.items()]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is %(size)s MB; the limit is %(limit)s MB."),
                params={
                    "size": round(upload.size / 1048576, 1),
                    "limit": round(settings.IMPORT_MAX_UPLOAD_BYTES / 1048576),
                },
            )
        head = upload.read(4)
        upload.seek(0)
        name = upload.name.lower()
        if name.endswith(".xlsx"):
            if head != b"PK\x03\x04":
                raise ValidationError(_("This file is named .xlsx but is not an XLSX workbook."))
        elif name.endswith((".csv", ".txt")):
            if b"\x00" in upload.read(4096):
                upload.seek(0)
                raise ValidationError(_("This file is named .csv but is not text."))
            upload.seek(0)
        else:
            raise ValidationError(_("Only CSV and XLSX files can be imported."))
        return upload
