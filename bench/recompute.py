"""Benchmark: recompute every indicator with a province-scale database.

Fills the configured PostgreSQL database (DATABASE_URL) with synthetic records by COPY
(bench/fill.py) — PATENTS patents, half as many trademarks, one pledge per 50 patents; 1,000,000
by default — then times a recompute of all indicators for one year and for the whole plan, and
prints the seconds and query counts. The in-run reference is one aggregate pass over the records
(patents, trademarks and pledges counted by enterprise and kind): the least a recomputation that
reads every record must do.

    createdb -h 127.0.0.1 -U postgres ipportal_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipportal_bench python bench/recompute.py [PATENTS] [--rounds 3]

The tables it fills are emptied first, so it can be run again; `--keep` reuses what an earlier
run of it, bench/dashboard.py or bench/load.py filled at the same size.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipportal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.fill import fill_province  # noqa: E402
from enterprises.models import Patent  # noqa: E402
from targets.models import Plan  # noqa: E402
from targets.recompute import recompute  # noqa: E402

AGGREGATE_PASS = (
    "SELECT enterprise_id, patent_type, legal_status, count(*) FROM enterprises_patent GROUP BY 1, 2, 3",
    "SELECT enterprise_id, status, count(*) FROM enterprises_trademark GROUP BY 1, 2",
    "SELECT enterprise_id, ip_type, sum(amount) FROM finance_pledge GROUP BY 1, 2",
)


def aggregate_pass_seconds() -> float:
    started = time.monotonic()
    with connection.cursor() as cursor:
        for sql in AGGREGATE_PASS:
            cursor.execute(sql)
            cursor.fetchall()
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patents", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3, help="timed runs of each recomputation (best and median)")
    parser.add_argument("--keep", action="store_true", help="reuse the records an earlier run left (same size)")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database made for the benchmark.")
    patents = args.patents
    trademarks, pledges = patents // 2, max(1, patents // 50)
    call_command("migrate", verbosity=0)
    if args.keep and Patent.objects.count() == patents:
        print(f"kept the {patents:,} patents, {trademarks:,} trademarks, {pledges:,} pledges an earlier run filled")
    else:
        started = time.monotonic()
        fill_province(patents, trademarks, pledges)
        print(
            f"filled {patents:,} patents, {trademarks:,} trademarks, {pledges:,} pledges "
            f"in {time.monotonic() - started:.1f} s"
        )
    plan = Plan.objects.current()
    recompute([plan.last_year])  # warm the caches once, as a running server would be
    reference = min(aggregate_pass_seconds() for _ in range(args.rounds))
    print(f"aggregate pass (reference) best {reference:.2f} s")
    best = {}
    for label, years in (("one year", [plan.last_year]), ("whole plan", None)):
        timings = []
        for _ in range(args.rounds):
            started = time.monotonic()
            run = recompute(years, trigger="benchmark")
            timings.append(time.monotonic() - started)
        timings.sort()
        best[label] = timings[0]
        print(
            f"recompute {label:<10} best {timings[0]:.2f} s, median {timings[len(timings) // 2]:.2f} s, "
            f"{run.values_written} values, {run.queries} queries"
        )
    print(
        f"ratios: one year {best['one year'] / reference:.1f}x the aggregate pass, "
        f"whole plan {best['whole plan'] / reference:.1f}x"
    )


if __name__ == "__main__":
    main()
