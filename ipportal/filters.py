"""Filter fields shared by the pages and the API."""

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from .dates import FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR


class YearFilter(django_filters.NumberFilter):
    """A calendar year: whole numbers from 1900 to 2100, so a wild value is a 400, not a date error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


class DayFilter(django_filters.DateFilter):
    """A day from 1900-01-01 to 2100-12-31, bounded like the years."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)])
        super().__init__(*args, **kwargs)
