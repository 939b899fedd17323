from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.importing import KINDS
from core.importing.headers import header_fingerprint, unnamed_column
from core.importing.reader import OLE2_MAGIC, UTF16_BOMS
from core.models import ImportLayout
from ipportal.coded import render
from ipportal.dates import BoundedDatesMixin
from ipportal.uploads import validate_document

from .codes import (
    normalize_credit_code,
    normalize_credit_code_format,
    normalize_patent_number,
    patent_type_of,
)
from .filings import SPECS, subtypes_of, validate_for_kind
from .matching import enterprise_ids
from .models import (
    Certification,
    Enterprise,
    Filing,
    GIProduct,
    Honour,
    InnovationPilot,
    Patent,
    Source,
    Trademark,
    accepted_credit_code,
    default_expiry,
)


class EnterpriseForm(forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = [
            "name",
            "former_names",
            "credit_code",
            "industry",
            "high_tech",
            "specialised",
            "little_giant",
            "listing_reserve",
            "tech_sme",
            "high_tech_year",
            "specialised_year",
            "little_giant_year",
            "listing_reserve_year",
            "ip_staff_count",
            "contact_name",
            "contact_phone",
            "contact_email",
            "address",
        ]

    accept_failing_checksum = forms.BooleanField(
        label=_("accept this code although it fails the checksum"),
        required=False,
        help_text=_("Real codes have been issued that fail it; say why you accept it below."),
    )
    override_reason = forms.CharField(
        label=_("why the code is accepted"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.credit_code_overridden:
            self.initial.setdefault("accept_failing_checksum", True)
            self.initial.setdefault("override_reason", self.instance.credit_code_override_reason)
        self.overriding = False

    def clean(self):
        """A code failing only its checksum is accepted when the official ticks the box and says why."""
        data = super().clean()
        raw = data.get("credit_code")
        if raw is None:
            return data
        try:
            data["credit_code"] = normalize_credit_code(raw)
            if self.instance.credit_code_overridden:  # a corrected code needs no acceptance any more
                self.instance.credit_code_override_reason = ""
                self.instance.credit_code_override_by = None
                self.instance.credit_code_override_at = None
            return data
        except ValidationError as error:
            if error.code != "checksum":
                self.add_error("credit_code", error)
                return data
            if not data.get("accept_failing_checksum"):
                self.add_error(
                    "credit_code",
                    ValidationError(
                        _("%(message)s If the code is right nonetheless, tick the box below and say why."),
                        params={"message": error.messages[0]},
                    ),
                )
                return data
        if not (data.get("override_reason") or "").strip():
            self.add_error("override_reason", _("Say why the code is accepted despite its checksum."))
            return data
        data["credit_code"] = normalize_credit_code_format(raw)
        self.instance.credit_code_override_reason = data["override_reason"].strip()
        self.overriding = True
        return data

    def _post_clean(self):
        if self.overriding and self.instance.credit_code_override_at is None:
            self.instance.credit_code_override_at = timezone.now()  # provisional, for the model's clean()
        super()._post_clean()

    def record_override(self, user) -> None:
        """Who accepted the failing code, and when (a new acceptance or a new reason restamps it)."""
        if not self.overriding:
            return
        if (
            self.instance.credit_code_override_by_id is None
            or "override_reason" in self.changed_data
            or "credit_code" in self.changed_data
        ):
            self.instance.credit_code_override_by = user
            self.instance.credit_code_override_at = timezone.now()


class EnterpriseContactForm(forms.ModelForm):
    """What an enterprise user may change on its own page."""

    class Meta:
        model = Enterprise
        fields = ["contact_name", "contact_phone", "contact_email", "address", "ip_staff_count"]


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of list"))
    file = forms.FileField(
        label=_("file"),
        help_text=_(
            "XLSX, XLSM, XLS or ODS; or CSV or tab-separated text in UTF-8, GB18030 or UTF-16 (Excel's Unicode text)."
        ),
    )

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
        head = upload.read(8)
        upload.seek(0)
        name = upload.name.lower()
        if name.endswith(".xlsx"):
            if not head.startswith(b"PK\x03\x04"):
                raise ValidationError(_("This file is named .xlsx but is not an XLSX workbook."))
        elif name.endswith((".xlsm", ".ods")):
            if not head.startswith(b"PK\x03\x04"):
                raise ValidationError(_("This file is named as a workbook but is not one."))
        elif name.endswith(".xls"):
            if head != OLE2_MAGIC and not head.startswith(b"PK\x03\x04"):
                raise ValidationError(_("This file is named as a workbook but is not one."))
        elif name.endswith((".csv", ".txt", ".tsv")):
            sample = upload.read(4096)
            upload.seek(0)
            if b"\x00" in sample and not sample.startswith(UTF16_BOMS):
                raise ValidationError(_("This file is named .csv but is not text."))
        else:
            raise ValidationError(
                _("Only spreadsheets (XLSX, XLSM, XLS, ODS) and text tables (CSV, TXT) can be imported.")
            )
        return upload


class ColumnMappingForm(forms.Form):
    """The mapping step of an upload whose required fields have no column: a field (or none) for
    each column of the file, and the name the layout is saved under.

    `header` is the file's header row, `kind` its import kind, `guesses` the proposed field key
    of each position (core.importing.headers.guess_mapping)."""

    name = forms.CharField(
        label=_("save the layout as"),
        max_length=100,
        help_text=_("Files of this kind with the same headers are read with it from now on."),
    )

    def __init__(self, *args, kind, header: list[str], guesses: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.kind, self.header = kind, header
        choices = [("", _("— not imported —"))] + [
            (column.key, f"{render(kind.field_name(column))}{' *' if column.required else ''}")
            for column in kind.columns
        ]
        for index, title in enumerate(header):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=title or _("(column %(number)d, no header)") % {"number": index + 1},
                choices=choices,
                required=False,
                initial=guesses.get(index, ""),
            )

    def column_fields(self, samples: list[list[str]] = ()):
        """(bound field, the column's first values) for each column of the file."""
        return [
            (self[f"column_{index}"], [row[index] for row in samples if index < len(row) and row[index]])
            for index in range(len(self.header))
        ]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        same_headers = {"kind": self.kind.name, "fingerprint": header_fingerprint(self.header)}
        if ImportLayout.objects.filter(name=name).exclude(**same_headers).exists():
            raise ValidationError(_("Another layout has this name already."))
        return name

    def clean(self):
        data = super().clean()
        chosen: dict[str, list[str]] = {}
        for index, title in enumerate(self.header):
            key = data.get(f"column_{index}")
            if key:
                chosen.setdefault(key, []).append(title or render(unnamed_column(index)))
        labels = {column.key: render(self.kind.field_name(column)) for column in self.kind.columns}
        for key, titles in chosen.items():
            if len(titles) > 1:
                raise ValidationError(
                    _("%(field)s is chosen for several columns: %(columns)s"),
                    params={"field": labels[key], "columns": ", ".join(titles)},
                )
        missing = [labels[c.key] for c in self.kind.columns if c.required and c.key not in chosen]
        if missing:
            raise ValidationError(
                _("Choose a column for every required field (*): %(fields)s"), params={"fields": ", ".join(missing)}
            )
        return data

    @property
    def mapping(self) -> dict[int, str]:
        """Field key of each mapped position."""
        return {
            index: self.cleaned_data[f"column_{index}"]
            for index in range(len(self.header))
            if self.cleaned_data.get(f"column_{index}")
        }


class LayoutRenameForm(forms.ModelForm):
    class Meta:
        model = ImportLayout
        fields = ["name"]


class HolderFormMixin(BoundedDatesMixin):
    """Normalises the holder's credit code and matches the park enterprise on save; its dates
    are bounded like every date the portal takes in."""

    code_field = "holder_credit_code"

    def clean_holder_credit_code(self) -> str:
        code = self.cleaned_data.get(self.code_field, "")
        return accepted_credit_code(code) if code.strip() else ""

    def save(self, commit: bool = True):

        instance = super().save(commit=False)
        code = getattr(instance, self.code_field)
        instance.enterprise_id = enterprise_ids([code]).get(code)
        if hasattr(instance, "source") and not instance.pk:
            instance.source = Source.FORM
        if commit:
            instance.save()
        return instance


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PatentForm(HolderFormMixin, forms.ModelForm):
    class Meta:
        model = Patent
        fields = [
            "application_number",
            "title",
            "application_date",
            "grant_date",
            "legal_status",
            "lapse_date",
            "holder_name",
            "holder_credit_code",
            "pct_number",
            "pct_filing_date",
            "strategic_emerging",
            "overseas_family",
        ]
        widgets = dict.fromkeys(("application_date", "grant_date", "lapse_date", "pct_filing_date"), DATE)

    def clean_application_number(self) -> str:
        return normalize_patent_number(self.cleaned_data["application_number"])

    def clean(self):
        data = super().clean()
        applied, granted, lapsed = data.get("application_date"), data.get("grant_date"), data.get("lapse_date")
        if applied and granted and granted < applied:
            self.add_error("grant_date", _("The grant date is before the application date."))
        if granted and lapsed and lapsed < granted:
            self.add_error("lapse_date", _("The lapse date is before the grant date."))
        if data.get("pct_number") and not data.get("pct_filing_date"):
            self.add_error("pct_filing_date", _("Required when a PCT application number is given."))
        return data

    def save(self, commit: bool = True):
        number = self.instance.application_number
        digits = number.split(".")[0]
        self.instance.patent_type = patent_type_of(number)
        self.instance.pct_entry = (digits[4] if len(digits) == 12 else digits[2]) in "89"
        return super().save(commit)


class TrademarkForm(HolderFormMixin, forms.ModelForm):
    class Meta:
        model = Trademark
        fields = [
            "registration_number",
            "nice_class",
            "mark",
            "application_date",
            "registration_date",
            "expiry_date",
            "status",
            "invalid_date",
            "geographical_indication",
            "holder_name",
            "holder_credit_code",
        ]
        widgets = dict.fromkeys(("application_date", "registration_date", "expiry_date", "invalid_date"), DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expiry_date"].required = False
        self.fields["expiry_date"].help_text = _("Empty: registration date + 10 years − 1 day.")

    def clean(self):
        data = super().clean()
        if data.get("registration_date") and not data.get("expiry_date"):
            data["expiry_date"] = default_expiry(data["registration_date"])
            self.instance.expiry_date = data["expiry_date"]
        return data


class SimpleRightForm(HolderFormMixin, forms.ModelForm):
    pass


def simple_right_form(model_class, extra: tuple[str, ...] = ()):
    fields = ["registration_number", "title", *extra, "registration_date", "holder_name", "holder_credit_code"]
    widgets = {name: DATE for name in ("registration_date", "application_date") if name in fields}
    meta = type("Meta", (), {"model": model_class, "fields": fields, "widgets": widgets})
    return type(f"{model_class.__name__}Form", (SimpleRightForm,), {"Meta": meta})


class GIProductForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = GIProduct
        fields = ["registration_number", "title", "region", "approval_date", "revoked_date"]
        widgets = {"approval_date": DATE, "revoked_date": DATE}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentsField(forms.FileField):
    """Several supporting documents at once (PDF, images, XLSX, DOCX), each checked by content and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("supporting documents"))
        kwargs.setdefault("help_text", _("PDF, PNG, JPEG, XLSX or DOCX; at most 10 MB each."))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = [single(item, initial) for item in data] if isinstance(data, list | tuple) else [single(data, initial)]
        files = [upload for upload in files if upload]
        for upload in files:
            validate_document(upload)
        return files


class FilingForm(BoundedDatesMixin, forms.ModelForm):
    """An enterprise's filing of one kind: only that kind's fields, labelled for it."""

    documents = DocumentsField()

    class Meta:
        model = Filing
        fields = [
            "number",
            "nice_class",
            "subtype",
            "title",
            "filed_on",
            "event_date",
            "expires_on",
            "counterpart",
            "amount",
            "note",
        ]
        widgets = {"filed_on": DATE, "event_date": DATE, "expires_on": DATE, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, kind: str, **kwargs):

        super().__init__(*args, **kwargs)
        self.kind = kind
        spec = SPECS[kind]
        for name in list(self.fields):
            if name not in (*spec.fields, "note", "documents"):
                del self.fields[name]
        for name in spec.fields:
            self.fields[name].required = name in spec.required
            if name in spec.labels:
                self.fields[name].label = spec.labels[name]
        if "subtype" in self.fields:
            self.fields["subtype"] = forms.ChoiceField(
                label=self.fields["subtype"].label, choices=[("", "---------"), *subtypes_of(kind)]
            )

    def clean(self):

        data = super().clean()
        for name, message in validate_for_kind(self.kind, data).items():
            if name in self.fields and name not in self.errors:
                self.add_error(name, message)
        return data


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CertificationForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = Certification
        fields = [
            "enterprise",
            "standard",
            "certificate_number",
            "certification_body",
            "issue_date",
            "expiry_date",
            "note",
        ]
        widgets = {"issue_date": DATE, "expiry_date": DATE}

    def clean_certificate_number(self) -> str:
        return self.cleaned_data["certificate_number"].strip().upper()


class InnovationPilotForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = InnovationPilot
        fields = ["enterprise", "start_date", "batch", "note"]
        widgets = {"start_date": DATE}


class HonourForm(forms.ModelForm):
    class Meta:
        model = Honour
        fields = ["enterprise", "kind", "year", "document"]
