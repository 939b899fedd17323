import secrets

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from enterprises.forms import DATE
from ipportal.dates import BoundedDatesMixin
from targets.forms import DocumentFormMixin

from .models import AssistanceRequest, Case, Complaint, Survey, SurveyResponse


class CaseForm(BoundedDatesMixin, forms.ModelForm):
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


class SurveyResponseForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = SurveyResponse
        fields = ["respondent_ref", "satisfied", "respondent_group", "answered_on"]
        widgets = {"answered_on": DATE}


class AssistanceRequestForm(DocumentFormMixin, forms.ModelForm):
    """What an enterprise fills in; its enterprise is the user's own, never chosen."""

    class Meta:
        model = AssistanceRequest
        fields = ["subject", "ip_type", "counterparty", "description", "attachment"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class AssistanceHandlingForm(forms.ModelForm):
    """Officials record a request received by phone or visit, and handle every request."""

    class Meta:
        model = AssistanceRequest
        fields = ["enterprise", "subject", "ip_type", "counterparty", "description", "state", "reply"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "reply": forms.Textarea(attrs={"rows": 4})}


class ComplaintHandlingForm(forms.ModelForm):
    class Meta:
        model = Complaint
        fields = ["name", "contact", "subject", "location", "description", "state", "handling_note"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "handling_note": forms.Textarea(attrs={"rows": 3})}


MIN_FILL_SECONDS = 3
START_TOKEN_VALID_SECONDS = 24 * 3600


class PublicComplaintForm(forms.ModelForm):
    """The public form: no login and no captcha; a hidden field bots fill, a signed start token
    (a person takes a few seconds; each token sends one report) and a per-address hourly limit
    (enforcement.views.PublicComplaintView) keep spam out."""

    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Complaint
        fields = ["name", "contact", "subject", "location", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # A random value: two forms opened in the same second get different tokens.
            self.initial["started"] = signing.TimestampSigner(salt="complaint").sign(secrets.token_urlsafe(12))

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("The submission was refused."))
        signer = signing.TimestampSigner(salt="complaint")
        token = data.get("started", "")
        try:
            signer.unsign(token, max_age=START_TOKEN_VALID_SECONDS)
        except signing.BadSignature:
            raise forms.ValidationError(_("The form has expired; please fill it in again.")) from None
        try:
            signer.unsign(token, max_age=MIN_FILL_SECONDS)
        except signing.SignatureExpired:
            return data  # it took longer than the minimum: a person
        raise forms.ValidationError(_("That was quicker than a person types; please check the form and send it again."))
