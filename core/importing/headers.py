"""Which field each column of a file holds: header synonyms, the header row under title lines, and
the column layouts officials saved.

A header is recognised when it is one of a column's names (Column.headers, the synonyms table
in docs/import-headers.md). When a file's required fields still have no column, the import page
asks the official to map the columns once; the mapping is saved as a named layout
(core.models.ImportLayout) keyed by the file's *set* of headers, and every later file of that
kind with the same set of headers is read with it, on the page and on the command line.

A column without a header (a blank header cell: a spacer between named columns, trailing blank
header cells, or cells of a text table wider than its header row) is named by its number. When
it has data in the first rows (reader.HEAD_ROWS) it counts as a column the mapping step can map,
and otherwise as an ignored column that the check page names; a saved layout keys it by its
number ("column 5"), since it has no header to key it by.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_noop
from rapidfuzz import fuzz, process

from core.models import ImportLayout
from ipportal.coded import coded

from .registry import KINDS
from .values import clean_text, is_blank, strip_invisible

if TYPE_CHECKING:
    from .engine import Column, ImportKind
    from .reader import Table

SAMPLE_ROWS = 2  # rows under the header the mapping step shows beside each column
GUESS_CUTOFF = 60  # similarity (0–100) under which the mapping step guesses nothing for a field


def normalize_header(text: Any) -> str:
    """Headers compare without case, spaces, underscores, full-width forms, invisible characters
    and the marks a template puts on required columns ("*", a trailing colon)."""
    folded = unicodedata.normalize("NFKC", strip_invisible(str(text or ""))).casefold()
    return "".join(folded.split()).replace("_", "").strip("*:")


def unnamed_column(index: int) -> dict:
    """How the pages name the column at `index` (from 0) when it has no header: by its number,
    as a coded message (ipportal.coded) read in the reader's language."""
    return coded(gettext_noop("(column %(number)d, no header)"), number=index + 1)


def layout_key(index: int, title: Any) -> str:
    """The key of the column at `index` in a saved layout's mapping: its normalised header, or
    for a column without a header its number ("column 5", which no normalised header can be:
    normalize_header removes spaces)."""
    return normalize_header(title) or f"column {index + 1}"


def map_header(
    kind: ImportKind, header: list[str], filled: set[int] = frozenset()
) -> tuple[dict[int, Column], list[str | dict], list[dict]]:
    """Column of each file position, the ignored columns, and the required columns missing.

    A header may be any of a column's names (Column.headers); when a file has two names of one
    field (专利权人 and 申请人), the more specific one, earlier in the list, is taken. `filled`:
    the positions without a header that hold data; they are ignored columns too (named by
    unnamed_column), which the mapping step can map."""
    lookup: dict[str, tuple[int, Column]] = {}
    for column in kind.columns:
        for rank, name in enumerate(column.headers):
            lookup.setdefault(normalize_header(name), (rank, column))
    chosen: dict[str, tuple[int, int]] = {}  # column key -> (rank, position)
    for index, title in enumerate(header):
        found = lookup.get(normalize_header(title))
        if found is not None and found[0] < chosen.get(found[1].key, (len(lookup), -1))[0]:
            chosen[found[1].key] = (found[0], index)
    by_key = {column.key: column for column in kind.columns}
    positions = {index: by_key[key] for key, (_rank, index) in chosen.items()}
    return _result(kind, header, positions, filled)


def _result(kind: ImportKind, header: list[str], positions: dict[int, Column], filled: set[int]):
    ignored = [
        clean_text(title) or unnamed_column(index)
        for index, title in enumerate(header)
        if index not in positions and (clean_text(title) or index in filled)
    ]
    mapped = {column.key for column in positions.values()}
    missing = [kind.field_name(c) for c in kind.columns if c.required and c.key not in mapped]
    return dict(sorted(positions.items())), ignored, missing


def kind_fitting(header: list[str], refused: ImportKind) -> ImportKind | None:
    """Another kind whose required columns this header has all of (the one naming most columns)."""
    best, best_count = None, 0
    for other in KINDS.values():
        if other.name == refused.name:
            continue
        positions, _ignored, missing = map_header(other, header)
        if not missing and len(positions) > best_count:
            best, best_count = other, len(positions)
    return best


def find_header(kind: ImportKind, table: Table) -> None:
    """Point the table at its header: the row among the first ones (reader.HEAD_ROWS) that names
    the most of the kind's columns. Title lines and a "填报单位" line above it are skipped."""
    best, best_score = table.header_index, 0
    for index, (_number, cells) in enumerate(table.head):
        positions, _ignored, _missing = map_header(kind, [str(cell or "") for cell in cells])
        if len(positions) > best_score:
            best, best_score = index, len(positions)
    table.header_index = best


def header_fingerprint(header: list[str]) -> str:
    """The key of a set of headers: order, case, spacing and repeats do not change it."""
    names = sorted({normalize_header(title) for title in header} - {""})
    return hashlib.sha256("\x1f".join(names).encode()).hexdigest()


def saved_layout(kind: ImportKind, table: Table) -> ImportLayout | None:
    """The saved layout of this kind whose header set is one of the first rows of the table; the
    table is pointed at that row. One query."""
    prints = {
        header_fingerprint([str(cell or "") for cell in cells]): index
        for index, (_number, cells) in reversed(list(enumerate(table.head)))
        if any(clean_text(cell) for cell in cells)
    }
    layout = ImportLayout.objects.filter(kind=kind.name, fingerprint__in=prints).first()
    if layout is not None:
        table.header_index = prints[layout.fingerprint]
    return layout


