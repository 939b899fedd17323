"""The one way the benchmarks put rows into tables: COPY over the model's own field list.

A benchmark names only the columns it means to vary (`copy_rows(Patent, ["application_number",
…], rows)`); every other concrete column of the model is filled from its field: `auto_now` → now,
the field's default, NULL where allowed, else a value of its type. A column added to a model
later is therefore filled too, and the benchmark keeps running. `fill_province` builds the
shared province-scale data set of bench/recompute.py, bench/dashboard.py and bench/load.py.

Import it after `django.setup()`. PostgreSQL only (psycopg's COPY).
"""

import datetime as dt
import decimal
import random
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.apps import apps
from django.db import connections, models
from django.utils import timezone

ENTERPRISES = 5000

# Values for a NOT NULL column without a default, by the field's internal type.
TYPE_VALUES: dict[str, Callable[[], Any]] = {
    "CharField": str,
    "TextField": str,
    "SlugField": str,
    "EmailField": str,
    "URLField": str,
    "BooleanField": bool,
    "IntegerField": int,
    "SmallIntegerField": int,
    "BigIntegerField": int,
    "PositiveIntegerField": int,
    "PositiveSmallIntegerField": int,
    "PositiveBigIntegerField": int,
    "FloatField": float,
    "DecimalField": decimal.Decimal,
    "DateField": timezone.localdate,
    "DateTimeField": timezone.now,
    "TimeField": dt.time,
    "DurationField": dt.timedelta,
    "JSONField": dict,
    "BinaryField": bytes,
    "UUIDField": uuid.uuid4,
    "FileField": str,
    "ImageField": str,
    "FilePathField": str,
    "GenericIPAddressField": lambda: "127.0.0.1",
}


class FillError(Exception):
    """A column the benchmark must give (a required foreign key, an unknown type) was not given."""


def filler(field: models.Field) -> tuple[bool, Callable[[], Any]]:
    """How to fill a column the benchmark does not give: (per row?, function returning the value)."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return False, timezone.now
    if field.has_default():
        # A callable default on a unique column (a UUID, a token) must differ from row to row.
        return bool(field.unique and callable(field.default)), field.get_default
    if field.null:
        return False, lambda: None
    if field.is_relation:
        raise FillError(f"{field.model.__name__}.{field.name} is a required relation: give it")
    if field.choices:
        first = field.flatchoices[0][0]
        return False, lambda: first
    internal = field.get_internal_type()
    if internal not in TYPE_VALUES:
        raise FillError(f"{field.model.__name__}.{field.name}: no value for a {internal}; give it or add it to fill.py")
    if field.unique and internal != "UUIDField":
        raise FillError(f"{field.model.__name__}.{field.name} is unique: give it")
    return field.unique, TYPE_VALUES[internal]


def columns_for(model: type[models.Model], given: Sequence[str]) -> tuple[list[models.Field], list[models.Field]]:
    """The model's fields for the given column names (name or attname), and every other column to fill."""
    by_name = {}
    for field in model._meta.concrete_fields:
        by_name[field.name] = by_name[field.attname] = field
    unknown = [name for name in given if name not in by_name]
    if unknown:
        raise FillError(f"{model.__name__} has no column {', '.join(unknown)}")
    given_fields = [by_name[name] for name in given]
    rest = [
        field
        for field in model._meta.concrete_fields
        if field not in given_fields
        and field is not model._meta.auto_field
        and field.db_default is models.NOT_PROVIDED
        and not getattr(field, "generated", False)
    ]
    return given_fields, rest


def copy_rows(model: type[models.Model], given: Sequence[str], rows: Iterable[Sequence], using: str = "default") -> int:
    """COPY rows (tuples in the order of `given`) into the model's table, every other column filled."""
    connection = connections[using]
    given_fields, rest = columns_for(model, given)
    fillers = [filler(field) for field in rest]
    constant = [field.get_db_prep_save(make(), connection) for field, (_, make) in zip(rest, fillers, strict=True)]
    per_row = [
        (index, field, make) for index, (field, (each, make)) in enumerate(zip(rest, fillers, strict=True)) if each
    ]
    tail = tuple(constant)
    names = ", ".join(connection.ops.quote_name(field.column) for field in [*given_fields, *rest])
    count = 0
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN") as copy,
    ):
        if per_row:
            for row in rows:
                values = list(tail)
                for index, field, make in per_row:
                    values[index] = field.get_db_prep_save(make(), connection)
                copy.write_row((*row, *values))
                count += 1
        else:
            for row in rows:
                copy.write_row((*row, *tail))
                count += 1
    return count


def truncate(*models_: type[models.Model], using: str = "default") -> None:
    """Empty the models' tables (and what refers to them), numbering ids from 1 again."""
    connection = connections[using]
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models_)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


def credit_code(rng: random.Random) -> str:
    from enterprises.codes import CREDIT_CODE_ALPHABET, credit_code_check_char

    body = "91420804" + "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    return body + credit_code_check_char(body)


def day(rng: random.Random, first: int, last: int) -> dt.date:
    start = dt.date(first, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(start, dt.date(last, 12, 31).toordinal()))


