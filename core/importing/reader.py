"""Streams the rows of a spreadsheet or a text table, whatever it is named.

Spreadsheets are recognised by their content. An XLSX or XLSM sheet is streamed row by row by
python-calamine-plus (flat memory whatever its length); XLS, XLSB and ODS are read whole by
python-calamine, which reads a 100k-row sheet an order of magnitude faster than openpyxl. Merged
cells read as their value repeated over the range. Text tables are comma- or
tab-separated (Excel's "Unicode text" is UTF-16 with tabs) in UTF-8 (with or without BOM),
UTF-16 (with its BOM) or GB18030, read through the csv module.

Rows come out as (row number as the spreadsheet shows it, list of cells). The header is the
first non-blank row unless the engine chooses a later one among the first HEAD_ROWS rows.
Files are never read whole into memory.
"""

import codecs
import csv
import itertools
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipportal.coded import coded, render
from ipportal.exports import safe_row

logger = logging.getLogger(__name__)

SNIFF_BYTES = 1 << 20
HEAD_ROWS = 20  # rows kept back so that the header can be looked for under title lines

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003 (.xls)
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class UnreadableFile(Exception):
    """The file as a whole cannot be read. Its reason is a coded message (ipportal.coded), stored as
    it is and shown in the reader's language; str(error) is the reason in the active language."""

    @property
    def reason(self) -> dict | str:
        return self.args[0] if self.args else ""

    def __str__(self) -> str:
        return render(self.reason)


@dataclass
class Table:
    """The rows of one sheet. `header` is the header row's cells, `rows` the rows under it."""

    head: list[tuple[int, list]]  # the first rows, kept back
    rest: Iterator[tuple[int, list]]
    total: int | None  # rows under the first row
    format: str = ""  # what was read, language-neutral ("XLSX", "CSV (GB18030)", …): format_label shows it
    header_index: int = field(default=0)

    def __post_init__(self):
        self.header_index = next((i for i, (_n, cells) in enumerate(self.head) if _filled(cells)), 0)

    @property
    def header(self) -> list[str]:
        return [_header_text(cell) for cell in self.head[self.header_index][1]] if self.head else []

    @property
    def header_row(self) -> int:
        return self.head[self.header_index][0] if self.head else 1

    @property
    def skipped(self) -> list[tuple[int, str]]:
        """The non-blank rows above the header (title lines): row number and their text."""
        return [
            (number, " ".join(dict.fromkeys(_header_text(c).strip() for c in cells if _header_text(c).strip())))
            for number, cells in self.head[: self.header_index]
            if _filled(cells)
        ]  # a merged title reads once, not once per column it covers

    @property
    def rows(self) -> Iterator[tuple[int, list]]:
        return itertools.chain(self.head[self.header_index + 1 :], self.rest)


def _header_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _filled(cells: list) -> bool:
    return any(_header_text(cell).strip() for cell in cells)


def _table(rows: Iterator[tuple[int, list]], total: int | None, format_name: str) -> Table:
    head = list(itertools.islice(rows, HEAD_ROWS))
    if not any(_filled(cells) for _n, cells in head):
        raise UnreadableFile(coded(gettext_noop("The file is empty.")))
    return Table(head=head, rest=rows, total=total, format=format_name)


def detect_encoding(path: Path) -> str:
    """utf-16 when the file starts with a UTF-16 byte-order mark; utf-8-sig when the start of
    the file decodes as UTF-8, otherwise GB18030."""
    with open(path, "rb") as handle:
        sample = handle.read(SNIFF_BYTES)
    if sample.startswith(UTF16_BOMS):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=len(sample) < SNIFF_BYTES)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(sample, final=len(sample) < SNIFF_BYTES)
        return "gb18030"
    except UnicodeDecodeError:
        raise UnreadableFile(coded(gettext_noop("The file is neither UTF-8 nor GB18030 text."))) from None


ENCODING_NAMES = {"utf-8-sig": "UTF-8", "gb18030": "GB18030", "utf-16": "UTF-16"}


def spreadsheet_format(path: Path) -> str | None:
    """XLSX, XLS, ODS or XLSB from the file's first bytes (and a zip's members); None for text."""
    with open(path, "rb") as handle:
        start = handle.read(8)
    if start == OLE2_MAGIC:
        return "XLS"
    if not start.startswith(b"PK\x03\x04"):
        return None
    check_xlsx_container(path)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype")[:100]:
            return "ODS"
    if "xl/workbook.bin" in names:
        return "XLSB"
    return "XLSX"


