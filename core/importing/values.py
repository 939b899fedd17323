"""Parsers for the value forms the import files use (see shared/plan/import-formats.md).

Each parser takes a raw cell (str from CSV; str, int, float, bool, date or datetime from XLSX)
and returns the clean value or raises ImportValueError with a message for the user.
"""

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_noop

from ipportal.coded import coded, render
from ipportal.dates import FIRST_DAY, LAST_DAY
from ipportal.exports import FORMULA_PREFIXES

EXCEL_EPOCH = dt.date(1899, 12, 30)


class ImportValueError(ValueError):
    """A cell that cannot be read. Its reason is a coded message (ipportal.coded) or text: the run
    stores it as it is and the page shows it in the reader's language; str(error) is the reason in
    the active language."""

    @property
    def reason(self) -> dict | str:
        return self.args[0] if self.args else ""

    def __str__(self) -> str:
        return render(self.reason)


def clean_text(raw) -> str:
    """NFKC (full-width to half-width) and surrounding spaces removed; None becomes ''; the
    apostrophe the portal's exports put before formula-like text is taken off again."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        text = raw.strip() if raw.isascii() else unicodedata.normalize("NFKC", raw).strip()
        return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES) else text
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return unicodedata.normalize("NFKC", str(raw)).strip()


def is_blank(raw) -> bool:
    """Empty, None or only spaces (full-width spaces included)."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


_DATE_PATTERNS = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]


def parse_date(raw) -> dt.date:
    """A date from 1900 to 2100 (as every date the portal takes in): later ones leave the calendar
    when a term is added to them (a trademark's ten years)."""
    day = _parse_date(raw)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ImportValueError(coded(gettext_noop("a date from 1900-01-01 to 2100-12-31")))
    return day


def _parse_date(raw) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        # An Excel date cell that reached us as its serial number.
        if 1 <= raw < 2958466:
            return EXCEL_EPOCH + dt.timedelta(days=int(raw))
        raise ImportValueError(coded(gettext_noop("not a date")))
    text = clean_text(raw)
    if len(text) == 10 and text[4] == "-":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ImportValueError(coded(gettext_noop("no such date"))) from None
    raise ImportValueError(coded(gettext_noop("not a date (use 2024-03-05, 2024/3/5, 2024.03.05 or 2024年3月5日)")))


_BOOLEANS = {
    **dict.fromkeys(["是", "y", "yes", "true", "1", "t", "1.0"], True),
    **dict.fromkeys(["否", "n", "no", "false", "0", "f", "0.0"], False),
}


def parse_bool(raw) -> bool:
    if isinstance(raw, bool):
        return raw
    value = _BOOLEANS.get(raw)  # the common spellings exactly as written
    if value is None:
        value = _BOOLEANS.get(clean_text(raw).lower())
    if value is None:
        raise ImportValueError(coded(gettext_noop("not a yes/no value (use 是/否, Y/N, yes/no, true/false or 1/0)")))
    return value


def parse_decimal(raw) -> Decimal:
    if isinstance(raw, bool):
        raise ImportValueError(coded(gettext_noop("not a number")))
    if isinstance(raw, float):
        raw = repr(raw)
    text = clean_text(raw).replace(",", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ImportValueError(coded(gettext_noop("not a number"))) from None
    if not value.is_finite():
        raise ImportValueError(coded(gettext_noop("not a number")))
    return value


def parse_int(raw) -> int:
    value = parse_decimal(raw)
    if value != value.to_integral_value():
        raise ImportValueError(coded(gettext_noop("not a whole number")))
    return int(value)


def parse_non_negative_int(raw) -> int:
    value = parse_int(raw)
    if value < 0:
        raise ImportValueError(coded(gettext_noop("must not be negative")))
    return value


def parse_positive_int(raw) -> int:
    value = parse_int(raw)
    if value <= 0:
        raise ImportValueError(coded(gettext_noop("must be greater than zero")))
    return value


def parse_non_negative_decimal(raw) -> Decimal:
    value = parse_decimal(raw)
    if value < 0:
        raise ImportValueError(coded(gettext_noop("must not be negative")))
    return value


def parse_ten_thousand_yuan(raw) -> Decimal:
    """An amount given in 万元, returned in CNY, exact to the fen."""
    value = parse_non_negative_decimal(raw) * 10000
    if value != value.quantize(Decimal("0.01")):
        raise ImportValueError(coded(gettext_noop("more precise than one fen (0.000001 万元)")))
    return value.quantize(Decimal("0.01"))


def parse_choice(mapping: dict[str, str]):
    """A parser accepting any of the given spellings (compared case-insensitively)."""
    normalized = {clean_text(k).lower(): v for k, v in mapping.items()}

    def parse(raw) -> str:
        if raw in normalized:  # the common spellings exactly as written
            return normalized[raw]
        text = clean_text(raw).lower()
        if text in normalized:
            return normalized[text]
        choices = "、".join(dict.fromkeys(k for k in mapping if not k.isascii()))
        raise ImportValueError(coded(gettext_noop("not one of: %(choices)s"), choices=choices))

    return parse
