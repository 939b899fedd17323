"""The import runner shared by every kind of list (enterprises, yearly figures, patents, …).

One path serves the command line, the officials' upload page and Celery: read the file as a
stream, map its headers (Chinese or English, any order), validate every row, and merge the valid
rows by natural key in chunks inside one transaction. A file with invalid rows stores nothing
unless skip_invalid is asked for; then the rejected rows go to a CSV with their reasons.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipportal.coded import coded, coded_pair, msgid_of, render

from .headers import ImportLayout, read_header, unnamed_column
from .merge import merge_chunk, merging_in_background
from .reader import UnreadableFile, format_label, open_table, write_csv
from .values import ImportValueError, character_names, clean_text, is_blank, parse_text

CHUNK_SIZE = 2000
CHANGES_SHOWN = 200  # rows whose field changes a check (dry run) lists
REASON_HEADER = "错误原因 reason"
ROW_HEADER = "原行号 row"
# A file with a header and no row under it (or only blank lines) is refused: nothing to confirm.
NOTHING_TO_IMPORT = gettext_noop("The file has no rows under its header: there is nothing to import.")


@dataclass(frozen=True)
class Column:
    """One field of a list: its key (the English alias), its header in the portal's own format,
    and the other headers real exports give it (`synonyms`, most specific first). `label` is
    the field's translated name (gettext_lazy) when the kind's model has no field of that key
    to take it from (ImportKind.field_label). The key is internal: messages never show it."""

    key: str
    header: str
    required: bool = False
    parse: Callable[[Any], Any] | None = None
    synonyms: tuple[str, ...] = ()
    label: Promise | str | None = None

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.header, self.key, *self.synonyms)

    def read(self, raw: Any) -> Any:
        if self.parse is None:
            return parse_text(raw)
        return self.parse(raw)


class RowInvalid(Exception):
    """Raised by ImportKind.clean_row: a value that is readable but wrong in its row. The message is
    coded (ipportal.coded) to be stored and read in any language, or text."""

    def __init__(self, column: str, message: dict | str):
        super().__init__(message)
        self.column = column
        self.message = message

    def __str__(self) -> str:
        return render(self.message)


@dataclass
class CellProblem:
    column: str | dict  # the column's header as in the file, or a coded name (ipportal.coded)
    value: str
    reason: dict | str  # a coded message (ipportal.coded), or text

    @property
    def column_name(self) -> str:
        """The column, in the active language."""
        return render(self.column)

    @property
    def text(self) -> str:
        return render(self.reason)


@dataclass
class RowError:
    row: int
    problems: list[CellProblem]

    def __str__(self) -> str:
        details = "; ".join(f'{p.column_name} = "{p.value}": {p.text}' for p in self.problems)
        return _("row %(row)d: %(details)s") % {"row": self.row, "details": details}

    def as_dict(self) -> dict:
        return {
            "row": self.row,
            "problems": [{"column": p.column, "value": p.value, "reason": p.reason} for p in self.problems],
        }


@dataclass
class ImportResult:
    kind: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    rows: int = 0
    extra: dict[str, int] = field(default_factory=dict)  # counts a kind adds (labels: ImportKind.extra_labels)
    extra_labels: dict[str, str] = field(default_factory=dict)
    listed: dict[str, list] = field(default_factory=dict)  # lists a kind reports (unmatched holders, …)
    changes: list[dict] = field(default_factory=list)  # on a check: the first rows to update, field by field
    state: dict[str, Any] = field(default_factory=dict)  # what a kind keeps between the chunks of one run
    keys: set = field(default_factory=set)  # natural keys written, for kinds that act on them afterwards
    errors: list[RowError] = field(default_factory=list)
    warnings: list[dict | str] = field(default_factory=list)  # stored all the same, worth a look (coded messages)
    ignored_columns: list[str | dict] = field(default_factory=list)  # headers; unnamed columns coded
    file_format: str = ""  # what the file was read as ("XLS (Excel 97–2003)", "CSV (GB18030)", …)
    header_row: int = 1
    skipped_lines: list[tuple[int, str]] = field(default_factory=list)  # title lines above the header
    file_problem: dict | str = ""  # why the whole file was refused: a coded message (ipportal.coded)
    detected_kind: str = ""  # when the header fits another kind better, that kind's name
    layout_name: str = ""  # the saved column layout the header was read with
    # When required fields have no column but the file could hold them: what the mapping step
    # shows ({"header": [...], "samples": [[...], ...], "missing": [...]}).
    mapping_request: dict[str, list] = field(default_factory=dict)
    committed: bool = False
    dry_run: bool = False
    rejects_path: Path | None = None

    @property
    def file_error(self) -> str:
        """Why the whole file was refused, in the active language ('' when it was not)."""
        return render(self.file_problem)

    @property
    def refused(self) -> bool:
        return bool(self.file_problem) or (self.invalid > 0 and not self.committed and not self.dry_run)

    def count(self, new: int, updated: int, unchanged: int) -> None:
        self.new += new
        self.updated += updated
        self.unchanged += unchanged

    def reading_notes(self) -> list[str]:
        """How the file was read, for the user: its format, and the title lines skipped above the header."""
        notes = []
        if self.file_format:
            notes.append(_("Read as %(format)s.") % {"format": format_label(self.file_format)})
        if self.layout_name:
            notes.append(_("Columns read with the saved layout “%(name)s”.") % {"name": self.layout_name})
        if self.skipped_lines:
            lines = "; ".join(_("row %(row)d “%(text)s”") % {"row": n, "text": text} for n, text in self.skipped_lines)
            notes.append(
                _("Header on row %(row)d; the lines above it were skipped as titles: %(lines)s")
                % {"row": self.header_row, "lines": lines}
            )
        return notes

    def summary(self) -> str:
        text = _("%(rows)d rows: %(new)d new, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d skipped") % {
            "rows": self.rows,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.invalid,
        }
        labels = {"not_in_park": _("not in the park"), **self.extra_labels}
        for key, count in self.extra.items():
            text += f", {count} {labels.get(key, key)}"
        for warning in self.warnings:
            text += "\n" + _("Warning: %(warning)s") % {"warning": render(warning)}
        return text


class ImportKind:
    """What one kind of list is: its columns, its model and natural key, and how rows are stored.

    Subclasses give `name`, `label`, `model`, `columns` and `key_fields`, and may override
    `clean_row` (cross-column checks and conversion to model fields) and `write_chunk`.
    """

    name: str
    label: str
    model: type[models.Model]
    columns: list[Column]
    key_fields: tuple[str, ...]
    extra_labels: dict[str, str] = {}  # labels of the counts the kind adds to ImportResult.extra

    def clean_row(self, values: dict[str, Any]) -> dict[str, Any]:
        """Model field values from the parsed columns; raise RowInvalid for a wrong combination."""
        return values

    def text_limits(self) -> list[tuple[str, int]]:
        """(row field, max_length) for every text a row stores: the model's limited text fields. A
        kind whose rows also fill other models (write_chunk) adds their fields' limits."""
        return model_text_limits(self.model)

    def key_of(self, fields: dict[str, Any]) -> tuple:
        return tuple(map(fields.__getitem__, self.key_fields))

    def write_chunk(self, rows: list[dict[str, Any]], result: ImportResult) -> None:
        """Insert new rows and update changed ones (importing.merge), counting each.

        Inside run_import the database may still be merging the chunk when this returns (on
        PostgreSQL); any later query through Django waits for it, and the counts are in the
        result before after_import.
        """
        if result.dry_run:
            record_changes(self.model, self.key_fields, rows, result)
        merge_chunk(self.model, self.key_fields, rows, result.count)

    def after_import(self, result: ImportResult) -> None:
        """Work that needs the whole file stored (links between records); inside the transaction."""

    def key_label(self) -> str:
        return " + ".join(c.header for c in self.columns if c.key in self.key_fields) or ", ".join(self.key_fields)

    def field_label(self, column: Column) -> Promise | str:
        """The field's name in the reader's language (lazy): the column's label, else the verbose
        name of the model field of its key, else its header."""
        if column.label is not None:
            return column.label
        try:
            return self.model._meta.get_field(column.key).verbose_name
        except FieldDoesNotExist:
            return column.header

    def field_name(self, column: Column) -> dict:
        """How a stored message names a field (coded, ipportal.coded): its translated label and
        the header the portal's format gives it ("holder (专利权人)"), or the header alone when
        the label reads the same."""
        return coded_pair(gettext_noop("%(label)s (%(header)s)"), label=self.field_label(column), header=column.header)

    def template_header(self) -> list[str]:
        return [column.header for column in self.columns]


