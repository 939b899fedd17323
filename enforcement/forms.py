from django import forms
from django.utils.translation import gettext_lazy as _

from enterprises.forms import DATE

from .models import Case, Survey, SurveyResponse


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "case_number",
            "title",
            "kind",
            "ip_type",
            "claimant",
            "claimant_enterprise",
            "respondent",
            "respondent_enterprise",
            "filed_date",
            "closed_date",
            "stage",
            "outcome",
            "group",
            "repeated",
            "malicious",
        ]
        widgets = {"filed_date": DATE, "closed_date": DATE, "outcome": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("closed_date") and data.get("filed_date") and data["closed_date"] < data["filed_date"]:
            self.add_error("closed_date", _("The case cannot close before it was accepted."))
        return data


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["year", "title", "source", "reported_result"]

    def clean_reported_result(self):
        value = self.cleaned_data.get("reported_result")
        if value is not None and not 0 <= value <= 100:
            raise forms.ValidationError(_("A percentage between 0 and 100."))
        return value


class SurveyResponseForm(forms.ModelForm):
    class Meta:
        model = SurveyResponse
        fields = ["respondent_ref", "satisfied", "respondent_group", "answered_on"]
        widgets = {"answered_on": DATE}
