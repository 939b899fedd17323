"""Identifiers with check characters: the Unified Social Credit Code (GB 32100-2015)."""

import operator
import re
import unicodedata
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.importing.values import strip_invisible

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
CREDIT_CODE_VALUES = {c: i for i, c in enumerate(CREDIT_CODE_ALPHABET)}


def normalize_text(value: str) -> str:
    """Full-width letters and digits to ASCII (NFKC), invisible characters and all spaces removed."""
    return "".join(unicodedata.normalize("NFKC", strip_invisible(str(value))).split())


def credit_code_check_char(first17: str) -> str:
    total = sum(CREDIT_CODE_VALUES[c] * w for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


@lru_cache(maxsize=65536)
def normalize_credit_code(value: str) -> str:
    """Return the canonical 18-character code, or raise ValidationError saying what is wrong.

    Cached: an import names the same holders again and again."""
    code = normalize_credit_code_format(value)
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise ValidationError(
            _("%(code)s fails the credit-code checksum: the last character should be %(expected)s."),
            code="checksum",
            params={"code": code, "expected": expected},
        )
    return code


def normalize_credit_code_format(value: str) -> str:
    """The code upper-cased, without spaces, checked for its length and alphabet (not its checksum)."""
    code = normalize_text(value).upper()
    if len(code) != 18:
        raise ValidationError(
            _("A Unified Social Credit Code has 18 characters; %(code)s has %(count)d."),
            code="length",
            params={"code": code, "count": len(code)},
        )
    bad = sorted({c for c in code if c not in CREDIT_CODE_ALPHABET})
    if bad:
        raise ValidationError(
            _(
                "%(code)s contains characters not allowed in a credit code: %(chars)s (I, O, S, V and Z are never used)."
            ),
            code="alphabet",
            params={"code": code, "chars": " ".join(bad)},
        )
    return code


def validate_credit_code(value: str) -> None:
    normalize_credit_code(value)


def validate_credit_code_format(value: str) -> None:
    """The model field's check: the checksum is checked by Enterprise.clean, which honours an override."""
    normalize_credit_code_format(value)


PATENT_WEIGHTS_12 = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
PATENT_WEIGHTS_8 = (2, 3, 4, 5, 6, 7, 8, 9)
PATENT_TYPE_DIGITS = {"1": "invention", "2": "utility_model", "3": "design", "8": "invention", "9": "utility_model"}


# The weighted sum over the digits' ASCII codes, less what the codes' "0" (48) adds.
_ZERO_OFFSET = {12: 48 * sum(PATENT_WEIGHTS_12), 8: 48 * sum(PATENT_WEIGHTS_8)}


def patent_check_digit(digits: str) -> str:
    """The check digit of the 12 (or 8) digits: their weighted sum modulo 11, 10 written X."""
    weights = PATENT_WEIGHTS_12 if len(digits) == 12 else PATENT_WEIGHTS_8
    if digits.isascii():
        remainder = (sum(map(operator.mul, digits.encode(), weights)) - _ZERO_OFFSET[len(weights)]) % 11
    else:  # digits of another script (str.isdigit accepts them)
        remainder = sum(map(operator.mul, map(int, digits), weights)) % 11
    return "X" if remainder == 10 else str(remainder)


# An application number already in its canonical form (most of any list): checked without the
# normalisation's steps; anything else, or any fault, goes the whole way (and its message).
_CANONICAL_NEW_FORM = re.compile(r"(20\d{2})([12389])\d{7}\.[\dX]")


# A publication or grant number (CN115123456A, CN1234567C): 7 or 9 digits and a kind code.
PUBLICATION_NUMBER = re.compile(r"^\d{7}(?:\d{2})?[ABCUSY]\d?$")
# The old 8-digit form (before October 2003) starts with the year's last two digits.
OLD_FORM_YEARS = {*range(85, 100), *range(0, 4)}
NEW_FORM_YEARS = range(2003, 2100)


def normalize_patent_number(value: str) -> str:
    """The canonical CNIPA application number, 202310123456.7 (or 97100123.4 before 2003).

    Accepts a CN or ZL prefix, full-width characters, spaces and a missing dot; verifies the
    year prefix and the check digit; refuses publication and grant numbers (CN115123456A, or
    CN and 9 digits without a dot) saying what they look like; raises ValidationError saying
    what is wrong.
    """
    if (
        value.__class__ is str
        and _CANONICAL_NEW_FORM.fullmatch(value)
        and int(value[:4]) in NEW_FORM_YEARS
        and patent_check_digit(value[:12]) == value[13]
    ):
        return value
    text = normalize_text(value).upper()
    cn_prefix = text.startswith("CN")
    for prefix in ("CN", "ZL"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    if PUBLICATION_NUMBER.match(text):
        raise ValidationError(
            _(
                "%(value)s looks like a publication or grant number (CN, digits and a kind code such as A, B, C or U),"
                " not an application number; the list needs the application number (e.g. 202310123456.7)."
            ),
            code="publication",
            params={"value": value},
        )
    dotted = "." in text
    text = text.replace(".", "")
    if not (len(text) in (13, 9) and text[:-1].isdigit() and (text[-1].isdigit() or text[-1] == "X")):
        digits = sum(c.isdigit() for c in text)
        raise ValidationError(
            _(
                "%(value)s is not a patent application number: it has %(count)d digits, an application number"
                " has 12 and a check digit (202310123456.7), or 8 and a check digit before 2003 (97100123.5)."
            ),
            code="format",
            params={"value": value, "count": digits},
        )
    digits, check = text[:-1], text[-1]
    if len(digits) == 8 and int(digits[:2]) not in OLD_FORM_YEARS:
        if cn_prefix and not dotted:
            raise ValidationError(
                _(
                    "%(value)s looks like a publication number without its kind code (CN and 9 digits),"
                    " not an application number; the list needs the application number (e.g. 202310123456.7)."
                ),
                code="publication",
                params={"value": value},
            )
        raise ValidationError(
            _(
                "%(value)s cannot be an old-form application number: it would be from the year %(year)s, and the"
                " 8-digit form was used from 1985 to 2003."
            ),
            code="year",
            params={"value": value, "year": digits[:2]},
        )
    if len(digits) == 12 and int(digits[:4]) not in NEW_FORM_YEARS:
        raise ValidationError(
            _("%(value)s cannot be an application number: %(year)s is not a year of the 12-digit form (since 2003)."),
            code="year",
            params={"value": value, "year": digits[:4]},
        )
    type_digit = digits[4] if len(digits) == 12 else digits[2]
    if type_digit not in PATENT_TYPE_DIGITS:
        raise ValidationError(
            _("%(value)s has type digit %(digit)s; known types are 1, 2, 3, 8 and 9."),
            code="type",
            params={"value": value, "digit": type_digit},
        )
    expected = patent_check_digit(digits)
    if check != expected:
        raise ValidationError(
            _("%(value)s fails the check digit: it should end in %(expected)s."),
            code="checksum",
            params={"value": value, "expected": expected},
        )
    return f"{digits}.{check}"


def patent_number_year(number: str) -> int:
    """The filing year a canonical application number carries (for PCT entries: the entry year)."""
    digits = number.split(".")[0]
    if len(digits) == 12:
        return int(digits[:4])
    short = int(digits[:2])
    return 1900 + short if short >= 85 else 2000 + short


def check_number_year(number: str, applied) -> str | None:
    """Why the number's year cannot go with this application date, or None when it can.

    A national application is numbered in its filing year; a PCT application entering China
    (type 8 or 9) is numbered in its entry year, within about three years of the filing date."""
    year = patent_number_year(number)
    digits = number.split(".")[0]
    pct = (digits[4] if len(digits) == 12 else digits[2]) in "89"
    if year == applied.year or (pct and 0 <= year - applied.year <= 3):
        return None
    return _("the application number is from %(number_year)d but the application date is in %(date_year)d") % {
        "number_year": year,
        "date_year": applied.year,
    }


def patent_type_of(number: str) -> str:
    """invention / utility_model / design from a canonical number (PCT 8 counts as invention, 9 as utility model)."""
    digits = number.split(".")[0]
    return PATENT_TYPE_DIGITS[digits[4] if len(digits) == 12 else digits[2]]