def fill_province(patents: int, trademarks: int, pledges: int) -> None:
    """Enterprises, patents, trademarks and pledges (with their pledged patents) at the given scale,
    plus the yearly figures of 2022–2025; the tables are emptied first."""
    from enterprises.codes import patent_check_digit

    enterprise_model = apps.get_model("enterprises", "Enterprise")
    patent_model = apps.get_model("enterprises", "Patent")
    trademark_model = apps.get_model("enterprises", "Trademark")
    pledge_model = apps.get_model("finance", "Pledge")
    pledged_item_model = apps.get_model("finance", "PledgedItem")
    membership_model = apps.get_model("enterprises", "Membership")
    rng = random.Random(20250101)
    enterprises = max(1, min(ENTERPRISES, patents // 10))
    truncate(pledged_item_model, pledge_model, patent_model, trademark_model, membership_model, enterprise_model)
    copy_rows(
        enterprise_model,
        ["name", "credit_code", "industry", "high_tech"],
        ((f"企业{i}", credit_code(rng), "other", i % 2 == 0) for i in range(enterprises)),
    )
    types = {"1": "invention", "8": "invention", "2": "utility_model", "9": "utility_model", "3": "design"}

    def patent_rows():
        for i in range(patents):
            applied = day(rng, 2005, 2025)
            type_digit = rng.choice("1112223389")
            digits = f"{applied.year}{type_digit}{i:07d}"
            granted = applied + dt.timedelta(days=rng.randint(180, 1100)) if rng.random() < 0.8 else None
            status = "valid" if granted else rng.choice(["pending", "rejected"])
            lapse = None
            if granted and rng.random() < 0.2:
                status, lapse = "lapsed", granted + dt.timedelta(days=rng.randint(100, 3000))
            pct = rng.random() < 0.02
            yield (
                f"{digits}.{patent_check_digit(digits)}",
                types[type_digit],
                type_digit in "89",
                "专利",
                applied,
                granted,
                status,
                lapse,
                f"PCT/CN{applied.year}/{i:06d}" if pct else "",
                applied if pct else None,
                rng.random() < 0.1,
                rng.random() < 0.03,
                "持有人",
                rng.randint(1, enterprises) if rng.random() < 0.9 else None,
            )

    copy_rows(
        patent_model,
        [
            "application_number",
            "patent_type",
            "pct_entry",
            "title",
            "application_date",
            "grant_date",
            "legal_status",
            "lapse_date",
            "pct_number",
            "pct_filing_date",
            "strategic_emerging",
            "overseas_family",
            "holder_name",
            "enterprise_id",
        ],
        patent_rows(),
    )

    def trademark_rows():
        for i in range(trademarks):
            registered = day(rng, 2008, 2025)
            leap_day = registered.month == 2 and registered.day == 29
            yield (
                str(10_000_000 + i),
                rng.randint(1, 45),
                "商标",
                registered,
                registered if leap_day else registered.replace(year=registered.year + 10) - dt.timedelta(days=1),
                rng.choice(["valid"] * 9 + ["cancelled"]),
                rng.random() < 0.0005,
                "持有人",
                rng.randint(1, enterprises) if rng.random() < 0.9 else None,
            )

    copy_rows(
        trademark_model,
        [
            "registration_number",
            "nice_class",
            "mark",
            "registration_date",
            "expiry_date",
            "status",
            "geographical_indication",
            "holder_name",
            "enterprise_id",
        ],
        trademark_rows(),
    )
    pledge_types = [rng.choice(["patent"] * 8 + ["trademark"]) for _ in range(pledges)]
    copy_rows(
        pledge_model,
        [
            "registration_number",
            "pledgor_name",
            "enterprise_id",
            "pledgee_name",
            "ip_type",
            "amount",
            "registration_date",
        ],
        (
            (
                f"Y{i:08d}",
                "出质人",
                rng.randint(1, enterprises),
                "银行",
                ip_type,
                rng.randint(100, 3000) * 10000,
                day(rng, 2018, 2025),
            )
            for i, ip_type in enumerate(pledge_types)
        ),
    )
    # Each patent pledge names one to three patents, by number, linked to the record (ids count
    # from 1 after the TRUNCATE … RESTART IDENTITY above).
    items = {
        (pledge_id, 1 + (pledge_id * 7919 + n * 104729) % patents): n
        for pledge_id, ip_type in enumerate(pledge_types, start=1)
        if ip_type == "patent" and patents
        for n in range(pledge_id % 3 + 1)
    }
    numbers = dict(
        patent_model.objects.filter(pk__in={patent_id for _, patent_id in items}).values_list(
            "pk", "application_number"
        )
    )
    copy_rows(
        pledged_item_model,
        ["pledge_id", "position", "patent_id", "number"],
        ((pledge_id, n, patent_id, numbers[patent_id]) for (pledge_id, patent_id), n in items.items()),
    )
    yearly_figure_model = apps.get_model("targets", "YearlyFigure")
    truncate(yearly_figure_model)
    copy_rows(
        yearly_figure_model,
        ["year", "population", "public_budget", "ip_funding", "rd_expenditure"],
        ((year, 320000, 4_000_000_000, 14_000_000, 12_000_000_000) for year in range(2022, 2026)),
    )
    with connections["default"].cursor() as cursor:
        cursor.execute("ANALYZE")
