"""Merging chunks of clean rows into a table by natural key, counting new / updated / unchanged.

On PostgreSQL each chunk is COPYed into a temporary staging table and merged with one
INSERT … ON CONFLICT … DO UPDATE … WHERE (row differs) RETURNING (xmax = 0): the database does
the comparison, rows that did not change are not written at all, and the returned flags count
new and updated rows exactly (unchanged = staged − returned). Elsewhere (SQLite, the embedded
default) existing rows are read, compared in Python and written with bulk operations; both give
the same counts.

A row leaves the fields it does not name alone on update and takes their model defaults on
insert (an empty optional cell is left out of its row: "empty means unknown"); created_at-style
(auto_now_add) fields are set on insert, updated_at-style (auto_now) fields on insert and on
real updates only. Rows of one chunk that name different fields are merged together: the
fields some rows leave out are staged as NULL and "kept" (COALESCE with the stored value on
update, the default on insert), which on PostgreSQL takes an UPDATE and an INSERT … WHERE NOT
EXISTS instead of the one INSERT … ON CONFLICT; only a field that some rows leave out and others
set to None explicitly splits the chunk.

run_import merges through `merging_in_background()`: on PostgreSQL the database merges one
chunk while Python validates the next (the merge runs on the same connection, in the same
transaction, from a helper thread), which is what makes a large import as fast as the database.
"""

import contextvars
import hashlib
import operator
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from django.db import connection, models
from django.utils import timezone

Counted = Callable[[int, int, int], None]


