from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.importing.values import ImportValueError
from enterprises.forms import DATE, DocumentsField, HolderFormMixin
from enterprises.models import accepted_credit_code
from ipportal.dates import BoundedDatesMixin

from .claims import Choice, claimed_elsewhere, eligible_records
from .importing import normalise_numbers, split_numbers
from .matching import link_pledged_patents
from .models import Pledge, PledgedItem, SupportItem


class PledgeForm(HolderFormMixin, forms.ModelForm):
    code_field = "pledgor_credit_code"
    numbers = forms.CharField(
        label=_("pledged numbers"), help_text=_("Application or registration numbers, separated by ; or 、")
    )

    class Meta:
        model = Pledge
        fields = [
            "registration_number",
            "pledgor_name",
            "pledgor_credit_code",
            "pledgee_name",
            "ip_type",
            "numbers",
            "amount",
            "registration_date",
            "end_date",
        ]
        widgets = {"registration_date": DATE, "end_date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["numbers"] = ";".join(self.instance.items.values_list("number", flat=True))

    def clean_pledgor_credit_code(self) -> str:
        code = self.cleaned_data.get("pledgor_credit_code", "")
        return accepted_credit_code(code) if code.strip() else ""

    def clean(self):
        data = super().clean()
        if data.get("numbers") and data.get("ip_type"):
            try:
                data["numbers"] = list(
                    dict.fromkeys(normalise_numbers(data["ip_type"], split_numbers(data["numbers"])))
                )
            except ImportValueError as error:
                self.add_error("numbers", ValidationError(str(error)))
        if data.get("end_date") and data.get("registration_date") and data["end_date"] < data["registration_date"]:
            self.add_error("end_date", _("The end date is before the registration date."))
        return data

    def save(self, commit: bool = True):
        pledge = super().save(commit=True)
        pledge.items.all().delete()
        PledgedItem.objects.bulk_create(
            [PledgedItem(pledge=pledge, number=n, position=i) for i, n in enumerate(self.cleaned_data["numbers"])]
        )
        link_pledged_patents()
        return pledge


def simple_form(model_class, fields: list[str], dates: tuple[str, ...] = ()):
    meta = type("Meta", (), {"model": model_class, "fields": fields, "widgets": dict.fromkeys(dates, DATE)})
    return type(f"{model_class.__name__}Form", (forms.ModelForm,), {"Meta": meta})


class SupportItemForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = SupportItem
        fields = [
            "year",
            "name",
            "target",
            "rule",
            "fixed_amount",
            "rate",
            "cap",
            "evidence",
            "budget",
            "opens_on",
            "closes_on",
        ]
        widgets = {"opens_on": DATE, "closes_on": DATE, "evidence": forms.Textarea(attrs={"rows": 3})}


class ClaimForm(forms.Form):
    """The records a claim is for (the enterprise's eligible ones), their costs, a statement, documents."""

    records = forms.MultipleChoiceField(label=_("records claimed for"), widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("statement"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    documents = DocumentsField()

    def __init__(self, *args, item, enterprise, claim=None, **kwargs):

        super().__init__(*args, **kwargs)
        self.item = item
        candidates = list(eligible_records(item, enterprise))
        taken = claimed_elsewhere(item, candidates, claim)
        self.available = {str(record.pk): record for record in candidates if record.pk not in taken}
        self.fields["records"].choices = [(key, str(record)) for key, record in self.available.items()]
        if not self.available:
            self.fields["records"].help_text = _("None of your records qualifies for this item, or all are claimed.")
        self.cost_fields = []
        if item.rule == SupportItem.Rule.SHARE:
            for key, record in self.available.items():
                name = f"cost_{key}"
                self.fields[name] = forms.DecimalField(
                    label=_("cost of %(record)s (yuan)") % {"record": record},
                    required=False,
                    min_value=0,
                    max_digits=18,
                    decimal_places=2,
                )
                self.cost_fields.append(name)

    def clean(self):
        data = super().clean()
        if self.item.rule == SupportItem.Rule.SHARE:
            for key in data.get("records", []):
                if data.get(f"cost_{key}") in (None, ""):
                    self.add_error(f"cost_{key}", _("Give the cost this record is claimed for."))
        return data

    def choices(self):

        data = self.cleaned_data
        return [Choice(self.available[key], data.get(f"cost_{key}")) for key in data["records"]]


class ApprovalForm(forms.Form):
    amount = forms.DecimalField(label=_("amount approved (yuan)"), min_value=0, max_digits=18, decimal_places=2)
    comment = forms.CharField(label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PaymentForm(BoundedDatesMixin, forms.Form):
    payment_date = forms.DateField(label=_("paid on"), widget=DATE)
    payment_reference = forms.CharField(label=_("payment reference"), max_length=64)
