"""The merge under every import: exact counts, absent columns untouched, timestamps (both backends)."""

import pytest
from django.db import IntegrityError, transaction

from core.importing.merge import merge, merge_chunk, merging_in_background
from enterprises.models import Enterprise

from ..factories import valid_credit_code

pytestmark = pytest.mark.django_db


def test_counts_new_updated_and_unchanged_exactly():
    codes = [valid_credit_code() for _ in range(3)]
    rows = [{"credit_code": code, "name": f"企业{i}"} for i, code in enumerate(codes)]
    assert merge(Enterprise, ("credit_code",), rows) == (3, 0, 0)
    rows[1] = {**rows[1], "name": "改名企业"}
    assert merge(Enterprise, ("credit_code",), [dict(r) for r in rows]) == (0, 1, 2)
    assert Enterprise.objects.get(credit_code=codes[1]).name == "改名企业"


def test_columns_absent_from_the_rows_are_left_alone_and_defaulted_on_insert():
    code = valid_credit_code()
    Enterprise.objects.create(name="甲", credit_code=code, contact_name="张伟", high_tech=True)
    new_code = valid_credit_code()
    merge(
        Enterprise, ("credit_code",), [{"credit_code": code, "name": "甲公司"}, {"credit_code": new_code, "name": "乙"}]
    )
    kept = Enterprise.objects.get(credit_code=code)
    assert (kept.name, kept.contact_name, kept.high_tech) == ("甲公司", "张伟", True)
    created = Enterprise.objects.get(credit_code=new_code)
    assert (created.contact_name, created.high_tech, created.ip_staff_count) == ("", False, None)
    assert created.created_at is not None


def test_unchanged_rows_are_not_written():
    code = valid_credit_code()
    merge(Enterprise, ("credit_code",), [{"credit_code": code, "name": "甲"}])
    before = Enterprise.objects.get(credit_code=code).updated_at
    assert merge(Enterprise, ("credit_code",), [{"credit_code": code, "name": "甲"}]) == (0, 0, 1)
    assert Enterprise.objects.get(credit_code=code).updated_at == before


def test_chunks_merged_in_the_background_are_counted_and_seen_by_later_queries():
    codes = [valid_credit_code() for _ in range(5)]
    counts = []
    with transaction.atomic(), merging_in_background() as merges:
        merge_chunk(Enterprise, ("credit_code",), [{"credit_code": c, "name": "甲"} for c in codes[:3]], keep(counts))
        # A query the import makes through Django waits for the merge in flight, so it sees its rows.
        assert Enterprise.objects.filter(credit_code__in=codes).count() == 3
        rows = [{"credit_code": c, "name": "甲"} for c in codes[2:]]
        rows[0]["name"] = "乙"
        merge_chunk(Enterprise, ("credit_code",), rows, keep(counts))
        merges.wait()
        assert sorted(counts) == [(2, 1, 0), (3, 0, 0)]
    assert Enterprise.objects.get(credit_code=codes[2]).name == "乙"


def test_a_merge_that_fails_in_the_background_raises_and_leaves_nothing_written():
    first = valid_credit_code()
    with pytest.raises(IntegrityError), transaction.atomic(), merging_in_background():
        merge_chunk(Enterprise, ("credit_code",), [{"credit_code": first, "name": "甲"}], keep([]))
        merge_chunk(Enterprise, ("credit_code",), [{"credit_code": valid_credit_code(), "name": None}], keep([]))
    assert not Enterprise.objects.filter(credit_code=first).exists()


def keep(counts: list):
    return lambda *figures: counts.append(figures)


def test_rows_leaving_out_different_fields_merge_together_keeping_what_is_stored():
    stored, other, new = valid_credit_code(), valid_credit_code(), valid_credit_code()
    Enterprise.objects.create(name="甲", credit_code=stored, industry="biomedicine", high_tech=True, ip_staff_count=3)
    Enterprise.objects.create(name="乙", credit_code=other, industry="other")
    rows = [
        {"credit_code": stored, "name": "甲", "ip_staff_count": 5},  # industry and flag left out: kept
        {"credit_code": other, "name": "乙", "industry": "other", "high_tech": False},  # unchanged
        {"credit_code": new, "name": "丙", "high_tech": True},  # a new row: defaults for what it leaves out
    ]
    assert merge(Enterprise, ("credit_code",), rows) == (1, 1, 1)
    kept = Enterprise.objects.get(credit_code=stored)
    assert (kept.industry, kept.high_tech, kept.ip_staff_count) == ("biomedicine", True, 5)
    created = Enterprise.objects.get(credit_code=new)
    assert (created.industry, created.high_tech, created.ip_staff_count) == ("", True, None)
    assert created.created_at is not None


def test_a_field_set_to_none_by_some_rows_and_left_out_by_others_is_not_kept():
    first, second = valid_credit_code(), valid_credit_code()
    Enterprise.objects.create(name="甲", credit_code=first, ip_staff_count=3)
    Enterprise.objects.create(name="乙", credit_code=second, ip_staff_count=4)
    rows = [{"credit_code": first, "name": "甲", "ip_staff_count": None}, {"credit_code": second, "name": "乙"}]
    assert merge(Enterprise, ("credit_code",), rows) == (0, 1, 1)
    assert Enterprise.objects.get(credit_code=first).ip_staff_count is None
    assert Enterprise.objects.get(credit_code=second).ip_staff_count == 4
