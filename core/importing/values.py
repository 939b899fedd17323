"""Parsers for the value forms the import files use (see shared/plan/import-formats.md).

Each parser takes a raw cell (str from CSV; str, int, float, bool, date or datetime from a
spreadsheet) and returns the clean value or raises ImportValueError with a message for the user.

A spreadsheet cell's type says how it was typed, not what it means: each parser converts a
number or a date cell by what its column means (a date column reads 20230506 as a date and
refuses the year 2016 shown as 1905-07-08; a number column reads that same cell as 2016; a text
column keeps the digits of a number without the float's ".0" or exponent).
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
# A date cell before this day is a number shown in a date format (2016 shows as 1905-07-08):
# no record this portal keeps is that old.
NUMBER_AS_DATE_BEFORE = dt.date(1910, 1, 1)
# Date serials in a plain number cell are read from 1950 to 2100; other numbers are not dates.
PLAUSIBLE_SERIALS = range((dt.date(1950, 1, 1) - EXCEL_EPOCH).days, (dt.date(2100, 12, 31) - EXCEL_EPOCH).days + 1)
# Spreadsheet numbers hold 15 significant digits: a longer whole number has lost its last digits.
FLOAT_DIGITS = 15

# Invisible characters (format characters: zero-width spaces and joiners, the byte-order mark,
# soft hyphens, direction marks) are taken out of every cell; NFKC turns the non-breaking and
# ideographic spaces into plain ones.
_INVISIBLE_CHARACTERS = "".join(
    re.escape(chr(code))
    for code in [*range(0x10000), *range(0xE0000, 0xE0080)]
    if unicodedata.category(chr(code)) == "Cf"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")


class ImportValueError(ValueError):
    """A cell that cannot be read. Its reason is a coded message (ipportal.coded) or text: the run
    stores it as it is and the page shows it in the reader's language; str(error) is the reason in
    the active language."""

    @property
    def reason(self) -> dict | str:
        return self.args[0] if self.args else ""

    def __str__(self) -> str:
        return render(self.reason)


def strip_invisible(text: str) -> str:
    """The text without zero-width spaces and other invisible format characters."""
    return text if text.isprintable() else _INVISIBLE.sub("", text)  # invisible characters are not printable


def clean_text(raw) -> str:
    """NFKC (full-width to half-width), invisible characters and surrounding spaces removed;
    None becomes ''; the apostrophe the portal's exports put before formula-like text is taken
    off again. A whole number from a number cell loses the float's '.0'."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        text = raw.strip() if raw.isascii() else unicodedata.normalize("NFKC", strip_invisible(raw)).strip()
        return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES) else text
    if isinstance(raw, float) and raw.is_integer():
        return f"{raw:.0f}"
    if raw.__class__ is int:  # a whole number from a number cell, as the XLSX stream reads it
        return str(raw)
    if isinstance(raw, dt.datetime) and raw.time() == dt.time(0):
        return raw.date().isoformat()
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat()
    return unicodedata.normalize("NFKC", str(raw)).strip()


def is_blank(raw) -> bool:
    """Empty, None, or only spaces and invisible characters (full-width spaces included)."""
    if raw is None:
        return True
    if not isinstance(raw, str):
        return False
    return not strip_invisible(raw).strip()


def parse_text(raw) -> str:
    """A text column: a number cell gives its digits, unless it is too long to have kept them all."""
    if raw.__class__ is str:
        return clean_text(raw)
    # A number cell holds a double: a whole number from it (float, or int from the XLSX stream)
    # past 15 digits has lost its last ones.
    if (raw.__class__ is int or (isinstance(raw, float) and raw.is_integer())) and abs(raw) >= 10**FLOAT_DIGITS:
        raise ImportValueError(
            coded(
                gettext_noop(
                    "a number cell keeps only 15 digits, so this value has lost its last ones: format the column as text"
                )
            )
        )
    return clean_text(raw)


def character_names(text: str) -> str:
    """The characters of a refused value that a reader cannot see or tell apart from ASCII
    (control and format characters, unusual spaces, lookalike letters), named as U+XXXX."""
    odd = []
    for char in dict.fromkeys(text):
        if char.isascii() and (char.isprintable() or char == " "):
            continue
        name = unicodedata.name(char, "")
        if char.isprintable() and not char.isspace() and name.startswith(("CJK", "IDEOGRAPHIC", "FULLWIDTH")):
            continue
        odd.append(f"U+{ord(char):04X}" + (f" {name}" if name else ""))
    return ", ".join(odd)


def number_in_date_cell(raw) -> int | None:
    """The number a date cell holds when it can only be a number shown in a date format."""
    if isinstance(raw, dt.datetime):
        if raw.time() != dt.time(0):
            return None
        raw = raw.date()
    if isinstance(raw, dt.date) and raw < NUMBER_AS_DATE_BEFORE:
        return (raw - EXCEL_EPOCH).days
    return None


_DATE_PATTERNS = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]


def _date_from_number(number: int) -> dt.date:
    """A whole number in a date column: 20230506, or a date cell's serial that lost its format."""
    if 19000101 <= number <= 21001231:
        try:
            return dt.date(number // 10000, number // 100 % 100, number % 100)
        except ValueError:
            raise ImportValueError(coded(gettext_noop("no such date"))) from None
    if 1900 <= number <= 2100:
        raise ImportValueError(coded(gettext_noop("%(year)s is a year, not a date"), year=number))
    if number in PLAUSIBLE_SERIALS:
        return EXCEL_EPOCH + dt.timedelta(days=number)
    raise ImportValueError(coded(gettext_noop("the number %(number)s is not a date"), number=number))


def parse_date(raw) -> dt.date:
    """A date from 1900 to 2100 (as every date the portal takes in): later ones leave the calendar
    when a term is added to them (a trademark's ten years)."""
    day = _parse_date(raw)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ImportValueError(coded(gettext_noop("a date from 1900-01-01 to 2100-12-31")))
    return day


def _parse_date(raw) -> dt.date:
    if raw.__class__ is str and len(raw) == 10 and raw[4] == "-":  # the common ISO form, first
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    if isinstance(raw, (dt.date, dt.datetime)):
        number = number_in_date_cell(raw)
        if number is None:
            return raw.date() if isinstance(raw, dt.datetime) else raw
        if 1900 <= number <= 2100:
            raise ImportValueError(
                coded(
                    gettext_noop("the cell holds the number %(year)s shown as a date: a year is not a date"),
                    year=number,
                )
            )
        raise ImportValueError(
            coded(gettext_noop("the cell holds the number %(number)s shown as a date, not a date"), number=number)
        )
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if isinstance(raw, float) and not raw.is_integer():
            if int(raw) in PLAUSIBLE_SERIALS:  # a date cell with a time of day, as its serial
                return EXCEL_EPOCH + dt.timedelta(days=int(raw))
            raise ImportValueError(coded(gettext_noop("not a date")))
        return _date_from_number(int(raw))
    text = clean_text(raw)
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]  # 20230506.0: a number cell saved as text
    if text.isdigit() and len(text) != 8:
        return _date_from_number(int(text))
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
    if isinstance(raw, (dt.date, dt.datetime)):
        number = number_in_date_cell(raw)  # a number cell that was given a date format
        if number is None:
            raise ImportValueError(coded(gettext_noop("a date, not a number")))
        return Decimal(number)
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
