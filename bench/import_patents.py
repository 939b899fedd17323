"""Benchmark: import N patent rows through the same code path as `import_records patents`.

In the same run, for comparison on the same rows:
- a plain django-import-export ModelResource (the common way), on a sample;
- the same resource tuned (use_bulk, skip_diff, force_init_instance), on a sample;
- raw PostgreSQL COPY into the table (the floor).
The same rows are imported from an XLSX workbook too (dates in date cells). Prints rows/s, the
ratios and each portal import's peak memory (RSS, in a process of its own).

    createdb -h 127.0.0.1 -U postgres ipportal_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipportal_bench python bench/import_patents.py [ROWS] [--files DIR]

ROWS defaults to 1,000,000 (the ModelResource samples take at most --sample, 20,000). It empties the
enterprises and patents tables first, so it can be run again.
"""

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipportal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.fill import copy_rows, credit_code  # noqa: E402
from bench.fill import truncate as empty  # noqa: E402
from core.importing import KINDS, run_import  # noqa: E402
from enterprises.codes import patent_check_digit  # noqa: E402
from enterprises.models import Enterprise, Patent  # noqa: E402

HEADER = KINDS["patents"].template_header()
SAMPLE = 20_000
STATUS = {"valid": "有效", "lapsed": "失效", "pending": "审中"}
TYPES = {"1": "发明", "2": "实用新型", "3": "外观设计", "8": "发明", "9": "实用新型"}


def generate(path: Path, rows: int, codes: list[str]) -> None:
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            applied = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randint(0, 7300))
            type_digit = rng.choice("1112223389")
            digits = f"{applied.year}{type_digit}{i:07d}"
            granted = applied + dt.timedelta(days=rng.randint(180, 1100)) if rng.random() < 0.8 else None
            status = "valid" if granted else "pending"
            lapse = ""
            if granted and rng.random() < 0.2:
                status, lapse = "lapsed", (granted + dt.timedelta(days=rng.randint(100, 3000))).isoformat()
            pct = type_digit in "89"
            code = rng.choice(codes) if rng.random() < 0.9 else ""
            writer.writerow(
                [
                    f"{digits}.{patent_check_digit(digits)}",
                    f"一种测试装置{i}",
                    TYPES[type_digit],
                    applied.isoformat(),
                    granted.isoformat() if granted else "",
                    "荆门测试企业" if code else "园区外单位",
                    code,
                    STATUS[status],
                    lapse,
                    f"PCT/CN{applied.year}/{i % 1000000:06d}" if pct else "",
                    applied.isoformat() if pct else "",
                    "是" if rng.random() < 0.1 else "否",
                    "否",
                ]
            )


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


DATE_COLUMNS = {HEADER.index(name) for name in ("申请日", "授权公告日", "失效日", "PCT申请日")}


def write_xlsx(csv_path: Path, xlsx_path: Path) -> None:
    """The same rows as an XLSX workbook, as Excel saves a list: dates in date cells, the rest text."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    with open(csv_path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        sheet.append(next(reader))
        for row in reader:
            sheet.append(
                [dt.date.fromisoformat(v) if i in DATE_COLUMNS and v else (v or None) for i, v in enumerate(row)]
            )
    workbook.save(xlsx_path)


def import_in_child(path: Path) -> tuple[float, str, float]:
    """The portal import of `path` in a process of its own, so that its peak memory is its own:
    (rows/s, summary, peak RSS in MiB). The tables are emptied first."""
    truncate()
    connection.close()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: import, report, leave without running the parent's clean-ups
        os.close(read)
        try:
            started = time.monotonic()
            result = run_import(KINDS["patents"], path)
            elapsed = time.monotonic() - started
            assert result.committed, result.summary()
            report = {"rate": result.new / elapsed, "summary": f"{elapsed:.1f} s, {result.summary()}"}
            report["rss"] = peak_rss_mib()
        except BaseException as error:  # reported to the parent, which fails
            report = {"error": repr(error)}
        os.write(write, json.dumps(report).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        report = json.loads(pipe.read())
    os.waitpid(pid, 0)
    if "error" in report:
        sys.exit(f"the import of {path.name} failed: {report['error']}")
    return report["rate"], report["summary"], report["rss"]


def truncate() -> None:
    empty(Patent)


# The model's fields the CSV gives, in the order model_values() returns them.
FIELDS = (
    "application_number",
    "patent_type",
    "title",
    "application_date",
    "grant_date",
    "legal_status",
    "lapse_date",
    "holder_name",
    "holder_credit_code",
    "pct_number",
    "pct_filing_date",
    "strategic_emerging",
    "overseas_family",
)
MODEL_TYPES = {"发明": "invention", "实用新型": "utility_model", "外观设计": "design"}
MODEL_STATUSES = {label: value for value, label in STATUS.items()}


def model_values(row: list[str]) -> tuple:
    """A generated CSV row as the model's values (FIELDS), trusting the file: no validation."""
    return (
        row[0],
        MODEL_TYPES[row[2]],
        row[1],
        row[3],
        row[4] or None,
        MODEL_STATUSES[row[7]],
        row[8] or None,
        row[5],
        row[6],
        row[9],
        row[10] or None,
        row[11] == "是",
        row[12] == "是",
    )


