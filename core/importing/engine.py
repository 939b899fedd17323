"""The import runner shared by every kind of list (enterprises, yearly figures, patents, …).

One path serves the command line, the officials' upload page and Celery: read the file as a
stream, map its headers (Chinese or English, any order), validate every row, and merge the valid
rows by natural key in chunks inside one transaction. A file with invalid rows stores nothing
unless skip_invalid is asked for; then the rejected rows go to a CSV with their reasons.
"""

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipportal.coded import coded, render

from .merge import merge_chunk, merging_in_background
from .reader import UnreadableFile, open_table, write_csv
from .values import ImportValueError, clean_text, is_blank

CHUNK_SIZE = 2000
REASON_HEADER = "错误原因 reason"
ROW_HEADER = "原行号 row"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    parse: Callable[[Any], Any] | None = None

    def read(self, raw: Any) -> Any:
        if self.parse is None:
            return clean_text(raw)
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
    column: str
    value: str
    reason: dict | str  # a coded message (ipportal.coded), or text

    @property
    def text(self) -> str:
        return render(self.reason)


@dataclass
class RowError:
    row: int
    problems: list[CellProblem]

    def __str__(self) -> str:
        details = "; ".join(f'{p.column} = "{p.value}": {p.text}' for p in self.problems)
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
    extra: dict[str, int] = field(default_factory=dict)
    keys: set = field(default_factory=set)  # natural keys written, for kinds that act on them afterwards
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # stored all the same, but worth a look (the kind's words)
    ignored_columns: list[str] = field(default_factory=list)
    file_error: str = ""
    committed: bool = False
    dry_run: bool = False
    rejects_path: Path | None = None

    @property
    def refused(self) -> bool:
        return bool(self.file_error) or (self.invalid > 0 and not self.committed and not self.dry_run)

    def count(self, new: int, updated: int, unchanged: int) -> None:
        self.new += new
        self.updated += updated
        self.unchanged += unchanged

    def summary(self) -> str:
        text = _("%(rows)d rows: %(new)d new, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d skipped") % {
            "rows": self.rows,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.invalid,
        }
        labels = {"not_in_park": _("not in the park")}
        for key, count in self.extra.items():
            text += f", {count} {labels.get(key, key)}"
        for warning in self.warnings:
            text += "\n" + _("Warning: %(warning)s") % {"warning": warning}
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

    def clean_row(self, values: dict[str, Any]) -> dict[str, Any]:
        """Model field values from the parsed columns; raise RowInvalid for a wrong combination."""
        return values

    def key_of(self, fields: dict[str, Any]) -> tuple:
        return tuple(fields[name] for name in self.key_fields)

    def write_chunk(self, rows: list[dict[str, Any]], result: ImportResult) -> None:
        """Insert new rows and update changed ones (importing.merge), counting each.

        Inside run_import the database may still be merging the chunk when this returns (on
        PostgreSQL); any later query through Django waits for it, and the counts are in the
        result before after_import.
        """
        merge_chunk(self.model, self.key_fields, rows, result.count)

    def after_import(self, result: ImportResult) -> None:
        """Work that needs the whole file stored (links between records); inside the transaction."""

    def key_label(self) -> str:
        return " + ".join(c.header for c in self.columns if c.key in self.key_fields) or ", ".join(self.key_fields)

    def template_header(self) -> list[str]:
        return [column.header for column in self.columns]


def normalize_header(text: Any) -> str:
    folded = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return "".join(folded.split()).replace("_", "")


def map_header(kind: ImportKind, header: list[str]) -> tuple[dict[int, Column], list[str], list[str]]:
    """Column of each file position, the ignored headers, and the required columns missing."""
    lookup: dict[str, Column] = {}
    for column in kind.columns:
        lookup[normalize_header(column.header)] = column
        lookup[normalize_header(column.key)] = column
    positions: dict[int, Column] = {}
    ignored: list[str] = []
    seen: set[str] = set()
    for index, title in enumerate(header):
        column = lookup.get(normalize_header(title))
        if column is None or column.key in seen:
            if clean_text(title):
                ignored.append(clean_text(title))
            continue
        positions[index] = column
        seen.add(column.key)
    missing = [f"{c.header} ({c.key})" for c in kind.columns if c.required and c.key not in seen]
    return positions, ignored, missing


