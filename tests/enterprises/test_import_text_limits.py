"""A value longer than its field takes is a row error naming row, column and limit — never a
database error that fails the whole import (value too long for character varying(n))."""

import pytest
from django.utils import translation

from core.importing import KINDS, run_import
from enterprises.models import Patent
from ipportal.coded import render

from .test_import_records import PATENT_HEADER, patent_row, refused, run, write

pytestmark = pytest.mark.django_db


def test_a_title_and_a_holder_past_their_limits_refuse_the_file_with_row_column_and_limit(tmp_path):
    rows = [
        patent_row("202310000001"),
        patent_row("202310000002", **{"专利名称": "长" * 501}),
        patent_row("202310000003", **{"专利权人": "荆" * 600}),
    ]
    lines = refused("patents", write(tmp_path / "long.csv", PATENT_HEADER, rows))
    assert lines[0].startswith("row 3") and "专利名称" in lines[0]
    assert "too long: 501 characters, at most 500" in lines[0]
    assert lines[1].startswith("row 4") and "专利权人" in lines[1] and "600 characters, at most 500" in lines[1]
    assert not Patent.objects.exists()


def test_a_value_at_its_limit_is_stored(tmp_path):
    run(
        "patents", write(tmp_path / "edge.csv", PATENT_HEADER, [patent_row("202310000001", **{"专利名称": "长" * 500})])
    )
    assert len(Patent.objects.get().title) == 500


def test_skipping_invalid_rows_stores_the_others_when_one_is_too_long(tmp_path):
    rows = [patent_row("202310000001"), patent_row("202310000002", **{"专利名称": "长" * 600})]
    out, _ = run("patents", write(tmp_path / "p.csv", PATENT_HEADER, rows), "--skip-invalid")
    assert "1 new" in out and "1 skipped" in out and Patent.objects.count() == 1


def test_the_reason_reads_in_chinese_too(tmp_path):
    path = write(tmp_path / "long.csv", PATENT_HEADER, [patent_row("202310000002", **{"专利名称": "长" * 501})])
    result = run_import(KINDS["patents"], path)
    with translation.override("zh-hans"):
        assert "过长" in render(result.errors[0].problems[0].reason)
