import pytest
from django.core.exceptions import ValidationError

from enterprises.codes import normalize_credit_code

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
