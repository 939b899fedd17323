from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Aggregation, Indicator, ReportedValue, YearlyFigure


class YearlyFigureForm(forms.ModelForm):
    class Meta:
        model = YearlyFigure
        fields = ["year", "population", "public_budget", "ip_funding", "rd_expenditure", "special_fund", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class IndicatorTargetForm(forms.ModelForm):
    """What officials may change on an indicator of the catalogue."""

    class Meta:
        model = Indicator
        fields = [
            "name_zh",
            "name_en",
            "target",
            "target_upper",
            "direction",
            "target_every_year",
            "definition_zh",
            "definition_en",
        ]
        widgets = {
            "definition_zh": forms.Textarea(attrs={"rows": 3}),
            "definition_en": forms.Textarea(attrs={"rows": 3}),
        }


class NewIndicatorForm(forms.ModelForm):
    """An indicator added by officials: its values are reported for each year."""

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name_zh",
            "name_en",
            "area",
            "unit",
            "direction",
            "target",
            "target_every_year",
            "definition_zh",
            "definition_en",
        ]
        widgets = {
            "definition_zh": forms.Textarea(attrs={"rows": 3}),
            "definition_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().upper()
        if self.plan and self.plan.indicators.filter(code=code).exists():
            raise forms.ValidationError(_("The plan already has an indicator %(code)s."), params={"code": code})
        return code

    def save(self, commit: bool = True):
        self.instance.plan = self.plan
        self.instance.aggregation = Aggregation.REPORTED
        self.instance.calculator = ""
        return super().save(commit)


ALLOWED_ATTACHMENTS = {b"%PDF": "pdf", b"\x89PNG": "png", b"\xff\xd8\xff": "jpg", b"PK\x03\x04": "xlsx/docx"}
MAX_ATTACHMENT = 10 * 1024 * 1024


class ReportedValueForm(forms.ModelForm):
    class Meta:
        model = ReportedValue
        fields = ["year", "value", "note", "attachment"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload or not hasattr(upload, "read"):
            return upload
        if upload.size > MAX_ATTACHMENT:
            raise forms.ValidationError(_("The attachment is larger than 10 MB."))
        head = upload.read(8)
        upload.seek(0)
        if not any(head.startswith(magic) for magic in ALLOWED_ATTACHMENTS):
            raise forms.ValidationError(_("Attach a PDF, PNG, JPEG, XLSX or DOCX file."))
        return upload
