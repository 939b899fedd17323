"""Filter fields shared by the pages and the API, so a parameter means the same everywhere.

- `BooleanFilter`: yes/no filters (true/false, 1/0, yes/no, 是/否; anything else is refused).
- `YearFilter`, `DayFilter`: a year or a day within ipportal.dates' bounds.
- `query_year`, `query_date`: the same rules for API views that read their parameters by hand.
"""

import datetime as dt

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

from .dates import FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR, parse_day

TRUE_WORDS = frozenset({"true", "1", "yes", "是"})
FALSE_WORDS = frozenset({"false", "0", "no", "否"})


class YesNoField(forms.ChoiceField):
    """A yes/no choice that also reads the words people and programs write for it.

    Shown as a select of "yes" and "no"; in a query string true/false, 1/0, yes/no and 是/否 are
    accepted in any case. Anything else is an error, not a filter quietly left out."""

    default_error_messages = {
        "invalid": _("Enter true or false (also 1/0, yes/no or 是/否)."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("", "---------"), ("1", _("yes")), ("0", _("no"))])
        super().__init__(*args, **kwargs)

    @staticmethod
    def parse(value) -> bool | None:
        """True, False, None for no value; raises ValueError for any other word."""
        if value is None or isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word == "":
            return None
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError(word)

    def to_python(self, value) -> bool | None:
        try:
            return self.parse(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value) -> None:
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")

    def prepare_value(self, value):
        """The select shows the option the query asked for, whichever word it used."""
        try:
            parsed = self.parse(value)
        except ValueError:
            return value
        return "" if parsed is None else ("1" if parsed else "0")


class BooleanFilter(django_filters.BooleanFilter):
    """Every yes/no filter of the portal (a BooleanFilter, so the API schema says boolean).

    The filter method, if any, receives True or False."""

    field_class = YesNoField


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


def query_year(request, name: str = "year") -> int | None:
    """The year in the query string, with the bounds of YearFilter; a 400 naming it otherwise."""
    field = forms.IntegerField(required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)
    try:
        return field.clean(request.query_params.get(name))
    except forms.ValidationError as error:
        raise ValidationError({name: error.messages}) from None


def query_date(request, name: str = "date") -> dt.date | None:
    """The day (YYYY-MM-DD) in the query string, in the years of YearFilter; a 400 naming it otherwise."""
    text = (request.query_params.get(name) or "").strip()
    if not text:
        return None
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError({name: [_("a date such as 2025-06-30")]}) from None
    try:
        return parse_day(text)
    except ValueError:
        raise ValidationError(
            {name: [_("a date from %(first)s to %(last)s") % {"first": FIRST_YEAR, "last": LAST_YEAR}]}
        ) from None
