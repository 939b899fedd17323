"""Benchmark: server time of the officials' dashboard, the charts page and an indicator's page
with a province-scale database.

Fills the configured PostgreSQL database like bench/recompute.py (bench/fill.py; PATENTS
patents, half as many trademarks, one pledge per 50 patents; 1,000,000 by default; `--keep`
reuses what an earlier run left), recomputes the indicators, then requests each page through
Django's handler (no network, no browser) and prints the median and 95th-percentile server time,
the CPU time of this process, the queries and the Redis round trips (with REDIS_URL) per
request. The pages are asked for as an official; the indicator API with an API client's token.
The in-run reference is `/healthz`, a minimal view, through the same handler.

    createdb -h 127.0.0.1 -U postgres ipportal_bench_rc
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipportal_bench_rc python bench/dashboard.py [PATENTS] [--keep]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipportal.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from bench.fill import fill_province  # noqa: E402
from enterprises.models import Patent  # noqa: E402
from targets.recompute import recompute  # noqa: E402

PAGES = (
    ("dashboard (/)", "/"),
    ("dashboard, a year", "/?year=2025"),
    ("indicator page (C3)", "/targets/indicators/C3/"),
    ("charts, cached", "/targets/charts/?year=2025"),
    ("indicator API", "/api/v1/indicators/?year=2025"),
)
REDIS_ROUND_TRIPS = [0]


def count_redis_round_trips() -> None:
    """Count every command or pipeline sent to Redis (one round trip each) in REDIS_ROUND_TRIPS."""
    import redis.connection

    send = redis.connection.Connection.send_packed_command

    def counted(self, *args, **kwargs):
        REDIS_ROUND_TRIPS[0] += 1
        return send(self, *args, **kwargs)

    redis.connection.Connection.send_packed_command = counted


def timed(client: Client, url: str, rounds: int) -> tuple[float, float, float, int, int, int]:
    """(median ms, p95 ms, CPU ms per request, queries, Redis round trips, HTTP status) of `rounds` GETs."""
    client.get(url)  # warm: templates, the charts' cache
    timings = []
    cpu = 0.0
    with override_settings(DEBUG=True):
        for _ in range(rounds):
            reset_queries()
            REDIS_ROUND_TRIPS[0] = 0
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu += (time.process_time() - started_cpu) * 1000
            queries = len(connection.queries)
    timings.sort()
    median, p95 = statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]
    return median, p95, cpu / rounds, queries, REDIS_ROUND_TRIPS[0], response.status_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patents", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="reuse the records an earlier run left")
    parser.add_argument("--rounds", type=int, default=30, help="requests per page")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database made for the benchmark.")
    call_command("migrate", verbosity=0)
    if not args.keep or Patent.objects.count() < args.patents:
        started = time.monotonic()
        fill_province(args.patents, args.patents // 2, max(1, args.patents // 50))
        print(f"filled {args.patents:,} patents in {time.monotonic() - started:.1f} s")
    recompute(trigger="benchmark")
    if settings.REDIS_URL:
        count_redis_round_trips()
    official, _ = User.objects.get_or_create(username="bench-official")
    official.groups.add(Group.objects.get(name=settings.OFFICIALS_GROUP))
    client = Client(HTTP_HOST="localhost")
    client.force_login(official)
    api_user, _ = User.objects.get_or_create(username="bench-api-client")
    api_user.groups.add(Group.objects.get(name=settings.API_CLIENTS_GROUP))
    token, _ = Token.objects.get_or_create(user=api_user)
    api_client = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Token {token.key}")
    print(f"{Patent.objects.count():,} patents in the database")
    reference, _, reference_cpu, _, _, _ = timed(Client(HTTP_HOST="localhost"), "/healthz", args.rounds)
    print(f"{'/healthz (reference)':<22} median {reference:7.1f} ms  {'':13} CPU {reference_cpu:5.1f} ms")
    medians, failed = {}, []
    for label, url in PAGES:
        median, p95, cpu, queries, round_trips, status = timed(
            api_client if url.startswith("/api/") else client, url, args.rounds
        )
        medians[label] = median
        if status != 200:
            failed.append(label)
        print(
            f"{label:<22} median {median:7.1f} ms  p95 {p95:7.1f} ms  CPU {cpu:5.1f} ms  {queries:3d} queries  "
            f"{round_trips:2d} Redis round trips  HTTP {status}"
        )
    cache.clear()
    started = time.perf_counter()
    client.get("/targets/charts/?year=2025")
    print(f"{'charts, first request':<22} {(time.perf_counter() - started) * 1000:7.1f} ms (aggregates the records)")
    print(
        "ratios (median server time / /healthz's): "
        + ", ".join(f"{label} {median / reference:.0f}x" for label, median in medians.items())
    )
    if failed:
        sys.exit(f"not HTTP 200: {', '.join(failed)}")


if __name__ == "__main__":
    main()
