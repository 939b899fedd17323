"""Benchmark: match ROWS import rows to ENTERPRISES park enterprises by holder name (issue 14 §1).

Fills the configured PostgreSQL database (DATABASE_URL) with ENTERPRISES enterprises (5,000 by
default; one in five with a former name, one in fifty with an official's alias) by COPY
(bench/fill.py), then runs the import's holder matching (enterprises.matching.match_holders)
over ROWS generated patent rows (1,000,000 by default) in chunks of 2,000, as run_import does:

- *by name*: no credit codes; holders spelt as real exports spell them (the name, with
  full-width brackets, spaces or a trailing full stop, a former name, an alias), one row in six
  with co-applicants (`;`, `、`, a line break), one in twelve held outside the park;
- *by credit code* (the reference, in the same run): the same rows with the first holder's code.

Prints the seconds and rows/s of each, their ratio, the index load, and the time to suggest the
most similar park enterprises for one page (50) of the worklist's unmatched names (rapidfuzz).

    createdb -h 127.0.0.1 -U postgres ipportal_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipportal_bench python bench/holder_matching.py [ROWS] [--enterprises N]

The enterprises' tables (and what refers to them) are emptied first, so it can be run again.
"""

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipportal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.fill import copy_rows, credit_code, truncate  # noqa: E402
from core.importing import ImportResult  # noqa: E402
from enterprises.matching import (  # noqa: E402
    HolderIndex,
    UnmatchedHolder,
    match_holders,
    normalize_holder_name,
    suggest_enterprises,
)
from enterprises.models import Enterprise, HolderAlias  # noqa: E402

CHUNK = 2000
WORDS = [
    "恒达",
    "鑫源",
    "华科",
    "楚天",
    "汉江",
    "荆楚",
    "东宝",
    "漳河",
    "象山",
    "龙泉",
    "中天",
    "宏图",
    "佳泰",
    "瑞丰",
    "新航",
    "博远",
    "绿洲",
    "金泽",
    "昌盛",
    "凯旋",
]
TRADES = ["化工", "新材料", "机械", "电子", "生物科技", "能源", "智能装备", "医药", "食品", "环保"]
OUTSIDE = [
    f"{city}{word}{trade}有限公司" for city in ("武汉", "宜昌", "襄阳", "长沙") for word in WORDS for trade in TRADES
]
UNIVERSITIES = ["武汉大学", "华中科技大学", "湖北工业大学", "荆楚理工学院"]


def park_names(count: int) -> list[str]:
    return [f"荆门{WORDS[i % 20]}{TRADES[i // 20 % 10]}{i}（湖北）有限公司" for i in range(count)]


def fill(count: int, rng: random.Random) -> tuple[list[str], list[str], list[str], list[str]]:
    """The park's enterprises; returns their names, credit codes, former names and aliases."""
    truncate(HolderAlias, Enterprise)
    names = park_names(count)
    codes = [credit_code(rng) for _ in range(count)]
    former = [f"荆门{WORDS[i % 20]}{TRADES[i // 20 % 10]}{i}厂" if i % 5 == 0 else "" for i in range(count)]
    copy_rows(
        Enterprise,
        ["name", "credit_code", "former_names", "industry"],
        ((names[i], codes[i], former[i], "other") for i in range(count)),
    )
    ids = list(Enterprise.objects.order_by("pk").values_list("pk", flat=True))
    aliases = [names[i].replace("（湖北）有限公司", "公司") for i in range(0, count, 50)]
    copy_rows(
        HolderAlias,
        ["name", "normalized", "enterprise_id"],
        ((alias, normalize_holder_name(alias), ids[i * 50]) for i, alias in enumerate(aliases)),
    )
    return names, codes, [name for name in former if name], aliases


def spelling(name: str, rng: random.Random) -> str:
    """A park name as an export may spell it."""
    roll = rng.random()
    if roll < 0.1:
        return name.replace("（", "(").replace("）", ")")
    if roll < 0.15:
        return f" {name[:4]} {name[4:]}"
    if roll < 0.2:
        return name + "。"
    return name


def chunks(rows: int, names, codes, former, aliases, rng: random.Random):
    """Chunks of (row by name, row by credit code) pairs."""
    count = len(names)
    for start in range(0, rows, CHUNK):
        by_name, by_code = [], []
        for n in range(start, min(rows, start + CHUNK)):
            i = rng.randrange(count)
            roll = rng.random()
            if roll < 1 / 12:
                holder = rng.choice(OUTSIDE)
            elif roll < 0.15:
                holder = rng.choice(former)
            elif roll < 0.17:
                holder = rng.choice(aliases)
            else:
                holder = spelling(names[i], rng)
            if rng.random() < 1 / 6:
                other = rng.choice(UNIVERSITIES) if rng.random() < 0.7 else names[rng.randrange(count)]
                holder = rng.choice(";、\n").join([holder, other])
            by_name.append({"application_number": str(n), "holder_name": holder, "holder_credit_code": ""})
            by_code.append({"application_number": str(n), "holder_name": names[i], "holder_credit_code": codes[i]})
        yield by_name, by_code


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--enterprises", type=int, default=5000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database made for the benchmark.")
    call_command("migrate", verbosity=0)
    rng = random.Random(20251130)
    started = time.monotonic()
    names, codes, former, aliases = fill(args.enterprises, rng)
    print(
        f"filled {args.enterprises:,} enterprises ({len(former):,} former names, {len(aliases):,} aliases)"
        f" in {time.monotonic() - started:.1f} s"
    )
    started = time.monotonic()
    index = HolderIndex.load()
    print(f"name index: {len(index.ids):,} names loaded in {time.monotonic() - started:.2f} s")

    by_name, by_code = ImportResult(kind="patents"), ImportResult(kind="patents")
    seconds = {"name": 0.0, "code": 0.0}
    for name_rows, code_rows in chunks(args.rows, names, codes, former, aliases, rng):
        for label, rows, result in (("name", name_rows, by_name), ("code", code_rows, by_code)):
            started = time.monotonic()
            match_holders(rows, "holder_name", "holder_credit_code", result, ("application_number",))
            seconds[label] += time.monotonic() - started
    for label, result in (("by name", by_name), ("by credit code", by_code)):
        key = label.split()[-1]
        matched = sum(count for key_, count in result.extra.items() if key_.startswith("matched_by_"))
        print(
            f"{label}: {args.rows:,} rows in {seconds[key]:.2f} s, {args.rows / seconds[key]:,.0f} rows/s;"
            f" matched {matched:,}, not in the park {result.extra.get('not_in_park', 0):,}"
            f" ({', '.join(f'{k} {v:,}' for k, v in sorted(result.extra.items()))})"
        )
    unmatched = by_name.state["holders"][1].unmatched
    print(
        f"distinct unmatched names: {len(unmatched):,}; co-held rows: {len(by_name.state['holders'][1].co_holders):,}"
    )
    print(f"ratio: matching by name takes {seconds['name'] / seconds['code']:.2f}× the time of matching by credit code")

    page = [
        UnmatchedHolder(name=name, normalized=normalize_holder_name(name), records=count)
        for name, count in unmatched.most_common(50)
    ]
    started = time.monotonic()
    suggest_enterprises(page)
    print(
        f"worklist suggestions for {len(page)} names against {args.enterprises:,} enterprises:"
        f" {time.monotonic() - started:.2f} s"
    )
    print(f"peak RSS {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
