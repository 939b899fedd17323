from django import forms
from django.utils.translation import gettext_lazy as _

from enterprises.forms import DATE
from ipportal.dates import BoundedDatesMixin

from .models import Person, PublicityEvent, Talent, Training


class PublicityEventForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = PublicityEvent
        fields = ["date", "title", "theme", "audience", "attendance", "venue", "organiser"]
        widgets = {"date": DATE}


class TrainingForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = Training
        fields = ["date", "title", "organiser", "format", "venue", "hours", "attendees"]
        widgets = {"date": DATE, "attendees": forms.SelectMultiple(attrs={"size": 12})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = Person.objects.select_related("enterprise")
        self.fields["attendees"].help_text = _("Attendance sheets with many names are easier to import.")


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["enterprise", "name", "is_ip_staff", "position", "phone"]

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())


class TalentForm(BoundedDatesMixin, forms.ModelForm):
    class Meta:
        model = Talent
        fields = [
            "name",
            "category",
            "employer",
            "enterprise",
            "speciality",
            "qualification_number",
            "title",
            "phone",
            "joined_date",
        ]
        widgets = {"joined_date": DATE}

    def clean(self):
        data = super().clean()
        if data.get("category") == Talent.Category.PATENT_ATTORNEY and not data.get("qualification_number"):
            self.add_error(
                "qualification_number", _("A patent attorney's qualification certificate number is required.")
            )
        if data.get("enterprise") and not data.get("employer"):
            data["employer"] = data["enterprise"].name
            self.instance.employer = data["employer"]
        return data
