import datetime as dt
from decimal import Decimal

import pytest

from core.importing.values import ImportValueError, parse_bool, parse_date, parse_ten_thousand_yuan


@pytest.mark.parametrize(
    "raw",
    [
        "2024-03-05",
        "2024/3/5",
        "2024.03.05",
        "2024年3月5日",
        "２０２４年３月５日",
        " 2024-3-5 ",
        "2024-03-05 00:00:00",
        dt.datetime(2024, 3, 5),
        dt.date(2024, 3, 5),
        45356.0,
    ],
)
def test_every_date_spelling_is_read(raw):
    assert parse_date(raw) == dt.date(2024, 3, 5)


@pytest.mark.parametrize("raw", ["2024-02-30", "05/03/2024", "yesterday", "2024-3"])
def test_impossible_or_unknown_dates_are_refused(raw):
    with pytest.raises(ImportValueError):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["是", "Y", "y", "yes", "YES", "true", "True", "1", "１", True, 1.0])
def test_true_spellings(raw):
    assert parse_bool(raw) is True


@pytest.mark.parametrize("raw", ["否", "N", "no", "false", "FALSE", "0", False, 0.0])
def test_false_spellings(raw):
    assert parse_bool(raw) is False


def test_unknown_boolean_is_refused():
    with pytest.raises(ImportValueError):
        parse_bool("maybe")


def test_ten_thousand_yuan_is_exact():
    assert parse_ten_thousand_yuan("1,234.5678") == Decimal("12345678.00")
    assert parse_ten_thousand_yuan(0.1) == Decimal("1000.00")
    with pytest.raises(ImportValueError):
        parse_ten_thousand_yuan("-1")
