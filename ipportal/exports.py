"""Helpers for files the portal hands out."""

import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_filename(name: str, fallback: str = "download") -> str:
    """A download name from user input: letters (Chinese too), digits, dot, dash and underscore
    only, so no quote, separator or line break reaches the Content-Disposition header."""
    cleaned = re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("._")[:100]
    return cleaned or fallback
