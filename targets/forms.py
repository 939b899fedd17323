from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ipportal.uploads import validate_document

from .models import Aggregation, Indicator, ProgressReport, ReportedValue, WorkPlan, YearlyFigure

TEN_THOUSAND = Decimal(10000)


class TenThousandYuanField(forms.DecimalField):
    """An amount entered in 万元 (as the yearly-figures import takes it), stored in yuan."""

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, max_digits=18, decimal_places=6, **kwargs)

    def prepare_value(self, value):
        """The stored yuan shown in 万元; what the user typed is shown as typed."""
        if isinstance(value, (Decimal, int)):
            return format((Decimal(value) / TEN_THOUSAND).normalize(), "f")
        return value

    def clean(self, value):
        amount = super().clean(value)
        return None if amount is None else (amount * TEN_THOUSAND).quantize(Decimal("0.01"))

    def has_changed(self, initial, data) -> bool:
        try:
            return self.clean(data) != (None if initial in (None, "") else Decimal(initial))
        except forms.ValidationError:
            return True


class YearlyFigureForm(forms.ModelForm):
    """One unit on the form and in the import: 万元, labelled on each amount."""

    population = forms.IntegerField(label=_("resident population (persons)"), required=False, min_value=0)
    public_budget = TenThousandYuanField(label=_("public budget expenditure (10k yuan)"))
    ip_funding = TenThousandYuanField(label=_("IP work funding (10k yuan)"))
    rd_expenditure = TenThousandYuanField(label=_("R&D expenditure (10k yuan)"))
    special_fund = TenThousandYuanField(label=_("special IP fund (10k yuan)"))

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


class DocumentFormMixin:
    """Validates the optional `attachment` file by content and size."""

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload and hasattr(upload, "read"):
            validate_document(upload)
        return upload


class ReportedValueForm(DocumentFormMixin, forms.ModelForm):
    class Meta:
        model = ReportedValue
        fields = ["year", "value", "note", "attachment"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class WorkPlanForm(DocumentFormMixin, forms.ModelForm):
    class Meta:
        model = WorkPlan
        fields = ["year", "text", "attachment"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}


class ProgressReportForm(DocumentFormMixin, forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["year", "period", "text", "attachment"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}
