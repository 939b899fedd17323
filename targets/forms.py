from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ipportal.dates import BoundedDatesMixin
from ipportal.uploads import validate_document

from .approval import reason_too_long
from .models import (
    Aggregation,
    AssessmentItem,
    Deadline,
    Decision,
    FollowUp,
    Indicator,
    KeyTask,
    Meeting,
    MemberUnit,
    OfficialStatistic,
    ProgressReport,
    ReportedValue,
    WorkPlan,
    YearlyFigure,
)
from .models.approval import WITHDRAWAL_REASON_MAX
from .models.assessment import MAX_SCORE

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


class OfficialStatisticForm(BoundedDatesMixin, DocumentFormMixin, forms.ModelForm):
    """The figure an authority published for a computed indicator and year (in the indicator's unit)."""

    class Meta:
        model = OfficialStatistic
        fields = ["year", "value", "source", "published_on", "attachment"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class WithdrawApprovalForm(forms.Form):
    reason = forms.CharField(
        label=_("reason"),
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": WITHDRAWAL_REASON_MAX}),
        help_text=_("Why the approval is withdrawn; kept in the history and the audit trail."),
        error_messages={"required": _("Give the reason for withdrawing the approval.")},
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for withdrawing the approval."))
        if len(reason) > WITHDRAWAL_REASON_MAX:
            raise forms.ValidationError(reason_too_long(len(reason)))
        return reason


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


class ReviewCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when returning it: say what needs to change."),
    )


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanTasksMixin:
    """The `task` choice narrowed to the plan's key tasks."""

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            self.fields["task"].queryset = KeyTask.objects.filter(plan=plan)


class DeadlineForm(BoundedDatesMixin, PlanTasksMixin, forms.ModelForm):
    class Meta:
        model = Deadline
        fields = ["year", "kind", "due", "task", "unit"]
        widgets = {"due": DATE_INPUT}

    def validate_unique(self):
        """The partial unique constraints, said in words rather than as a database error."""
        super().validate_unique()
        data = self.cleaned_data
        same = Deadline.objects.filter(
            year=data.get("year"), kind=data.get("kind"), task=data.get("task"), unit=data.get("unit")
        ).exclude(pk=self.instance.pk)
        if same.exists():
            self.add_error(None, _("There is already a deadline for this year, kind, task and unit."))


class MeetingForm(BoundedDatesMixin, forms.ModelForm):
    decisions = forms.CharField(
        label=_("decisions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One decision a line."),
    )

    class Meta:
        model = Meeting
        fields = ["date", "title", "attendees", "minutes"]
        widgets = {
            "date": DATE_INPUT,
            "attendees": forms.Textarea(attrs={"rows": 3}),
            "minutes": forms.Textarea(attrs={"rows": 5}),
        }

    def decision_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("decisions", "").splitlines() if line.strip()]


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class FollowUpForm(BoundedDatesMixin, PlanTasksMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["unit", "task", "action", "due"]
        widgets = {"due": DATE_INPUT, "action": forms.Textarea(attrs={"rows": 2})}


class FollowUpDoneForm(forms.Form):
    note = forms.CharField(label=_("how it was done"), widget=forms.Textarea(attrs={"rows": 2}))


class AssessmentItemForm(forms.ModelForm):
    class Meta:
        model = AssessmentItem
        fields = ["order", "name", "name_en", "weight"]


class ScoreForm(forms.Form):
    item = forms.ModelChoiceField(queryset=AssessmentItem.objects.none(), label=_("item"))
    unit = forms.ModelChoiceField(queryset=MemberUnit.objects.all(), label=_("member unit"))
    task = forms.ModelChoiceField(queryset=KeyTask.objects.none(), label=_("key task"))
    score = forms.DecimalField(label=_("score"), min_value=0, max_value=MAX_SCORE, decimal_places=1)
    comment = forms.CharField(label=_("comment"), required=False, max_length=300)

    def __init__(self, *args, plan=None, year=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            self.fields["item"].queryset = AssessmentItem.objects.filter(plan=plan, year=year)
            self.fields["task"].queryset = KeyTask.objects.filter(plan=plan)

    def clean(self):
        data = super().clean()
        task, unit = data.get("task"), data.get("unit")
        if task and unit and not task.units.filter(pk=unit.pk).exists():
            raise forms.ValidationError(_("This unit is not responsible for this task."))
        return data