def map_with_layout(
    kind: ImportKind, header: list[str], layout: ImportLayout, filled: set[int] = frozenset()
) -> tuple[dict[int, Column], list[str | dict], list[dict]]:
    """Like map_header, with the layout's field for each header it names (the first column of a
    repeated header) and for each column without a header by its number (layout_key); columns
    the layout leaves out are ignored."""
    by_key = {column.key: column for column in kind.columns}
    positions: dict[int, Column] = {}
    taken: set[str] = set()
    for index, title in enumerate(header):
        key = layout.mapping.get(layout_key(index, title))
        if key in by_key and key not in taken:
            positions[index] = by_key[key]
            taken.add(key)
    return _result(kind, header, positions, filled)


def place_layout(kind: ImportKind, table: Table, layout: ImportLayout) -> None:
    """Point the table at the row naming most of the headers of a layout chosen by name."""
    known = set(layout.mapping)
    best, best_score = table.header_index, 0
    for index, (_number, cells) in enumerate(table.head):
        score = len({normalize_header(cell) for cell in cells} & known)
        if score > best_score:
            best, best_score = index, score
    table.header_index = best


@dataclass
class HeaderReading:
    """How a table's header was read: the field of each position, what is ignored and missing,
    the saved layout used (if any) and, when required fields are missing, a kind that fits."""

    positions: dict[int, Column]
    ignored: list[str | dict]  # ignored headers, and columns without a header holding data (coded)
    missing: list[dict]  # the required fields without a column, named coded (ImportKind.field_name)
    layout: ImportLayout | None = None
    fitting: ImportKind | None = None
    header: list[str] = field(default_factory=list)  # as wide as the widest of the first rows
    header_row: int = 1
    samples: list[list[str]] = field(default_factory=list)  # the first rows under the header, as text

    @property
    def needs_mapping(self) -> bool:
        """Required fields have no column, no other kind fits, and the file has enough columns
        left to hold them (ignored headers, and columns without a header holding data): the
        official maps the columns. (A file with too few columns is refused as missing them; no
        mapping could help.)"""
        return bool(self.missing) and self.fitting is None and len(self.ignored) >= len(self.missing)


def read_header(kind: ImportKind, table: Table, layout: ImportLayout | None = None) -> HeaderReading:
    """Find the header row and the field of each column: with `layout` when one is given (by
    name, on the command line), else with the saved layout of this header set, else by the
    synonyms. The reading's header is padded with blank cells to the widest of the first rows
    under it (a text table's rows can be wider than its header row). Raises nothing; what is
    missing is in the reading."""
    if layout is None:
        layout = saved_layout(kind, table)
    else:
        place_layout(kind, table, layout)
    if layout is None:
        find_header(kind, table)
    header, filled = _widened_header(table)
    if layout is None:
        positions, ignored, missing = map_header(kind, header, filled)
    else:
        positions, ignored, missing = map_with_layout(kind, header, layout, filled)
    fitting = kind_fitting(header, kind) if missing and layout is None else None
    under = table.head[table.header_index + 1 : table.header_index + 1 + SAMPLE_ROWS]
    samples = [[clean_text(cell) for cell in cells] for _number, cells in under]
    return HeaderReading(positions, ignored, missing, layout, fitting, header, table.header_row, samples)


def _widened_header(table: Table) -> tuple[list[str], set[int]]:
    """The table's header padded to the widest of the first rows under it, and the positions
    without a header that hold data in those rows."""
    under = table.head[table.header_index + 1 :]
    header = table.header
    width = max([len(header), *(len(cells) for _number, cells in under)])
    header = header + [""] * (width - len(header))
    filled = {
        index
        for index, title in enumerate(header)
        if not clean_text(title) and any(index < len(cells) and not is_blank(cells[index]) for _number, cells in under)
    }
    return header, filled


def guess_mapping(kind: ImportKind, header: list[str]) -> dict[int, str]:
    """The field key the mapping step proposes for each position: the synonyms' reading, then
    for each field still without a column the most similar unused header (rapidfuzz), if it
    is similar enough (GUESS_CUTOFF)."""
    positions, _ignored, _missing = map_header(kind, header)
    guesses = {index: column.key for index, column in positions.items()}
    free = {index: normalize_header(title) for index, title in enumerate(header) if index not in guesses}
    for column in kind.columns:
        if column.key in guesses.values() or not free:
            continue
        best = None
        for name in column.headers:
            found = process.extractOne(normalize_header(name), free, scorer=fuzz.ratio, score_cutoff=GUESS_CUTOFF)
            if found is not None and (best is None or found[1] > best[1]):
                best = found
        if best is not None:
            guesses[best[2]] = column.key
            del free[best[2]]
    return dict(sorted(guesses.items()))


def save_layout(kind: ImportKind, header: list[str], mapping: dict[int, str], name: str, user=None) -> ImportLayout:
    """Save (or replace, for the same kind and header set) the layout mapping positions of
    `header` to field keys; positions left out are ignored columns."""
    fields = {layout_key(index, header[index]): key for index, key in mapping.items() if key}
    layout, _created = ImportLayout.objects.update_or_create(
        kind=kind.name,
        fingerprint=header_fingerprint(header),
        defaults={"name": name, "headers": [clean_text(title) for title in header], "mapping": fields},
        create_defaults={
            "name": name,
            "headers": [clean_text(title) for title in header],
            "mapping": fields,
            "created_by": user,
        },
    )
    return layout
