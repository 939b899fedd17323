import pytest
from django.core.exceptions import ValidationError

from enterprises.codes import normalize_credit_code, normalize_patent_number, patent_check_digit

REAL_CODES = [
    "9144030071526726XG",
    "91330100716105852F",
    "914403001922038216",
    "91110108551385082Q",
    "91350100M000100Y43",
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_credit_codes_are_accepted(code):
    assert normalize_credit_code(code) == code


def test_wrong_checksum_is_refused_with_the_expected_character():
    with pytest.raises(ValidationError) as caught:
        normalize_credit_code("91330100716105852A")
    assert caught.value.error_list[0].code == "checksum"
    assert "F" in caught.value.messages[0]


@pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z"])
def test_forbidden_letters_are_refused(letter):
    code = "9135010" + letter + "M000100Y43"
    with pytest.raises(ValidationError) as caught:
        normalize_credit_code(code)
    assert caught.value.error_list[0].code == "alphabet"
    assert letter in caught.value.messages[0]


def test_full_width_lower_case_and_spaces_are_normalised():
    assert normalize_credit_code(" ９１３５０１００ｍ０００１００ｙ４３ ") == "91350100M000100Y43"
    assert normalize_credit_code("91350100 m000100 y43") == "91350100M000100Y43"


@pytest.mark.parametrize("code", ["", "9135010", "91350100M000100Y433"])
def test_wrong_length_is_refused(code):
    with pytest.raises(ValidationError) as caught:
        normalize_credit_code(code)
    assert caught.value.error_list[0].code == "length"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("202310123456.7", "checksum"),  # canonical form, wrong check digit
        ("200210123456.1", "year"),  # canonical form, before the 12-digit numbers
        ("202340123456.1", "type"),  # canonical form, no such type digit
    ],
)
def test_numbers_in_the_canonical_form_are_checked_as_fully_as_any_other(number, code):
    with pytest.raises(ValidationError) as refused:
        normalize_patent_number(number)
    assert refused.value.code == code


def test_the_check_digit_of_numbers_in_the_canonical_form_is_the_same_as_spelt_otherwise():
    for digits in ("202310123456", "201120000001", "200830000099", "202510000010"):
        canonical = f"{digits}.{patent_check_digit(digits)}"
        assert normalize_patent_number(canonical) == canonical == normalize_patent_number(f"CN {digits}{canonical[-1]}")
    assert patent_check_digit("201000000007") == "X"  # a remainder of 10 is written X