def record_changes(model: type[models.Model], key_fields: tuple[str, ...], rows: list[dict], result) -> None:
    """On a check, what the first CHANGES_SHOWN rows to update would change (old → new), one
    query per chunk until that many are found; fields a row leaves out are not changes."""
    if len(result.changes) >= CHANGES_SHOWN or not rows:
        return
    first = key_fields[0]
    stored = {
        tuple(getattr(obj, name) for name in key_fields): obj
        for obj in model.objects.filter(**{f"{first}__in": {row[first] for row in rows}})
    }
    # Field names and shown values are stored coded (ipportal.coded), read in the reader's language.
    labels = {f.attname: _coded_text(f.verbose_name) for f in model._meta.concrete_fields}
    choices = {f.attname: dict(f.flatchoices) for f in model._meta.concrete_fields if f.choices}
    changed = [
        (
            row,
            obj,
            [
                name
                for name, value in row.items()
                if value is not None and name in labels and name != "reconciled" and getattr(obj, name) != value
            ],
        )
        for row in rows
        if (obj := stored.get(tuple(row[name] for name in key_fields))) is not None
    ]
    # Related records (the park enterprise) are shown by name, not by id: one query per relation.
    related = {}
    for relation in model._meta.concrete_fields:
        if relation.is_relation and any(relation.attname in names for _row, _obj, names in changed):
            ids = {
                v
                for row, obj, names in changed
                if relation.attname in names
                for v in (row[relation.attname], getattr(obj, relation.attname))
            }
            related[relation.attname] = {
                pk: str(o) for pk, o in relation.related_model._default_manager.in_bulk(ids - {None}).items()
            }
    for row, obj, names in changed:
        fields = [
            [
                labels[name],
                related.get(name, {}).get(getattr(obj, name), _shown(getattr(obj, name), choices.get(name))),
                related.get(name, {}).get(row[name], _shown(row[name], choices.get(name))),
            ]
            for name in names
        ]
        if fields:
            key = " ".join(str(row[name]) for name in key_fields)
            result.changes.append({"key": key, "fields": fields})
            if len(result.changes) >= CHANGES_SHOWN:
                return


