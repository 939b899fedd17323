from django import forms

from .models import YearlyFigure


class YearlyFigureForm(forms.ModelForm):
    class Meta:
        model = YearlyFigure
        fields = ["year", "population", "public_budget", "ip_funding", "rd_expenditure", "special_fund", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
