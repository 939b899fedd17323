"""Streams the rows of a CSV (UTF-8, UTF-8 with BOM or GB18030) or XLSX file.

Rows come out as (row number as the spreadsheet shows it, list of cells); the header is row 1.
Files are never read whole into memory: CSV through the csv module, XLSX through
python-calamine, which reads a 100k-row sheet an order of magnitude faster than openpyxl.
"""

import codecs
import csv
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from ipportal.exports import safe_row

SNIFF_BYTES = 1 << 20
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "gb18030": "GB18030"}


class UnreadableFile(Exception):
    """The file as a whole cannot be read; str(error) says why, for the user."""


@dataclass
class Table:
    header: list[str]
    rows: Iterator[tuple[int, list]]
    total: int | None


def detect_encoding(path: Path) -> str:
    """utf-8-sig when the start of the file decodes as UTF-8, otherwise GB18030."""
    with open(path, "rb") as handle:
        sample = handle.read(SNIFF_BYTES)
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
        raise UnreadableFile(_("The file is neither UTF-8 nor GB18030 text.")) from None


def is_xlsx(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def check_xlsx_container(path: Path) -> None:
    """Refuse a zip bomb before any XLSX reader unpacks it: too many members, or more declared
    uncompressed bytes (in total, or relative to the compressed size) than a real sheet needs."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise UnreadableFile(_("The XLSX file cannot be read: %(error)s") % {"error": error}) from None
    if len(members) > settings.IMPORT_XLSX_MAX_MEMBERS:
        raise UnreadableFile(
            _("The XLSX file holds %(count)s parts, more than the %(limit)s a workbook may have.")
            % {"count": len(members), "limit": settings.IMPORT_XLSX_MAX_MEMBERS}
        )
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if unpacked > settings.IMPORT_XLSX_MAX_UNPACKED_BYTES or unpacked > settings.IMPORT_XLSX_MAX_RATIO * max(packed, 1):
        raise UnreadableFile(
            _(
                "The XLSX file unpacks to %(size)s MB, more than an import may (%(limit)s MB at most, %(ratio)s× its size)."
            )
            % {
                "size": unpacked // (1024 * 1024),
                "limit": settings.IMPORT_XLSX_MAX_UNPACKED_BYTES // (1024 * 1024),
                "ratio": settings.IMPORT_XLSX_MAX_RATIO,
            }
        )


def check_shape(rows: int, columns: int) -> None:
    if rows > settings.IMPORT_MAX_ROWS:
        raise UnreadableFile(
            _("The file has %(count)s rows; an import takes at most %(limit)s.")
            % {"count": rows, "limit": settings.IMPORT_MAX_ROWS}
        )
    if columns > settings.IMPORT_MAX_COLUMNS:
        raise UnreadableFile(
            _("The file has %(count)s columns; an import takes at most %(limit)s.")
            % {"count": columns, "limit": settings.IMPORT_MAX_COLUMNS}
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


def _csv_records(path: Path, encoding: str) -> Iterator[tuple[int, list]]:
    """Every row with its number (the header is row 1), checking every byte of the file: a NUL,
    a byte that is not text in the file's encoding, a field over the csv module's limit or a
    stray quote refuse the file with a message that names the row (never the raw error)."""
    number = 0
    with open(path, encoding=encoding, errors="surrogateescape", newline="") as handle:
        reader = csv.reader(_checked_lines(handle))
        try:
            for number, row in enumerate(reader, start=1):
                yield number, row
        except _BadLine as bad:
            if bad.nul:
                message = _("Row %(row)d holds a NUL byte, which a text file never does; save the sheet as CSV again.")
            else:
                message = _(
                    "Row %(row)d is not %(encoding)s text like the rows before it; save the whole file in one encoding."
                )
            raise UnreadableFile(message % {"row": number + 1, "encoding": ENCODING_NAMES[encoding]}) from None
        except csv.Error as error:
            if "field limit" in str(error):
                message = _("Row %(row)d has a cell longer than %(limit)d characters, more than an import takes.")
            else:
                message = _("Row %(row)d cannot be read as CSV: a quote or a line break is out of place.")
            raise UnreadableFile(message % {"row": number + 1, "limit": csv.field_size_limit()}) from None


def _count_csv_rows(path: Path, encoding: str) -> int:
    return max(0, sum(1 for _row in _csv_records(path, encoding)) - 1)


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, list]]:
    records = _csv_records(path, encoding)
    next(records, None)
    for number, row in records:
        check_shape(number - 1, len(row))
        yield number, row


def open_csv(path: Path) -> Table:
    """Reads the whole file once before anything is stored (counting its rows), so a fault
    anywhere in it refuses the file before the first chunk is written."""
    encoding = detect_encoding(path)
    header = next(_csv_records(path, encoding), (1, None))[1]
    if not header:
        raise UnreadableFile(_("The file is empty."))
    total = _count_csv_rows(path, encoding)
    check_shape(total, len(header))
    return Table(header=header, rows=_csv_rows(path, encoding), total=total)


def open_xlsx(path: Path) -> Table:
    from python_calamine import CalamineWorkbook

    check_xlsx_container(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
    except (zipfile.BadZipFile, OSError, ValueError, IndexError) as error:
        raise UnreadableFile(_("The XLSX file cannot be read: %(error)s") % {"error": error}) from None
    except Exception as error:  # calamine raises its own error types
        raise UnreadableFile(_("The XLSX file cannot be read: %(error)s") % {"error": error}) from None
    check_shape(max(0, sheet.height - 1), sheet.width)
    iterator = iter(sheet.iter_rows())
    header = next(iterator, None)
    if not header:
        raise UnreadableFile(_("The file is empty."))

    def rows() -> Iterator[tuple[int, list]]:
        for number, row in enumerate(iterator, start=2):
            yield number, list(row)

    return Table(header=[str(h) for h in header], rows=rows(), total=max(0, sheet.height - 1))


def open_table(path: Path | str) -> Table:
    path = Path(path)
    if not path.exists():
        raise UnreadableFile(_("No such file: %(path)s") % {"path": path})
    if is_xlsx(path):
        return open_xlsx(path)
    return open_csv(path)


def write_csv(path: Path, header: list[str], rows) -> None:
    """Writes UTF-8 with a BOM, which Excel opens with the Chinese intact; cells a spreadsheet
    would run as formulas are neutralised (the importer reads them back unchanged)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(safe_row(header))
        writer.writerows(safe_row(row) for row in rows)


__all__ = ["Table", "UnreadableFile", "open_table", "write_csv"]
