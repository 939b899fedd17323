"""Benchmark: the portal under load, through gunicorn, on PostgreSQL and Redis, loopback only.

Fills the configured PostgreSQL database with PATENTS patents, 1,000,000 by default (the same
COPY fill as bench/recompute.py, bench/fill.py; skipped when the patents are already there), recomputes the indicators,
starts gunicorn as the Procfile does, and sends 50 concurrent clients at each of these for
60 s (one after the other), then prints requests/s, p50 / p95 / p99 latency and errors:

- `/healthz`, a minimal Django view: the ceiling of this server on this machine;
- `/`, the officials' home page (the dashboard), logged in as an official;
- `/api/v1/indicators/?year=2025` with an API client's token;
- `/enterprises/patents/`, the record list over the million patents, as an official;
- the same list filtered (type, legal status, year) and searched (part of an application number).

Each target's throughput is then printed as a ratio of `/healthz`'s, on one line.

    createdb -h 127.0.0.1 -U postgres ipportal_load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipportal_load REDIS_URL=redis://127.0.0.1:6379/7 \\
        python bench/load.py [PATENTS] [--clients 50] [--duration 60] [--workers 4]

Every request goes to 127.0.0.1 only; each phase stops by itself after --duration seconds.
"""

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipportal.settings")
# The server must read the sessions this process writes: both sign with the same key.
os.environ.setdefault("SECRET_KEY", "load-benchmark-" + os.urandom(16).hex())

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from bench.fill import fill_province  # noqa: E402
from enterprises.models import Patent  # noqa: E402
from targets.recompute import recompute  # noqa: E402

HOST = "127.0.0.1"
# The record list filtered as an official narrows it (granted inventions in force, applied in
# 2020), and searched for part of an application number (as officials search).
FILTERED = "/enterprises/patents/?patent_type=invention&legal_status=valid&year=2020"
SEARCH = "/enterprises/patents/?q=20201000"


def prepare(patents: int) -> tuple[str, str]:
    """Data, an official's session and an API token: (session key, token)."""
    call_command("migrate", verbosity=0)
    have = Patent.objects.count()
    if have != patents:
        started = time.monotonic()
        fill_province(patents, patents // 2, max(1, patents // 50))
        print(f"filled {patents:,} patents by COPY in {time.monotonic() - started:.0f} s")
    recompute(trigger="load benchmark")

    official, _ = User.objects.get_or_create(username="load_official")
    official.groups.add(Group.objects.get(name=settings.OFFICIALS_GROUP))
    session = SessionStore()
    session[SESSION_KEY] = str(official.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = official.get_session_auth_hash()
    session.create()

    api_user, _ = User.objects.get_or_create(username="load_api_client")
    api_user.groups.add(Group.objects.get(name=settings.API_CLIENTS_GROUP))
    token, _ = Token.objects.get_or_create(user=api_user)
    return session.session_key, token.key


def queries_per_request(session_key: str, token: str, targets: list[tuple[str, str, dict]]) -> None:
    client = Client()
    client.cookies["sessionid"] = session_key
    for name, path, headers in targets:
        extra = {"HTTP_AUTHORIZATION": headers["Authorization"]} if "Authorization" in headers else {}
        client.get(path, **extra)  # warm
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, **extra)
        print(f"  {name:<22} HTTP {response.status_code}, {len(queries)} queries")


async def one_request(port: int, path: str, headers: dict) -> int:
    reader, writer = await asyncio.open_connection(HOST, port)
    lines = [f"GET {path} HTTP/1.1", f"Host: {HOST}", "Connection: close", "Accept-Language: zh-hans"]
    lines += [f"{key}: {value}" for key, value in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    await writer.drain()
    status_line = await reader.readline()
    while await reader.read(65536):
        pass
    writer.close()
    return int(status_line.split()[1]) if status_line else 0


async def hammer(port: int, path: str, headers: dict, clients: int, duration: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + duration

    async def client() -> None:
        nonlocal errors
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                status = await asyncio.wait_for(one_request(port, path, headers), timeout=30)
            except (OSError, TimeoutError, ValueError, IndexError):
                status = 0
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors += 1

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn exited before serving")
        try:
            if asyncio.run(one_request(port, "/healthz", {})) == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit("gunicorn did not come up in 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patents", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=0, help="the server's port (default: a free one)")
    parser.add_argument(
        "--only", help="comma-separated names of the targets to run (healthz,dashboard,api,patents,filtered,search)"
    )
    args = parser.parse_args()
    args.port = args.port or free_port()
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        sys.exit("Set DATABASE_URL to a PostgreSQL database made for the benchmark, and REDIS_URL.")

    session_key, token = prepare(args.patents)
    targets = [
        ("healthz", "/healthz", {}),
        ("dashboard", "/", {"Cookie": f"sessionid={session_key}"}),
        ("api", "/api/v1/indicators/?year=2025", {"Authorization": f"Token {token}"}),
        ("patents", "/enterprises/patents/", {"Cookie": f"sessionid={session_key}"}),
        ("filtered", FILTERED, {"Cookie": f"sessionid={session_key}"}),
        ("search", SEARCH, {"Cookie": f"sessionid={session_key}"}),
    ]
    if args.only:
        wanted = set(args.only.split(","))
        targets = [target for target in targets if target[0] in wanted]
    print("queries per request (Django test client, warm):")
    queries_per_request(session_key, token, targets)
    connection.close()

    static_root = tempfile.mkdtemp(prefix="ipportal-load-static-")
    env = {
        **os.environ,
        "DEBUG": "0",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        # The benchmark measures capacity with one token for all its clients: the fair-use throttle
        # (600 a minute per token by default) would answer most of them 429.
        "API_THROTTLE_USER": os.environ.get("API_THROTTLE_USER", "1000000/minute"),
    }
    # Without the API docs' Swagger UI and ReDoc (none of the targets uses them): compressing them
    # takes most of a minute.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0", "-i", "drf_spectacular_sidecar"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "ipportal.wsgi",
            "--workers",
            str(args.workers),
            "--bind",
            f"{HOST}:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wait_until_up(args.port, server)
        for _, path, headers in targets:  # warm every worker's connections and caches
            for _ in range(args.workers * 2):
                asyncio.run(one_request(args.port, path, headers))
        print(f"\n{args.clients} clients for {args.duration:.0f} s each, gunicorn --workers {args.workers}:")
        print(f"  {'target':<10} {'requests/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}  path")
        results, failed = {}, 0
        for name, path, headers in targets:
            latencies, errors = asyncio.run(hammer(args.port, path, headers, args.clients, args.duration))
            latencies.sort()
            rate = len(latencies) / args.duration
            results[name] = (rate, percentile(latencies, 0.95))
            failed += errors
            print(
                f"  {name:<10} {rate:>10.1f} {percentile(latencies, 0.50) * 1000:>8.1f} "
                f"{percentile(latencies, 0.95) * 1000:>8.1f} {percentile(latencies, 0.99) * 1000:>8.1f} "
                f"{errors:>7}  {path}",
                flush=True,
            )
        if "healthz" in results:
            ceiling = results["healthz"][0]
            print(
                "\nratios (throughput / /healthz's): "
                + ", ".join(f"{name} {rate / ceiling:.0%}" for name, (rate, _) in results.items() if name != "healthz")
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    if failed:
        sys.exit(f"{failed} requests failed (not HTTP 200)")


if __name__ == "__main__":
    main()
