"""Filter fields shared by the pages and the API."""

import django_filters
from django import forms


class YearFilter(django_filters.NumberFilter):
    """A calendar year: whole numbers from 1900 to 2100, so a wild value is a 400, not a date error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)