def model_resource_rows_per_s(path: Path, tuned: bool, sample: int) -> float:
    """A ModelResource over the model's own field names, as the django-import-export docs show."""
    import tablib
    from import_export import resources

    meta = {"model": Patent, "import_id_fields": ("application_number",), "fields": FIELDS}
    if tuned:
        meta.update(use_bulk=True, skip_diff=True, force_init_instance=True, batch_size=2000)
    resource_class = type("PatentResource", (resources.ModelResource,), {"Meta": type("Meta", (), meta)})
    with open(path, encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        data = tablib.Dataset(headers=list(FIELDS))
        for index, row in enumerate(reader):
            if index >= sample:
                break
            data.append(model_values(row))
    truncate()
    started = time.monotonic()
    result = resource_class().import_data(data, dry_run=False, raise_errors=True)
    elapsed = time.monotonic() - started
    assert not result.has_errors()
    return len(data) / elapsed


def copy_rows_per_s(path: Path, linked: bool = False) -> float:
    """The floor: the CSV's values COPYed straight into the table, no validation (bench/fill.py fills
    every column the file does not give, as the import's defaults would). `linked`: each row's
    enterprise too, looked up by its credit code as the import links it, so that the table ends
    as the import leaves it (the foreign key is checked on every linked row)."""
    truncate()
    enterprises = dict(Enterprise.objects.values_list("credit_code", "id")) if linked else {}
    started = time.monotonic()
    with open(path, encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        if linked:
            rows = ((*model_values(row), enterprises.get(row[6])) for row in reader)
            count = copy_rows(Patent, (*FIELDS, "enterprise_id"), rows)
        else:
            count = copy_rows(Patent, FIELDS, (model_values(row) for row in reader))
    return count / (time.monotonic() - started)


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database made for the benchmark.")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=SAMPLE, help="rows of the ModelResource samples")
    parser.add_argument(
        "--files", type=Path, help="keep the generated CSV and XLSX in this folder and reuse them when there"
    )
    args = parser.parse_args()
    rows = args.rows
    sample = min(args.sample, rows)
    call_command("migrate", verbosity=0)
    rng = random.Random(1)
    empty(Enterprise)
    codes = [credit_code(rng) for _ in range(500)]
    copy_rows(Enterprise, ["name", "credit_code"], ((f"企业{i}", code) for i, code in enumerate(codes)))
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.files or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        path, xlsx = folder / f"patents-{rows}.csv", folder / f"patents-{rows}.xlsx"
        if path.exists() and xlsx.exists():  # the same seed and enterprises give the same rows
            print(f"reusing {path} and {xlsx}")
        else:
            started = time.monotonic()
            generate(path, rows, codes)
            print(
                f"generated {rows:,} rows ({path.stat().st_size / 1048576:.0f} MiB) in {time.monotonic() - started:.1f} s"
            )
            started = time.monotonic()
            write_xlsx(path, xlsx)
            print(f"  and as XLSX ({xlsx.stat().st_size / 1048576:.0f} MiB) in {time.monotonic() - started:.1f} s")

        portal, summary, rss = import_in_child(path)
        print(f"portal import        {portal:>10,.0f} rows/s  ({summary})")
        print(f"  peak RSS           {rss:>10,.0f} MiB (the importing process)")
        started = time.monotonic()
        again = run_import(KINDS["patents"], path)
        print(f"re-import unchanged  {rows / (time.monotonic() - started):>10,.0f} rows/s  ({again.summary()})")
        from_xlsx, summary, xlsx_rss = import_in_child(xlsx)
        print(f"portal import, XLSX  {from_xlsx:>10,.0f} rows/s  ({summary})")
        print(f"  peak RSS           {xlsx_rss:>10,.0f} MiB (the importing process)")

        plain = model_resource_rows_per_s(path, tuned=False, sample=sample)
        print(f"ModelResource plain  {plain:>10,.0f} rows/s  (sample of {sample:,} rows)")
        tuned = model_resource_rows_per_s(path, tuned=True, sample=sample)
        print(
            f"ModelResource tuned  {tuned:>10,.0f} rows/s  (use_bulk, skip_diff, force_init_instance; sample of {sample:,})"
        )
        floor = copy_rows_per_s(path)
        print(f"raw COPY (floor)     {floor:>10,.0f} rows/s")
        linked = copy_rows_per_s(path, linked=True)
        print(f"raw COPY, linked     {linked:>10,.0f} rows/s  (each row's enterprise set, as the import stores it)")
        print(
            f"ratios: {portal / plain:.1f}x plain ModelResource, {portal / tuned:.1f}x tuned, {portal / floor:.2f} of COPY "
            f"({portal / linked:.2f} of the linked COPY); XLSX {from_xlsx / portal:.2f} of CSV"
        )
    truncate()


if __name__ == "__main__":
    main()
