"""Days and years read from request parameters, bounded like the year filters (1900–2100).

A day such as 9999-12-31 or 0001-01-01 parses, but a window or a year around it leaves the
calendar (OverflowError, "year 0 is out of range"); every page and API view that reads a day
or a year from the request goes through here, so such values are bad input, not a server error.
"""

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

FIRST_YEAR = 1900
LAST_YEAR = 2100
FIRST_DAY = dt.date(FIRST_YEAR, 1, 1)
LAST_DAY = dt.date(LAST_YEAR, 12, 31)


def parse_day(text: str) -> dt.date:
    """A YYYY-MM-DD day from FIRST_DAY to LAST_DAY; ValueError for anything else."""
    day = dt.date.fromisoformat(text.strip())
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"{day} is outside {FIRST_DAY}–{LAST_DAY}")
    return day


def parse_year(text: str) -> int:
    """A year from FIRST_YEAR to LAST_YEAR; ValueError for anything else."""
    year = int(text.strip())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"{year} is outside {FIRST_YEAR}–{LAST_YEAR}")
    return year


class BoundedDatesMixin:
    """A form whose every date field takes a day from FIRST_DAY to LAST_DAY only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.validators = [*field.validators, MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)]