def _coded_text(text: Promise | str) -> dict | str:
    """A translatable name (a lazy msgid) as a coded message; other text as it is."""
    return coded(msgid_of(text)) if isinstance(text, Promise) else str(text)


def _shown(value: Any, choices: dict | None = None) -> dict | str:
    """A stored or imported value as a check shows it: yes/no and a choice's label coded, to be
    read in the reader's language; anything else as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return coded(gettext_noop("yes") if value else gettext_noop("no"))
    if choices and isinstance(value, str | int) and value in choices:
        return _coded_text(choices[value])
    return clean_text(value)


def _display(raw: Any) -> str:
    return clean_text(raw)


def _problem(title: str | dict, raw: Any, reason: dict | str) -> CellProblem:
    """A refused cell, its reason coded or text; characters the user cannot see or tell apart are
    named (U+…)."""
    shown = _display(raw)
    odd = character_names(shown)
    if odd:
        reason = coded(gettext_noop("%(reason)s (the value contains %(characters)s)"), reason=reason, characters=odd)
    return CellProblem(title, shown, reason)


NOTE_LINES_SHOWN = 20


def note_line_text(cells: list) -> str | None:
    """The text of a line written across the table instead of a record — a total ("合计：2件"), a
    section heading or a remark under the list, merged over its columns so that every filled cell
    holds the same text — or None for a row. A record never repeats one value in all its cells."""
    if len(set(cells)) > 3:  # the common case, decided in C: a record's cells differ
        return None
    filled = [cell for cell in cells if not is_blank(cell)]
    if len(filled) < 2 or any(cell != filled[0] for cell in filled) or not isinstance(filled[0], str):
        return None
    return filled[0].strip()  # as the file writes it (not NFKC-folded: "合计：2件" keeps its colon)


def _validate(
    kind: ImportKind,
    positions: dict[int, Column],
    header: list[str],
    rows: Iterable[tuple[int, list]],
    notes: list[tuple[int, str]] | None = None,
) -> Iterator[tuple[int, list, dict | None, RowError | None]]:
    """Each row's number, cells, clean fields (None if refused) and problems. Lines written across
    the table (note_line_text) are left out and, when `notes` is given, listed there."""
    # Resolved once: (position, key, parser, required, header) for every mapped column; a column
    # without a header (mapped by a layout) is named by its number.
    plan = [
        (
            index,
            column.key,
            column.parse or parse_text,
            column.required,
            clean_text(header[index]) or unnamed_column(index),
        )
        for index, column in positions.items()
    ]
    width = max(positions, default=-1) + 1
    limits = kind.text_limits()
    columns_of = {column.key: index for index, column in positions.items()}
    for number, cells in rows:
        note = note_line_text(cells)
        if note is not None:
            if notes is not None:
                notes.append((number, note))
            continue
        if len(cells) < width:
            cells = [*cells, *([None] * (width - len(cells)))]
        values: dict[str, Any] = {}
        problems: list[CellProblem] = []
        filled = False
        for index, key, parse, required, title in plan:
            raw = cells[index]
            blank = raw is None or raw == "" or (raw.__class__ is str and raw.isspace())
            if not blank:
                try:
                    value = parse(raw)
                    # A text cell of invisible characters only is empty too.
                    blank = value == "" and raw.__class__ is str
                except ImportValueError as error:
                    blank = is_blank(raw)
                    if not blank:
                        problems.append(_problem(title, raw, error.reason))
                        continue
            if blank:
                # An empty optional cell means "unknown": its key stays out of the row, so an
                # update keeps what is stored (clearing a value is done on the record's page).
                if required:
                    values[key] = None
                    problems.append(CellProblem(title, "", coded(gettext_noop("required"))))
                continue
            values[key] = value
            filled = True
        if not filled and all(is_blank(cell) for cell in cells):
            continue  # an empty line, not a row
        fields = None
        if not problems:
            try:
                fields = kind.clean_row(values)
            except RowInvalid as error:
                index = next((i for i, c in positions.items() if c.key == error.column), None)
                if index is None:  # a field the file has no column for: named by its label
                    title = next((kind.field_name(c) for c in kind.columns if c.key == error.column), error.column)
                    problems.append(_problem(title, "", error.message))
                else:
                    title = clean_text(header[index]) or unnamed_column(index)
                    problems.append(_problem(title, cells[index], error.message))
        if fields is not None:
            for name, limit in limits:
                value = fields.get(name)
                if value.__class__ is str and len(value) > limit:
                    problems.append(_too_long(kind, name, value, limit, columns_of, header, cells))
            if problems:
                fields = None
        yield number, cells, fields, (RowError(number, problems) if problems else None)


def model_text_limits(model: type[models.Model]) -> list[tuple[str, int]]:
    """(field name, max_length) of the model's text fields that have a length limit: a longer value
    would fail the whole import in the database (value too long for character varying(n))."""
    return [
        (field.name, field.max_length)
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField) and field.max_length
    ]


def _too_long(kind: ImportKind, name: str, value: str, limit: int, columns_of: dict, header: list, cells: list):
    """The problem of a value longer than its field takes, named by the file's column when the
    value came from one, else by the field's label."""
    reason = coded(gettext_noop("too long: %(length)d characters, at most %(limit)d"), length=len(value), limit=limit)
    index = columns_of.get(name)
    if index is not None:
        return _problem(clean_text(header[index]) or unnamed_column(index), cells[index], reason)
    column = next((c for c in kind.columns if c.key == name), None)
    title = kind.field_name(column) if column else _coded_text(kind.model._meta.get_field(name).verbose_name)
    return CellProblem(title, value, reason)


