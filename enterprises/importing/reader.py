"""Streams the rows of a CSV (UTF-8, UTF-8 with BOM or GB18030) or XLSX file.

Rows come out as (row number as the spreadsheet shows it, list of cells); the header is row 1.
Files are never read whole into memory: CSV through the csv module, XLSX through
python-calamine, which reads a 100k-row sheet an order of magnitude faster than openpyxl.
"""

import codecs
import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

SNIFF_BYTES = 1 << 20


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


def _count_csv_rows(path: Path, encoding: str) -> int:
    with open(path, encoding=encoding, newline="") as handle:
        return max(0, sum(1 for _row in csv.reader(handle)) - 1)


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, list]]:
    with open(path, encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        try:
            yield from enumerate(reader, start=2)
        except UnicodeDecodeError:
            raise UnreadableFile(_("The file changes its text encoding part-way through.")) from None
        except csv.Error as error:
            raise UnreadableFile(_("The CSV file is malformed: %(error)s") % {"error": error}) from None


def open_csv(path: Path) -> Table:
    encoding = detect_encoding(path)
    with open(path, encoding=encoding, newline="") as handle:
        try:
            header = next(csv.reader(handle), None)
        except (UnicodeDecodeError, csv.Error):
            raise UnreadableFile(_("The CSV file is malformed.")) from None
    if not header:
        raise UnreadableFile(_("The file is empty."))
    return Table(header=header, rows=_csv_rows(path, encoding), total=_count_csv_rows(path, encoding))


def open_xlsx(path: Path) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
    except (zipfile.BadZipFile, OSError, ValueError, IndexError) as error:
        raise UnreadableFile(_("The XLSX file cannot be read: %(error)s") % {"error": error}) from None
    except Exception as error:  # calamine raises its own error types
        raise UnreadableFile(_("The XLSX file cannot be read: %(error)s") % {"error": error}) from None
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
    """Writes UTF-8 with a BOM, which Excel opens with the Chinese intact."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


__all__ = ["Table", "UnreadableFile", "open_table", "write_csv"]
