"""Helpers for files the portal hands out."""

import re
from collections.abc import Iterable

from import_export import resources

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(values: Iterable) -> list:
    """A row (header, series names or data) as every spreadsheet the portal writes must hold it."""
    return [safe_cell(value) for value in values]


class FormulaSafeResource(resources.ModelResource):
    """The admin's exports (django-import-export, every format) with safe_cell on every header and
    value; the library's own IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT strips a leading "=" only."""

    def export_field(self, field, instance, **kwargs):
        return safe_cell(super().export_field(field, instance, **kwargs))

    def get_export_headers(self, selected_fields=None):
        return safe_row(super().get_export_headers(selected_fields))


def safe_filename(name: str, fallback: str = "download") -> str:
    """A download name from user input: letters (Chinese too), digits, dot, dash and underscore
    only, so no quote, separator or line break reaches the Content-Disposition header."""
    cleaned = re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("._")[:100]
    return cleaned or fallback