def _display(raw: Any) -> str:
    if isinstance(raw, dt.datetime) and raw.time() == dt.time(0):
        return raw.date().isoformat()
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat()
    return clean_text(raw)


def _validate(
    kind: ImportKind, positions: dict[int, Column], header: list[str], rows: Iterable[tuple[int, list]]
) -> Iterator[tuple[int, list, dict | None, RowError | None]]:
    # Resolved once: (position, key, parser, required, header) for every mapped column.
    plan = [
        (index, column.key, column.parse or clean_text, column.required, header[index])
        for index, column in positions.items()
    ]
    width = max(positions, default=-1) + 1
    for number, cells in rows:
        if len(cells) < width:
            cells = [*cells, *([None] * (width - len(cells)))]
        values: dict[str, Any] = {}
        problems: list[CellProblem] = []
        filled = False
        for index, key, parse, required, title in plan:
            raw = cells[index]
            if raw is None or raw == "" or (isinstance(raw, str) and not raw.strip()):
                values[key] = None
                if required:
                    problems.append(CellProblem(title, "", coded(gettext_noop("required"))))
                continue
            filled = True
            try:
                values[key] = parse(raw)
            except ImportValueError as error:
                problems.append(CellProblem(title, _display(raw), error.reason))
        if not filled and all(is_blank(cell) for cell in cells):
            continue  # an empty line, not a row
        fields = None
        if not problems:
            try:
                fields = kind.clean_row(values)
            except RowInvalid as error:
                title = next((header[i] for i, c in positions.items() if c.key == error.column), error.column)
                raw = next((cells[i] for i, c in positions.items() if c.key == error.column), "")
                problems.append(CellProblem(title, _display(raw), error.message))
        yield number, cells, fields, (RowError(number, problems) if problems else None)


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
) -> ImportResult:
    """Import one file. Nothing is stored on a dry run, nor when rows are invalid without skip_invalid."""
    path = Path(path)
    result = ImportResult(kind=kind.name, dry_run=dry_run)
    try:
        table = open_table(path)
    except UnreadableFile as error:
        result.file_error = str(error)
        return result
    positions, result.ignored_columns, missing = map_header(kind, table.header)
    if missing:
        result.file_error = _("Required columns are missing: %(columns)s") % {"columns": ", ".join(missing)}
        return result

    rejects: list[list[str]] = []
    seen_keys: dict[tuple, int] = {}
    chunk: list[dict] = []
    try:
        # The database merges each chunk while the next is validated (merging_in_background).
        with transaction.atomic(), merging_in_background() as merges:
            for number, cells, fields, error in _validate(kind, positions, table.header, table.rows):
                result.rows += 1
                if error is None:
                    key = kind.key_of(fields)
                    first = seen_keys.setdefault(key, number)
                    if first != number:
                        reason = coded(gettext_noop("appears twice in the file (first in row %(row)s)"), row=first)
                        error = RowError(number, [CellProblem(kind.key_label(), " ".join(map(str, key)), reason)])
                if error is not None:
                    result.invalid += 1
                    if len(result.errors) < keep_errors:
                        result.errors.append(error)
                    if on_error:
                        on_error(error)
                    if skip_invalid:
                        reason = "; ".join(f"{p.column}: {p.text}" for p in error.problems)
                        padded = list(cells) + [""] * (len(table.header) - len(cells))
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
        result.file_error = str(error)
        result.committed = False
        return result

    if rejects and skip_invalid:
        target = Path(rejects_path) if rejects_path else path.with_name(path.name + ".rejects.csv")
        write_csv(target, [*table.header, ROW_HEADER, REASON_HEADER], rejects)
        result.rejects_path = target
    return result
