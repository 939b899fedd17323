from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from enterprises.codes import normalize_credit_code
from enterprises.forms import DATE, HolderFormMixin
from enterprises.importing.values import ImportValueError

from .importing import normalise_numbers, split_numbers
from .models import Pledge, PledgedItem


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
        return normalize_credit_code(code) if code.strip() else ""

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
        from enterprises.matching import link_pledged_patents

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
