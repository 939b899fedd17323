"""Benchmark: recompute every indicator with a province-scale database.

Fills the configured PostgreSQL database (DATABASE_URL) with synthetic records by COPY —
1,000,000 patents, 500,000 trademarks, 20,000 pledges by default — then times a recompute of
all indicators for one year and for the whole plan, and prints the seconds and query counts.

    createdb -h 127.0.0.1 -U postgres ipportal_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipportal_bench python bench/recompute.py [PATENTS]

The tables it fills are emptied first, so it can be run again.
"""

import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipportal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from enterprises.codes import CREDIT_CODE_ALPHABET, credit_code_check_char, patent_check_digit  # noqa: E402
from targets.models import Plan, YearlyFigure  # noqa: E402
from targets.recompute import recompute  # noqa: E402

ENTERPRISES = 5000


def credit_code(rng: random.Random) -> str:
    body = "91420804" + "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    return body + credit_code_check_char(body)


def day(rng: random.Random, first: int, last: int) -> dt.date:
    start = dt.date(first, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(start, dt.date(last, 12, 31).toordinal()))


def copy(table: str, columns: list[str], rows) -> None:
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def fill(patents: int, trademarks: int, pledges: int) -> None:
    rng = random.Random(20250101)
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE finance_pledgeditem, finance_pledge, enterprises_patent, enterprises_trademark, "
            "enterprises_membership, enterprises_enterprise RESTART IDENTITY CASCADE"
        )
    copy(
        "enterprises_enterprise",
        [
            "name",
            "credit_code",
            "industry",
            "high_tech",
            "specialised",
            "little_giant",
            "listing_reserve",
            "tech_sme",
            "contact_name",
            "contact_phone",
            "contact_email",
            "address",
            "created_at",
            "updated_at",
        ],
        (
            (f"企业{i}", credit_code(rng), "other", i % 2 == 0, False, False, False, False, "", "", "", "", now, now)
            for i in range(ENTERPRISES)
        ),
    )

    def patent_rows():
        for i in range(patents):
            applied = day(rng, 2005, 2025)
            type_digit = rng.choice("1112223389")
            digits = f"{applied.year}{type_digit}{i:07d}"
            granted = applied + dt.timedelta(days=rng.randint(180, 1100)) if rng.random() < 0.8 else None
            status = "valid" if granted else rng.choice(["pending", "rejected"])
            lapse = None
            if granted and rng.random() < 0.2:
                status, lapse = "lapsed", granted + dt.timedelta(days=rng.randint(100, 3000))
            pct = rng.random() < 0.02
            yield (
                f"{digits}.{patent_check_digit(digits)}",
                {"1": "invention", "8": "invention", "2": "utility_model", "9": "utility_model", "3": "design"}[
                    type_digit
                ],
                type_digit in "89",
                "专利",
                applied,
                granted,
                status,
                lapse,
                f"PCT/CN{applied.year}/{i:06d}" if pct else "",
                applied if pct else None,
                rng.random() < 0.1,
                rng.random() < 0.03,
                "持有人",
                "",
                rng.randint(1, ENTERPRISES) if rng.random() < 0.9 else None,
                "import",
                now,
                now,
            )

    copy(
        "enterprises_patent",
        [
            "application_number",
            "patent_type",
            "pct_entry",
            "title",
            "application_date",
            "grant_date",
            "legal_status",
            "lapse_date",
            "pct_number",
            "pct_filing_date",
            "strategic_emerging",
            "overseas_family",
            "holder_name",
            "holder_credit_code",
            "enterprise_id",
            "source",
            "created_at",
            "updated_at",
        ],
        patent_rows(),
    )

    def trademark_rows():
        for i in range(trademarks):
            registered = day(rng, 2008, 2025)
            yield (
                str(10_000_000 + i),
                rng.randint(1, 45),
                "商标",
                None,
                registered,
                registered.replace(year=registered.year + 10) - dt.timedelta(days=1)
                if registered.month != 2 or registered.day != 29
                else registered,
                rng.choice(["valid"] * 9 + ["cancelled"]),
                rng.random() < 0.0005,
                "持有人",
                "",
                rng.randint(1, ENTERPRISES) if rng.random() < 0.9 else None,
                "import",
                now,
                now,
            )

    copy(
        "enterprises_trademark",
        [
            "registration_number",
            "nice_class",
            "mark",
            "application_date",
            "registration_date",
            "expiry_date",
            "status",
            "geographical_indication",
            "holder_name",
            "holder_credit_code",
            "enterprise_id",
            "source",
            "created_at",
            "updated_at",
        ],
        trademark_rows(),
    )
    copy(
        "finance_pledge",
        [
            "registration_number",
            "pledgor_name",
            "pledgor_credit_code",
            "enterprise_id",
            "pledgee_name",
            "ip_type",
            "amount",
            "registration_date",
            "end_date",
            "created_at",
            "updated_at",
        ],
        (
            (
                f"Y{i:08d}",
                "出质人",
                "",
                rng.randint(1, ENTERPRISES),
                "银行",
                rng.choice(["patent"] * 8 + ["trademark"]),
                rng.randint(100, 3000) * 10000,
                day(rng, 2018, 2025),
                None,
                now,
                now,
            )
            for i in range(pledges)
        ),
    )
    with connection.cursor() as cursor:
        # Each pledge names one to three patents, by number, linked to the record.
        cursor.execute(
            """
            INSERT INTO finance_pledgeditem (pledge_id, number, position, patent_id)
            SELECT pl.id, p.application_number, s.n, p.id
            FROM finance_pledge pl
            CROSS JOIN LATERAL generate_series(0, (pl.id %% 3)) AS s(n)
            JOIN enterprises_patent p ON p.id = 1 + ((pl.id * 7919 + s.n * 104729) %% %s)
            WHERE pl.ip_type = 'patent'
            """,
            [patents],
        )
        cursor.execute("ANALYZE")
    for year in range(2022, 2026):
        YearlyFigure.objects.update_or_create(
            year=year,
            defaults={
                "population": 320000,
                "public_budget": 4_000_000_000,
                "ip_funding": 14_000_000,
                "rd_expenditure": 12_000_000_000,
            },
        )


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database made for the benchmark.")
    patents = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    trademarks, pledges = patents // 2, max(1, patents // 50)
    call_command("migrate", verbosity=0)
    started = time.monotonic()
    fill(patents, trademarks, pledges)
    print(
        f"filled {patents:,} patents, {trademarks:,} trademarks, {pledges:,} pledges in {time.monotonic() - started:.1f} s"
    )
    plan = Plan.objects.current()
    recompute([plan.last_year])  # warm the caches once, as a running server would be
    for label, years in (("one year", [plan.last_year]), ("whole plan", None)):
        timings = []
        for _ in range(3):
            started = time.monotonic()
            run = recompute(years, trigger="benchmark")
            timings.append(time.monotonic() - started)
        print(
            f"recompute {label:<10} best {min(timings):.2f} s, median {sorted(timings)[1]:.2f} s, "
            f"{run.values_written} values, {run.queries} queries"
        )


if __name__ == "__main__":
    main()
