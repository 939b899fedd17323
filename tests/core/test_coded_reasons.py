"""Why a row was refused is stored as a code with parameters and read in the reader's language."""

from django.utils import translation
from django.utils.translation import gettext_lazy, override

from core.importing.engine import CellProblem, RowError
from core.importing.values import ImportValueError, parse_date
from ipportal.coded import coded, coded_pair, render


def test_a_value_error_keeps_its_reason_as_a_code():
    try:
        parse_date("tomorrow")
    except ImportValueError as error:
        assert isinstance(error.reason, dict) and error.reason["code"].startswith("not a date")
        with translation.override("en"):
            assert str(error).startswith("not a date")
        with translation.override("zh-hans"):
            assert "not a date" not in str(error)


def test_a_stored_reason_renders_in_the_active_language_with_its_parameters():
    problem = CellProblem("专利号", "1", coded("appears twice in the file (first in row %(row)s)", row=3))
    with translation.override("en"):
        assert str(RowError(5, [problem])) == 'row 5: 专利号 = "1": appears twice in the file (first in row 3)'
    with translation.override("zh-hans"):
        assert "appears" not in problem.text and "3" in problem.text


def test_text_stored_before_codes_is_shown_as_it_is():
    assert render("第3行格式错误") == "第3行格式错误"
    assert render(None) == ""


def test_a_pair_of_names_reads_once_when_both_read_the_same_and_a_list_reads_with_commas():
    holder = coded_pair("%(label)s (%(header)s)", label=gettext_lazy("legal status"), header="法律状态")
    message = coded("Required columns are missing: %(columns)s", columns=[holder, "备注"])
    with override("en"):
        assert render(message) == "Required columns are missing: legal status (法律状态), 备注"
    with override("zh-hans"):
        assert render(message) == "缺少必填列：法律状态, 备注"
