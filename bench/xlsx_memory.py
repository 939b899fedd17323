"""Benchmark: the peak memory (RSS) of reading an XLSX list for import, and where it is bounded.

    python bench/xlsx_memory.py make 300000 /tmp/patents.xlsx   # a patent list of that many rows
    /usr/bin/time -v python bench/xlsx_memory.py read /tmp/patents.xlsx

`read` opens the file as an import does (core.importing.reader.open_table: the zip checks, then
the streaming reader) and walks every row; it prints the rows, the file's packed and unpacked
sizes (what a reader holds in memory, the worksheets it streams), the time and the process's
peak RSS, or the refusal an official would see. An XLSX's worksheet is streamed row by row
(python-calamine-plus), so the peak stays flat with the number of rows; what is held (shared
strings, styles) is bounded by `IMPORT_XLSX_MAX_UNPACKED_BYTES`. A CSV is read row by row.
"""

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipportal.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402

from core.importing.reader import UnreadableFile, open_table  # noqa: E402


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make(rows: int, path: Path) -> None:
    """The benchmark's patent list (bench/import_patents.py) as an XLSX, written in constant memory."""
    from openpyxl import Workbook

    from bench.fill import credit_code
    from bench.import_patents import generate

    rng = random.Random(7)
    codes = [credit_code(rng) for _ in range(200)]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "patents.csv"
        generate(source, rows, codes)
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("专利")
        with open(source, encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                sheet.append(row)
        workbook.save(path)
    print(f"wrote {rows} rows to {path}: {path.stat().st_size / 2**20:.1f} MiB")


def read(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    sheets = sum(member.file_size for member in members if member.filename.startswith("xl/worksheets/"))
    print(
        f"file {path.stat().st_size / 2**20:.1f} MiB, unpacks to {unpacked / 2**20:.1f} MiB "
        f"(held {(unpacked - sheets) / 2**20:.1f} MiB, streamed worksheets {sheets / 2**20:.1f} MiB)"
    )
    print(
        f"limits IMPORT_XLSX_MAX_UNPACKED_BYTES = {settings.IMPORT_XLSX_MAX_UNPACKED_BYTES / 2**20:.0f} MiB held, "
        f"IMPORT_XLSX_MAX_SHEET_BYTES = {settings.IMPORT_XLSX_MAX_SHEET_BYTES / 2**20:.0f} MiB streamed"
    )
    started = time.perf_counter()
    try:
        table = open_table(path)
        count = sum(1 for _ in table.rows)
    except UnreadableFile as refusal:
        print(f"refused: {refusal}")
    else:
        seconds = time.perf_counter() - started
        print(f"read {count} rows in {seconds:.1f} s ({count / max(seconds, 1e-9):,.0f} rows/s)")
    print(f"peak RSS {peak_rss_mib():.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("make")
    made.add_argument("rows", type=int)
    made.add_argument("path", type=Path)
    readp = commands.add_parser("read")
    readp.add_argument("path", type=Path)
    args = parser.parse_args()
    if args.command == "make":
        make(args.rows, args.path)
    else:
        read(args.path)


if __name__ == "__main__":
    main()
