"""Merging a chunk of clean rows into a table by natural key, counting new / updated / unchanged.

On PostgreSQL the chunk is COPYed into a temporary staging table and merged with one
INSERT … ON CONFLICT … DO UPDATE … WHERE (row differs) RETURNING (xmax = 0): the database does
the comparison, and rows that did not change are not written at all. Elsewhere (SQLite, the
embedded default) existing rows are read, compared in Python and written with bulk operations.
"""

import hashlib
from typing import Any

from django.db import connection, models

AUTO_NOW_ADD = "auto_now_add"
AUTO_NOW = "auto_now"


def merge(model: type[models.Model], key_fields: tuple[str, ...], rows: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Insert new rows, update changed ones; return (new, updated, unchanged)."""
    if not rows:
        return 0, 0, 0
    if connection.vendor == "postgresql":
        return _merge_postgresql(model, key_fields, rows)
    return _merge_compare(model, key_fields, rows)


def _merge_compare(model, key_fields, rows) -> tuple[int, int, int]:
    if len(key_fields) == 1:
        name = key_fields[0]
        found = model.objects.filter(**{f"{name}__in": [row[name] for row in rows]})
    else:
        first = key_fields[0]
        found = model.objects.filter(**{f"{first}__in": {row[first] for row in rows}})
    existing = {tuple(getattr(obj, name) for name in key_fields): obj for obj in found}
    new, changed, changed_fields, unchanged = [], [], set(), 0
    for row in rows:
        obj = existing.get(tuple(row[name] for name in key_fields))
        if obj is None:
            new.append(model(**row))
            continue
        differing = [name for name, value in row.items() if getattr(obj, name) != value]
        if not differing:
            unchanged += 1
            continue
        for name in differing:
            setattr(obj, name, row[name])
        changed.append(obj)
        changed_fields.update(differing)
    if new:
        model.objects.bulk_create(new, batch_size=1000)
    if changed:
        auto_now = [f.name for f in model._meta.concrete_fields if getattr(f, AUTO_NOW, False)]
        model.objects.bulk_update(changed, sorted(changed_fields | set(auto_now)), batch_size=1000)
    return len(new), len(changed), unchanged


def _field(model, name: str) -> models.Field:
    for field in model._meta.concrete_fields:
        if name in (field.name, field.attname):
            return field
    raise KeyError(name)


def _merge_postgresql(model, key_fields, rows) -> tuple[int, int, int]:
    table = model._meta.db_table
    qn = connection.ops.quote_name
    given = [_field(model, name) for name in rows[0]]
    given_columns = [field.column for field in given]
    keys = [_field(model, name).column for name in key_fields]
    # One staging table per column set: several imports may share a transaction (tests do).
    stage = f"import_stage_{hashlib.md5(','.join([table, *given_columns]).encode()).hexdigest()[:12]}"

    # Columns the file does not give: model defaults on insert, left alone on update.
    defaults, default_values, stamps = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key or field in given:
            continue
        if getattr(field, AUTO_NOW_ADD, False) or getattr(field, AUTO_NOW, False):
            stamps.append(field)
        else:
            # The model's default, or '' for text fields and NULL otherwise (Field.get_default).
            defaults.append(field)
            default_values.append(field.get_db_prep_save(field.get_default(), connection))
    updated_stamps = [field for field in stamps if getattr(field, AUTO_NOW, False)]

    names = ", ".join(qn(c) for c in given_columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {qn(stage)} ON COMMIT DROP AS "
            f"SELECT {names} FROM {qn(table)} WITH NO DATA"
        )
        cursor.execute(f"TRUNCATE {qn(stage)}")
        with cursor.cursor.copy(f"COPY {qn(stage)} ({names}) FROM STDIN") as copy:
            # Clean rows hold plain Python values (str, int, bool, date, Decimal, None): psycopg adapts them.
            for row in rows:
                copy.write_row(list(row.values()))

        insert_columns = given_columns + [f.column for f in defaults] + [f.column for f in stamps]
        select = [f"s.{qn(c)}" for c in given_columns] + ["%s"] * len(defaults) + ["now()"] * len(stamps)
        changing = [c for c in given_columns if c not in keys]
        if changing:
            assignments = [f"{qn(c)} = EXCLUDED.{qn(c)}" for c in changing] + [
                f"{qn(f.column)} = now()" for f in updated_stamps
            ]
            current = ", ".join(f"t.{qn(c)}" for c in changing)
            incoming = ", ".join(f"EXCLUDED.{qn(c)}" for c in changing)
            conflict = f"DO UPDATE SET {', '.join(assignments)} WHERE ({current}) IS DISTINCT FROM ({incoming})"
        else:
            conflict = "DO NOTHING"
        cursor.execute(
            f"INSERT INTO {qn(table)} AS t ({', '.join(qn(c) for c in insert_columns)}) "
            f"SELECT {', '.join(select)} FROM {qn(stage)} s "
            f"ON CONFLICT ({', '.join(qn(c) for c in keys)}) {conflict} RETURNING (xmax = 0)",
            default_values,
        )
        written = cursor.fetchall()
    new = sum(1 for (inserted,) in written if inserted)
    updated = len(written) - new
    return new, updated, len(rows) - len(written)