def merge(model: type[models.Model], key_fields: tuple[str, ...], rows: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Insert new rows, update changed ones; return (new, updated, unchanged)."""
    totals = [0, 0, 0]

    def add(new: int, updated: int, unchanged: int) -> None:
        totals[0] += new
        totals[1] += updated
        totals[2] += unchanged

    merge_chunk(model, key_fields, rows, add)
    return totals[0], totals[1], totals[2]


def merge_chunk(model: type[models.Model], key_fields: tuple[str, ...], rows: list[dict[str, Any]], counted: Counted):
    """Like merge(), but the counts go to `counted`, possibly later (by the end of merging_in_background)."""
    pipeline = _pipeline.get()
    for columns, group, keep in _shapes(model, rows):
        if _copy_supported():
            plan = _PostgresMerge(model, key_fields, columns, keep)
            if pipeline is not None:
                pipeline.submit(plan, group, counted)
            else:
                staged = plan.stage(group)
                with connection.wrap_database_errors:
                    counted(*plan.run(connection.connection, staged))
        else:
            counted(*_merge_compare(model, key_fields, columns, group, keep))


Shape = tuple[tuple[str, ...], list[dict[str, Any]], frozenset]


def _shapes(model, rows: list[dict[str, Any]]) -> Iterator[Shape]:
    """The rows as (fields, rows naming them, fields kept where NULL or left out).

    Normally all rows name the same fields: one group, nothing kept. Otherwise the fields some
    rows leave out are kept (read as None); a field left out by some rows and set to None by
    others (a match set to none) cannot be kept, so the rows are grouped by whether they name it.
    Rows are told apart by the names they give (a few combinations), not one by one."""
    if not rows:
        return
    by_names: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        names = tuple(row)
        group = by_names.get(names)
        if group is None:
            by_names[names] = [row]
        else:
            group.append(row)
    if len(by_names) == 1:
        yield next(iter(by_names)), rows, frozenset()
        return
    union = tuple(dict.fromkeys(name for names in by_names for name in names))
    everywhere = set(union).intersection(*by_names)
    split = {
        name
        for name in union
        if name not in everywhere
        and (
            _callable_default(model, name)
            or any(None in map(operator.itemgetter(name), group) for names, group in by_names.items() if name in names)
        )
    }
    groups: dict[frozenset, tuple[list, list]] = {}
    for names, group in by_names.items():
        rows_of, names_of = groups.setdefault(frozenset(split.intersection(names)), ([], []))
        rows_of.extend(group)
        names_of.append(set(names))
    for named, (group, names_of) in groups.items():
        columns = tuple(name for name in union if name not in split or name in named)
        keep = frozenset(name for name in columns if any(name not in names for names in names_of))
        yield columns, group, keep  # rows may lack the kept fields: read them with row.get


def _callable_default(model, name: str) -> bool:
    field = _field(model, name)
    return field.has_default() and callable(field.default)


def _copy_supported() -> bool:
    if connection.vendor != "postgresql":
        return False
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    return is_psycopg3


# -- Everywhere else: compare in Python ---------------------------------------------------------


def _merge_compare(model, key_fields, columns, rows, keep=frozenset()) -> tuple[int, int, int]:
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
            new.append(model(**{name: value for name, value in row.items() if value is not None or name not in keep}))
            continue
        differing = [
            name
            for name in columns
            if getattr(obj, name) != row.get(name) and (row.get(name) is not None or name not in keep)
        ]
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
        # bulk_update does not run pre_save: set auto_now fields here, on the changed rows only.
        stamped = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
        now = timezone.now()
        for obj in changed:
            for name in stamped:
                setattr(obj, name, now)
        model.objects.bulk_update(changed, sorted(changed_fields | set(stamped)), batch_size=1000)
    return len(new), len(changed), unchanged


# -- PostgreSQL: COPY into staging, one INSERT … ON CONFLICT ------------------------------------


def _field(model, name: str) -> models.Field:
    for field in model._meta.concrete_fields:
        if name in (field.name, field.attname):
            return field
    raise KeyError(name)


class _PostgresMerge:
    """The statements that merge rows naming `columns` into the model's table."""

    def __init__(self, model, key_fields: tuple[str, ...], columns: tuple[str, ...], keep: frozenset = frozenset()):
        qn = connection.ops.quote_name
        table = model._meta.db_table
        given = [_field(model, name) for name in columns]
        keys = [_field(model, name).column for name in key_fields]
        # Fields the rows do not name: model defaults on insert (a callable default is called for
        # each row and staged with it), left alone on update; auto_now(_add) stamps set by the database.
        self.per_row_defaults: list[models.Field] = []
        constants, constant_values, stamps = [], [], []
        for field in model._meta.concrete_fields:
            if field.primary_key or field in given:
                continue
            if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
                stamps.append(field)
            elif field.has_default() and callable(field.default):
                self.per_row_defaults.append(field)
            else:
                constants.append(field)  # the default, or '' for text fields and NULL otherwise
                constant_values.append(field.get_db_prep_save(field.get_default(), connection))
        if keep:  # rows may leave the kept fields out
            self.getter = lambda row: tuple(map(row.get, columns))
        else:
            self.getter = operator.itemgetter(*columns) if len(columns) > 1 else (lambda row: (row[columns[0]],))
        staged = [f.column for f in given] + [f.column for f in self.per_row_defaults]
        names = ", ".join(qn(c) for c in staged)
        digest = hashlib.md5(",".join([table, *staged]).encode(), usedforsecurity=False).hexdigest()[:12]
        # One staging table per column set: several imports may share a transaction (tests do).
        stage = qn(f"import_stage_{digest}")
        self.prepare = [
            f"CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DROP AS SELECT {names} FROM {qn(table)} WITH NO DATA",
            f"TRUNCATE {stage}",
        ]
        self.copy = f"COPY {stage} ({names}) FROM STDIN"

        changing = [f.column for f in given if f.column not in keys]
        inserted = staged + [f.column for f in constants] + [f.column for f in stamps]
        select = [f"s.{qn(c)}" for c in staged] + ["%s"] * len(constants) + ["now()"] * len(stamps)
        if changing:
            assignments = [f"{qn(c)} = EXCLUDED.{qn(c)}" for c in changing]
            assignments += [f"{qn(f.column)} = now()" for f in stamps if getattr(f, "auto_now", False)]
            current = ", ".join(f"t.{qn(c)}" for c in changing)
            incoming = ", ".join(f"EXCLUDED.{qn(c)}" for c in changing)
            on_conflict = f"DO UPDATE SET {', '.join(assignments)} WHERE ({current}) IS DISTINCT FROM ({incoming})"
        else:
            on_conflict = "DO NOTHING"
        # Inserting in key order keeps the unique index's pages hot and two overlapping imports
        # from deadlocking each other.
        # Counted in the database: (inserted, inserted or updated), one row back.
        self.statement = (
            f"WITH written AS (INSERT INTO {qn(table)} AS t ({', '.join(qn(c) for c in inserted)}) "
            f"SELECT {', '.join(select)} FROM {stage} s ORDER BY {', '.join(f's.{qn(c)}' for c in keys)} "
            f"ON CONFLICT ({', '.join(qn(c) for c in keys)}) {on_conflict} RETURNING (t.xmax = 0) AS new) "
            "SELECT count(*) FILTER (WHERE new), count(*) FROM written"
        )
        self.params = constant_values
        self.update = None
        if keep:
            self._keeping(model, table, given, keys, staged, constants, constant_values, stamps, keep, stage)

    def _keeping(self, model, table, given, keys, staged, constants, constant_values, stamps, keep, stage) -> None:
        """The two statements for rows that leave fields out (kept: NULL means the stored value
        on update, the default on insert): an INSERT of the rows that are new, then, only when
        some were there already, an UPDATE of those that differ."""
        qn = connection.ops.quote_name
        kept = {_field(model, name).column: _field(model, name) for name in keep}
        changing = [f.column for f in given if f.column not in keys]

        def incoming(column: str) -> str:
            return f"COALESCE(s.{qn(column)}, t.{qn(column)})" if column in kept else f"s.{qn(column)}"

        assignments = [f"{qn(c)} = {incoming(c)}" for c in changing]
        assignments += [f"{qn(f.column)} = now()" for f in stamps if getattr(f, "auto_now", False)]
        matching = " AND ".join(f"t.{qn(c)} = s.{qn(c)}" for c in keys)
        current = ", ".join(f"t.{qn(c)}" for c in changing)
        # The rows just inserted match too, and do not differ: only stored rows that change are updated.
        self.update = (
            f"UPDATE {qn(table)} AS t SET {', '.join(assignments)} FROM {stage} s WHERE {matching} "
            f"AND ({current}) IS DISTINCT FROM ({', '.join(incoming(c) for c in changing)})"
        )
        defaults = [kept[c].get_db_prep_save(kept[c].get_default(), connection) for c in staged if c in kept]
        select = [f"COALESCE(s.{qn(c)}, %s)" if c in kept else f"s.{qn(c)}" for c in staged]
        select += ["%s"] * len(constants) + ["now()"] * len(stamps)
        inserted = staged + [f.column for f in constants] + [f.column for f in stamps]
        self.statement = (
            f"INSERT INTO {qn(table)} AS t ({', '.join(qn(c) for c in inserted)}) "
            f"SELECT {', '.join(select)} FROM {stage} s "
            f"ORDER BY {', '.join(f's.{qn(c)}' for c in keys)} "
            f"ON CONFLICT ({', '.join(qn(c) for c in keys)}) DO NOTHING"
        )
        self.params = defaults + constant_values

    def stage(self, rows: list[dict[str, Any]]) -> int:
        """COPY the rows into the (emptied) staging table; return how many."""
        getter, extra = self.getter, self.per_row_defaults
        with connection.cursor() as cursor:
            for sql in self.prepare:
                cursor.execute(sql)
            # Clean rows hold plain Python values (str, int, bool, date, Decimal, None): psycopg adapts them.
            with cursor.cursor.copy(self.copy) as copy:
                write = copy.write_row
                if extra:
                    for row in rows:
                        write(getter(row) + tuple(f.get_db_prep_save(f.get_default(), connection) for f in extra))
                else:
                    for row in rows:
                        write(getter(row))
        return len(rows)

    def run(self, raw_connection, staged: int) -> tuple[int, int, int]:
        """Merge the staged rows. Takes the driver's connection: it may run in a helper thread."""
        with raw_connection.cursor() as cursor:
            if self.update is not None:  # rows leaving fields out: insert the new, then update the others
                cursor.execute(self.statement, self.params)
                new = cursor.rowcount
                updated = 0
                if new < staged:
                    cursor.execute(self.update)
                    updated = cursor.rowcount
                return new, updated, staged - new - updated
            cursor.execute(self.statement, self.params)
            new, written = cursor.fetchone()
        return new, written - new, staged - written


class _Pipeline:
    """One merge in flight at a time, on the import's own connection and transaction.

    The statement runs in a helper thread while the import goes on validating; the driver's
    connection lock keeps the two from interleaving on the wire, and every query the import
    itself makes through Django first waits for the merge in flight (so it sees its rows).
    """

    def __init__(self):
        self._executor: ThreadPoolExecutor | None = None
        self._pending: tuple[Future, Counted] | None = None

    def submit(self, plan: _PostgresMerge, rows: list[dict[str, Any]], counted: Counted) -> None:
        self.wait()
        staged = plan.stage(rows)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-merge")
        self._pending = (self._executor.submit(plan.run, connection.connection, staged), counted)

    def wait(self) -> None:
        """Finish the merge in flight and hand over its counts (raising its error, if any)."""
        if self._pending is None:
            return
        future, counted = self._pending
        self._pending = None
        # The driver's errors become Django's (IntegrityError, DataError…), as for any query.
        with connection.wrap_database_errors:
            figures = future.result()
        counted(*figures)

    def waiting_wrapper(self, execute, sql, params, many, context):
        self.wait()
        return execute(sql, params, many, context)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)


_pipeline: contextvars.ContextVar[_Pipeline | None] = contextvars.ContextVar("import_merge_pipeline", default=None)


@contextmanager
def merging_in_background() -> Iterator[_Pipeline]:
    """Within: merges may still run when merge_chunk returns; all are done (and counted) on exit
    or at `.wait()`. Use inside the import's transaction, and leave before it ends."""
    pipeline = _Pipeline()
    token = _pipeline.set(pipeline)
    try:
        with connection.execute_wrapper(pipeline.waiting_wrapper):
            try:
                yield pipeline
            finally:
                # Also on an error: the merge in flight must end before the transaction does. Its
                # own error, if any, is the one to report (the import's would only follow from it).
                pipeline.wait()
    finally:
        _pipeline.reset(token)
        pipeline.close()
