"""Benchmark: server time of the officials' dashboard, the charts page and an indicator's page
with a province-scale database.

Fills the configured PostgreSQL database like bench/recompute.py (1,000,000 patents, 500,000
trademarks, 20,000 pledges by default; `--keep` reuses what an earlier run left), recomputes the
indicators, then requests each page through Django's handler (no network, no browser) and prints
the median and 95th-percentile server time and the queries per request.

    createdb -h 127.0.0.1 -U postgres ipportal_bench_rc
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipportal_bench_rc python bench/dashboard.py [PATENTS] [--keep]
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipportal.settings")

from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import override_settings
from recompute import fill

from enterprises.models import Patent
from targets.recompute import recompute

ROUNDS = 30


def timed(client: Client, url: str, rounds: int = ROUNDS) -> tuple[float, float, int, int]:
    client.get(url)  # warm: templates, the charts' cache
    timings = []
    with override_settings(DEBUG=True):
        for _ in range(rounds):
            reset_queries()
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            queries = len(connection.queries)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], queries, response.status_code


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database made for the benchmark.")
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    patents = int(args[0]) if args else 1_000_000
    call_command("migrate", verbosity=0)
    if "--keep" not in sys.argv or Patent.objects.count() < patents:
        started = time.monotonic()
        fill(patents, patents // 2, max(1, patents // 50))
        print(f"filled {patents:,} patents in {time.monotonic() - started:.1f} s")
    recompute(trigger="benchmark")
    official, _ = User.objects.get_or_create(username="bench-official")
    official.groups.add(Group.objects.get(name="officials"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(official)
    print(f"{Patent.objects.count():,} patents in the database")
    for label, url in (
        ("dashboard (/)", "/?year=2025"),
        ("indicator page (C3)", "/targets/indicators/C3/"),
        ("charts, cached", "/targets/charts/?year=2025"),
    ):
        median, p95, queries, status = timed(client, url)
        print(f"{label:<22} median {median:7.1f} ms  p95 {p95:7.1f} ms  {queries:3d} queries  HTTP {status}")
    cache.clear()
    started = time.perf_counter()
    client.get("/targets/charts/?year=2025")
    print(f"{'charts, first request':<22} {(time.perf_counter() - started) * 1000:7.1f} ms (aggregates the records)")


if __name__ == "__main__":
    main()
