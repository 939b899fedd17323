from django import forms

from enterprises.forms import DATE

from .models import PublicityEvent


class PublicityEventForm(forms.ModelForm):
    class Meta:
        model = PublicityEvent
        fields = ["date", "title", "theme", "audience", "attendance", "venue", "organiser"]
        widgets = {"date": DATE}