def run_import(
    kind: ImportKind,
    path: Path | str,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    rejects_path: Path | str | None = None,
    on_error: Callable[[RowError], None] | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
    keep_errors: int = 200,
    layout: ImportLayout | None = None,
) -> ImportResult:
    """Import one file. Nothing is stored on a dry run, nor when rows are invalid without skip_invalid;
    a file with no row under its header is refused (file_problem NOTHING_TO_IMPORT).

    The columns are read with `layout` when given, else with the saved layout of the file's
    header set, else by the header synonyms (core.importing.headers.read_header)."""
    path = Path(path)
    result = ImportResult(
        kind=kind.name, dry_run=dry_run, extra_labels={k: str(v) for k, v in kind.extra_labels.items()}
    )
    try:
        table = open_table(path)
    except UnreadableFile as error:
        result.file_problem = error.reason
        return result
    result.file_format = table.format
    reading = read_header(kind, table, layout)
    result.header_row, result.skipped_lines = table.header_row, table.skipped
    positions, result.ignored_columns, missing = reading.positions, reading.ignored, reading.missing
    header = reading.header  # the header row, as wide as the widest of the first rows
    result.layout_name = reading.layout.name if reading.layout else ""
    if missing:
        fitting = reading.fitting
        if reading.layout is not None:
            result.file_problem = coded(
                gettext_noop("The layout “%(name)s” leaves required columns without a column: %(columns)s"),
                name=reading.layout.name,
                columns=missing,
            )
        elif fitting is not None:
            result.detected_kind = fitting.name
            result.file_problem = coded(
                gettext_noop(
                    "This looks like a list of %(kind)s, not of %(chosen)s: import it as %(kind)s. (Missing here: %(columns)s)"
                ),
                kind=fitting.label,
                chosen=kind.label,
                columns=missing,
            )
        else:
            result.file_problem = coded(gettext_noop("Required columns are missing: %(columns)s"), columns=missing)
        if reading.needs_mapping:
            result.mapping_request = {"header": reading.header, "samples": reading.samples, "missing": missing}
        return result

    rejects: list[list[str]] = []
    seen_keys: dict[tuple, int] = {}
    # A repeated key is named by the file's headers of the key fields (the portal's, for one it lacks).
    titles = {column.key: column.header for column in kind.columns}
    titles |= {
        column.key: clean_text(header[index]) or render(unnamed_column(index)) for index, column in positions.items()
    }
    key_title = " + ".join(titles[name] for name in kind.key_fields if name in titles) or kind.key_label()
    chunk: list[dict] = []
    notes: list[tuple[int, str]] = []
    try:
        # The database merges each chunk while the next is validated (merging_in_background).
        with transaction.atomic(), merging_in_background() as merges:
            for number, cells, fields, error in _validate(kind, positions, header, table.rows, notes):
                result.rows += 1
                if error is None:
                    key = kind.key_of(fields)
                    first = seen_keys.setdefault(key, number)
                    if first != number:
                        reason = coded(gettext_noop("appears twice in the file (first in row %(row)s)"), row=first)
                        error = RowError(number, [CellProblem(key_title, " ".join(map(str, key)), reason)])
                if error is not None:
                    result.invalid += 1
                    if len(result.errors) < keep_errors:
                        result.errors.append(error)
                    if on_error:
                        on_error(error)
                    if skip_invalid:
                        reason = "; ".join(f"{p.column_name}: {p.text}" for p in error.problems)
                        padded = list(cells) + [""] * (len(header) - len(cells))
                        rejects.append([_display(c) for c in padded] + [str(number), reason])
                    continue
                # Once a row is refused without skip_invalid nothing will be kept: only validate on.
                if result.invalid and not skip_invalid:
                    continue
                chunk.append(fields)
                if len(chunk) >= CHUNK_SIZE:
                    kind.write_chunk(chunk, result)
                    chunk = []
                    if on_progress:
                        on_progress(result.rows, table.total)
            result.warnings.extend(
                coded(
                    gettext_noop("Row %(row)d, “%(text)s”, is a line written across the table, not a record: skipped."),
                    row=number,
                    text=text,
                )
                for number, text in notes[:NOTE_LINES_SHOWN]
            )
            if len(notes) > NOTE_LINES_SHOWN:
                result.warnings.append(
                    coded(
                        gettext_noop("%(count)d more lines written across the table were skipped."),
                        count=len(notes) - NOTE_LINES_SHOWN,
                    )
                )
            if not result.rows:
                result.file_problem = coded(NOTHING_TO_IMPORT)
                transaction.set_rollback(True)
                return result
            if result.invalid and not skip_invalid:
                transaction.set_rollback(True)
                return result
            if chunk:
                kind.write_chunk(chunk, result)
            merges.wait()
            kind.after_import(result)
            if on_progress:
                on_progress(result.rows, table.total)
            if dry_run:
                transaction.set_rollback(True)
            else:
                result.committed = True
    except UnreadableFile as error:
        result.file_problem = error.reason
        result.committed = False
        return result

    if rejects and skip_invalid:
        target = Path(rejects_path) if rejects_path else path.with_name(path.name + ".rejects.csv")
        write_csv(target, [*header, ROW_HEADER, REASON_HEADER], rejects)
        result.rejects_path = target
    return result