def _streamed_part(name: str) -> bool:
    """A worksheet of an XLSX workbook, which open_xlsx streams instead of holding."""
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def check_xlsx_container(path: Path) -> None:
    """Refuse a zip bomb before any reader unpacks it: too many members; more declared
    uncompressed bytes relative to the compressed size than a real sheet needs
    (IMPORT_XLSX_MAX_RATIO); more bytes held in memory than IMPORT_XLSX_MAX_UNPACKED_BYTES (an
    XLSX's shared strings and styles; the whole of an ODS or XLSB, which are read whole); or
    XLSX worksheets, which are streamed, past IMPORT_XLSX_MAX_SHEET_BYTES (they cost time, not
    memory). Raises UnreadableFile with a coded message that says to upload CSV instead."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise _unreadable("XLSX") from None
    if len(members) > settings.IMPORT_XLSX_MAX_MEMBERS:
        raise UnreadableFile(
            coded(
                gettext_noop("The XLSX file holds %(count)s parts, more than the %(limit)s a workbook may have."),
                count=len(members),
                limit=settings.IMPORT_XLSX_MAX_MEMBERS,
            )
        )
    xlsx = any(member.filename == "xl/workbook.xml" for member in members)
    streamed = sum(member.file_size for member in members if xlsx and _streamed_part(member.filename))
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    held = unpacked - streamed
    over = None  # (what is too large, in bytes; its limit)
    if held > settings.IMPORT_XLSX_MAX_UNPACKED_BYTES:
        over = (held, settings.IMPORT_XLSX_MAX_UNPACKED_BYTES)
    elif streamed > settings.IMPORT_XLSX_MAX_SHEET_BYTES:
        over = (streamed, settings.IMPORT_XLSX_MAX_SHEET_BYTES)
    elif unpacked > settings.IMPORT_XLSX_MAX_RATIO * max(packed, 1):
        over = (unpacked, settings.IMPORT_XLSX_MAX_SHEET_BYTES)
    if over:
        raise UnreadableFile(
            coded(
                gettext_noop(
                    "The XLSX file unpacks to %(size)s MB, more than an import may (%(limit)s MB at most, %(ratio)s× its size). "
                    "Save the sheet as CSV (UTF-8), which is read row by row, and upload that."
                ),
                size=over[0] // (1024 * 1024),
                limit=over[1] // (1024 * 1024),
                ratio=settings.IMPORT_XLSX_MAX_RATIO,
            )
        )


def check_shape(rows: int, columns: int) -> None:
    if rows > settings.IMPORT_MAX_ROWS:
        raise UnreadableFile(
            coded(
                gettext_noop("The file has %(count)s rows; an import takes at most %(limit)s."),
                count=rows,
                limit=settings.IMPORT_MAX_ROWS,
            )
        )
    if columns > settings.IMPORT_MAX_COLUMNS:
        raise UnreadableFile(
            coded(
                gettext_noop("The file has %(count)s columns; an import takes at most %(limit)s."),
                count=columns,
                limit=settings.IMPORT_MAX_COLUMNS,
            )
        )


# A NUL byte, or a byte the encoding could not read (kept as a lone surrogate by surrogateescape).
_UNREADABLE = re.compile("[\x00\udc80-\udcff]")


class _BadLine(Exception):
    def __init__(self, nul: bool):
        self.nul = nul


def _checked_lines(handle) -> Iterator[str]:
    for line in handle:
        found = _UNREADABLE.search(line)
        if found:
            raise _BadLine(nul=found.group() == "\x00")
        yield line


def _csv_records(path: Path, encoding: str, delimiter: str = ",", checked: bool = False) -> Iterator[tuple[int, list]]:
    """Every row with its number (the header is row 1), checking every byte of the file: a NUL,
    a byte that is not text in the file's encoding, a field over the csv module's limit or a
    stray quote refuse the file with a message that names the row (never the raw error).
    `checked`: the bytes were checked by an earlier pass over the same file (open_csv's count)."""
    number = 0
    with open(path, encoding=encoding, errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle if checked else _checked_lines(handle), delimiter=delimiter)
        try:
            for number, row in enumerate(reader, start=1):
                yield number, row
        except _BadLine as bad:
            if bad.nul:
                message = gettext_noop(
                    "Row %(row)d holds a NUL byte, which a text file never does; save the sheet as CSV again."
                )
            else:
                message = gettext_noop(
                    "Row %(row)d is not %(encoding)s text like the rows before it; save the whole file in one encoding."
                )
            raise UnreadableFile(
                coded(message, row=number + 1, encoding=ENCODING_NAMES.get(encoding, encoding.upper()))
            ) from None
        except csv.Error as error:
            if "field limit" in str(error):
                message = gettext_noop(
                    "Row %(row)d has a cell longer than %(limit)d characters, more than an import takes."
                )
            else:
                message = gettext_noop("Row %(row)d cannot be read as CSV: a quote or a line break is out of place.")
            raise UnreadableFile(coded(message, row=number + 1, limit=csv.field_size_limit())) from None


def _count_csv_rows(path: Path, encoding: str, delimiter: str = ",") -> int:
    return max(0, sum(1 for _row in _csv_records(path, encoding, delimiter)) - 1)


def detect_delimiter(first_line: str) -> str:
    """A tab when the first line has more tabs than commas (tab-separated text), else a comma."""
    return "\t" if first_line.count("\t") > first_line.count(",") else ","


def _csv_rows(path: Path, encoding: str, delimiter: str = ",") -> Iterator[tuple[int, list]]:
    """Every row, the header included, numbered from 1; after open_csv's count, which checked
    every byte and the number of rows (here only each row's width is)."""
    columns = settings.IMPORT_MAX_COLUMNS
    for number, row in _csv_records(path, encoding, delimiter, checked=True):
        if len(row) > columns:
            check_shape(number - 1, len(row))
        yield number, row


def open_csv(path: Path) -> Table:
    """Reads the whole file once before anything is stored (counting its rows), so a fault
    anywhere in it refuses the file before the first chunk is written."""
    encoding = detect_encoding(path)
    with open(path, encoding=encoding, errors="surrogateescape", newline="") as handle:
        try:
            first_line = handle.readline()
        except UnicodeDecodeError:
            raise UnreadableFile(coded(gettext_noop("The CSV file is malformed."))) from None
    if not first_line.strip():
        raise UnreadableFile(coded(gettext_noop("The file is empty.")))
    delimiter = detect_delimiter(first_line)
    total = _count_csv_rows(path, encoding, delimiter)
    check_shape(total, len(next(csv.reader([first_line], delimiter=delimiter), [])))
    kind = "TSV" if delimiter == "\t" else "CSV"
    name = f"{kind} ({ENCODING_NAMES.get(encoding, encoding.upper())})"
    return _table(_csv_rows(path, encoding, delimiter), total, name)


SPREADSHEET_NAMES = {"XLS": "XLS (Excel 97–2003)", "XLSX": "XLSX", "XLSB": "XLSB", "ODS": "ODS (OpenDocument)"}
SPREADSHEET_SUFFIXES = {"XLS": {".xls"}, "XLSX": {".xlsx", ".xlsm"}, "XLSB": {".xlsb"}, "ODS": {".ods"}}
# What Excel shows in a cell whose formula failed. python-calamine reads them as empty cells;
# the streaming reader returns the text, so they are read as empty here too (an unknown value).
EXCEL_ERRORS = frozenset(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"])


def _workbook(module, path: Path, format_name: str):
    """The workbook opened by python-calamine (or its streaming fork): by path when the name says
    what it is, else from its content (calamine picks its reader by the name)."""
    if path.suffix.lower() in SPREADSHEET_SUFFIXES[format_name]:
        return module.CalamineWorkbook.from_path(str(path))
    with open(path, "rb") as handle:
        return module.CalamineWorkbook.from_filelike(handle)


def _unreadable(format_name: str, row: int | None = None) -> UnreadableFile:
    """The refusal of a file a reader failed on. The reader's own error (English, naming its
    internals) is logged with its traceback, not shown: the message says what the user can do."""
    logger.warning("A %s file could not be read", format_name, exc_info=True)
    if row is not None:
        return UnreadableFile(
            coded(
                gettext_noop(
                    "Row %(row)d of the %(format)s file cannot be read: the file is damaged. Open it in Excel and "
                    "save it again, or save the sheet as CSV (UTF-8), and upload that."
                ),
                row=row,
                format=format_name,
            )
        )
    return UnreadableFile(
        coded(
            gettext_noop(
                "The %(format)s file cannot be read: it is damaged or is not a workbook. Open it in Excel and save "
                "it again, or save the sheet as CSV (UTF-8), and upload that."
            ),
            format=format_name,
        )
    )


def open_spreadsheet(path: Path, format_name: str) -> Table:
    """The first sheet of a workbook (recognised by content, not name), as a Table.

    XLSX and XLSM are streamed row by row (open_xlsx); XLS, XLSB and ODS are read whole by
    python-calamine, their size bounded by check_xlsx_container (an XLS holds 65,536 rows)."""
    if format_name == "XLSX":
        return open_xlsx(path)
    import python_calamine

    try:
        sheet = _workbook(python_calamine, path, format_name).get_sheet_by_index(0)
    except Exception:  # calamine raises its own error types
        raise _unreadable(format_name) from None
    check_shape(max(0, sheet.height - 1), sheet.width)
    first_column = sheet.start[1] if sheet.start else 0
    return _table(
        _merged_filled(enumerate(sheet.iter_rows()), sheet.merged_cell_ranges or [], first_column),
        max(0, sheet.height - 1),
        SPREADSHEET_NAMES[format_name],
    )


def open_xlsx(path: Path) -> Table:
    """The first sheet of an XLSX or XLSM workbook, streamed by python-calamine-plus.

    Memory stays flat whatever the number of rows (only the shared strings are held, bounded by
    check_xlsx_container). The sheet is read three times, each pass streamed: for its merged
    ranges (stored after the cells), to count its rows (so that a sheet over IMPORT_MAX_ROWS
    is refused before anything is stored, and progress has a total), and for the rows.
    Raises UnreadableFile (coded message) for a file it cannot read."""
    import python_calamine_plus

    try:
        workbook = _workbook(python_calamine_plus, path, "XLSX")
        merged = workbook.stream_sheet_by_index(0, rich=True).merged_cell_ranges or []
        count = sum(1 for _row in workbook.stream_sheet_by_index(0))
        stream = workbook.stream_sheet_by_index(0)
    except Exception:  # calamine raises its own error types
        raise _unreadable("XLSX") from None
    check_shape(max(0, count - 1), 0)
    table = _table(_merged_filled(_streamed(stream), merged, 0), max(0, count - 1), SPREADSHEET_NAMES["XLSX"])
    # python-calamine starts a sheet at its first used column; so does this reader.
    first_column = min(
        (
            next(i for i, cell in enumerate(cells) if _header_text(cell).strip())
            for _n, cells in table.head
            if _filled(cells)
        ),
        default=0,
    )
    if first_column:
        table.head = [(number, cells[first_column:]) for number, cells in table.head]
        table.rest = ((number, cells[first_column:]) for number, cells in table.rest)
    return table


def _streamed(stream) -> Iterator[tuple[int, list]]:
    """The stream's rows numbered from 0, Excel's error values read as empty cells, each row
    checked against IMPORT_MAX_COLUMNS. Raises UnreadableFile when the file breaks off."""
    columns = settings.IMPORT_MAX_COLUMNS
    errors = EXCEL_ERRORS
    index = -1
    try:
        for index, cells in enumerate(stream):
            if len(cells) > columns:
                check_shape(index, len(cells))
            if not errors.isdisjoint(cells):
                cells = ["" if cell.__class__ is str and cell in errors else cell for cell in cells]
            yield index, cells
    except UnreadableFile:
        raise
    except Exception:  # calamine raises its own error types
        raise _unreadable("XLSX", row=index + 2) from None


def _merged_filled(rows, merged_ranges, first_column: int) -> Iterator[tuple[int, list]]:
    """Rows (index from 0, cells) numbered as the spreadsheet shows them, each merged range's
    value repeated over the range. Ranges come in sheet coordinates; cells start at
    `first_column`, so ranges are shifted by it."""
    merged: dict[int, list[tuple[int, int, int]]] = {}  # row -> [(first col, last col, top row)]
    for (top, left), (bottom, right) in merged_ranges:
        left, right = left - first_column, right - first_column
        if left < 0 or (top == bottom and left == right):
            continue
        for row in range(top, bottom + 1):
            merged.setdefault(row, []).append((left, right, top))
    tops: dict[tuple[int, int], object] = {}
    for index, row in rows:
        ranges = merged.get(index)
        if not ranges:
            yield index + 1, row if row.__class__ is list else list(row)
            continue
        cells = list(row)
        for left, right, top in ranges:
            if top == index:
                value = cells[left] if left < len(cells) else ""
                tops[(top, left)] = value
            else:
                value = tops.get((top, left), "")
            if right >= len(cells):
                cells.extend([""] * (right + 1 - len(cells)))
            cells[left : right + 1] = [value] * (right + 1 - left)
        yield index + 1, cells


def format_label(name: str) -> str:
    """What a file was read as (Table.format, stored language-neutral: "XLSX", "CSV (GB18030)",
    "TSV (UTF-16)"…) in the active language."""
    if name.startswith("TSV (") and name.endswith(")"):
        return _("tab-separated text (%(encoding)s)") % {"encoding": name[5:-1]}
    if name.startswith("CSV (") and name.endswith(")"):
        return _("CSV (%(encoding)s)") % {"encoding": name[5:-1]}
    return name


def open_table(path: Path | str) -> Table:
    path = Path(path)
    if not path.exists():
        raise UnreadableFile(coded(gettext_noop("No such file: %(path)s"), path=path))
    spreadsheet = spreadsheet_format(path)
    if spreadsheet:
        return open_spreadsheet(path, spreadsheet)
    return open_csv(path)


def write_csv(path: Path, header: list[str], rows) -> None:
    """Writes UTF-8 with a BOM, which Excel opens with the Chinese intact; cells a spreadsheet
    would run as formulas are neutralised (the importer reads them back unchanged)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(safe_row(header))
        writer.writerows(safe_row(row) for row in rows)


__all__ = ["Table", "UnreadableFile", "format_label", "open_table", "write_csv"]
