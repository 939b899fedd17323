"""The benchmarks' fill helper fills every column a benchmark does not name (bench/fill.py)."""

import pytest
from django.apps import apps
from django.db import connection, models

from bench.fill import FillError, columns_for, copy_rows, filler
from enterprises.models import Enterprise, Patent


def must_be_given(model: type[models.Model]) -> list[str]:
    """What a benchmark must name: required relations and unique columns without a default."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if (field.is_relation or field.unique)
        and not field.null
        and not field.has_default()
        and field is not model._meta.auto_field
    ]


@pytest.mark.parametrize("model", apps.get_models(), ids=lambda model: model._meta.label)
def test_every_model_can_be_filled_given_its_required_relations_and_unique_columns(model):
    given, rest = columns_for(model, must_be_given(model))
    for field in rest:
        filler(field)
    assert {field.column for field in [*given, *rest]} >= {
        field.column for field in model._meta.concrete_fields if field is not model._meta.auto_field
    }


def test_a_new_not_null_column_without_default_gets_a_value_of_its_type():
    field = models.TextField()
    field.set_attributes_from_name("added_later")
    per_row, make = filler(field)
    assert make() == "" and not per_row


def test_a_required_relation_must_be_given():
    _, rest = columns_for(apps.get_model("finance", "PledgedItem"), ["number"])
    pledge = next(field for field in rest if field.name == "pledge")
    with pytest.raises(FillError, match="required relation"):
        filler(pledge)


def test_a_unique_column_must_be_given():
    _, rest = columns_for(Enterprise, ["name"])
    credit_code = next(field for field in rest if field.name == "credit_code")
    with pytest.raises(FillError, match="unique"):
        filler(credit_code)


def test_an_unknown_column_is_refused():
    with pytest.raises(FillError, match="no column"):
        columns_for(Patent, ["no_such_column"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
@pytest.mark.django_db
def test_copy_rows_fills_the_columns_the_rows_do_not_give():
    copy_rows(Enterprise, ["name", "credit_code"], [("甲", "91420804MA0000001X"), ("乙", "91420804MA0000002X")])
    first = Enterprise.objects.get(name="甲")
    assert first.credit_code_override_reason == "" and first.high_tech is False and first.created_at is not None
    assert Enterprise.objects.count() == 2
