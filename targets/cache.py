"""What is kept in the cache about the stored indicator values and the officials' open work: a
generation counter for each, and the answers and page parts made from them (the API's indicator
list, the dashboard's tiles and "needs attention" counts), each kept under the generations it
was made in.

The stored values change only when something writes them: a recomputation, an edit of an
indicator or of the plan (its targets and names are shown beside the values), and the approval
of a year's figures or its withdrawal. Each of those calls `bump_values_generation()`; whatever
was cached under the old generation is not used again (it expires by itself).

The work that waits for an official (claims and filings to review, failed imports, plans,
reports and follow-ups overdue: targets.dashboards.attention) has its own counter,
ATTENTION_GENERATION_KEY, bumped whenever a row of a model that feeds those counts is saved,
deleted or written in bulk (the cards name their models; core.changes covers the bulk writes).

The counters live in the shared cache (Redis in production), so a bump in a Celery worker is
seen at once by every web process. The embedded default (no REDIS_URL) has a cache per process,
right for its single process (Celery runs in it); several processes without Redis would each
keep their own answers, so set VALUES_CACHE_SECONDS=0 there.
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VALUES_GENERATION_KEY = "indicators:values-generation"
ATTENTION_GENERATION_KEY = "dashboard:attention-generation"

T = TypeVar("T")


def bump_values_generation() -> None:
    """The stored values, or what pages show beside them, changed: answers cached under the old
    generation are stale.

    Bumped at once (so that the same transaction reads afresh) and again when the transaction
    commits (so that no other process keeps, under the new generation, what it read before the
    commit). Called by targets.recompute after every run, on every edit of an indicator or a plan
    (targets.signals), and by the approval and withdrawal of a year's figures (targets.approval)."""
    bump_generation(VALUES_GENERATION_KEY)


def bump_generation(generation_key: str) -> None:
    """What the generation `generation_key` stands for changed: entries kept under its old value
    are stale. Bumped at once and again when the transaction commits (see bump_values_generation)."""
    _new_generation(generation_key)
    transaction.on_commit(lambda: _new_generation(generation_key))


def _new_generation(generation_key: str) -> None:
    cache.set(generation_key, time.time_ns(), timeout=None)


def generation(generation_key: str) -> int | None:
    """The current value of a generation (made if there is none); None if the cache is down."""
    cache.add(generation_key, time.time_ns(), timeout=None)
    return cache.get(generation_key)


def cached_for_generations(
    key: str,
    make: Callable[[], T],
    generation_keys: tuple[str, ...] = (VALUES_GENERATION_KEY,),
    seconds: int | None = None,
    found: dict | None = None,
) -> T:
    """`make()`, kept in the cache under `key` for the current value of every generation in
    `generation_keys` (the values generation by default): made again once any was bumped.

    A hit costs one cache round trip (the generations and the entry are read together), none when
    the caller read them already (`found`, e.g. along with the API throttle's count; read again
    when it lacks `key`). `seconds` defaults to settings.VALUES_CACHE_SECONDS; with 0, or with
    the cache down, `make()` runs every time."""
    seconds = settings.VALUES_CACHE_SECONDS if seconds is None else seconds
    if not seconds:
        return make()
    if found is None or key not in found:
        found = cache.get_many([*generation_keys, key])
    generations = tuple(found.get(generation_key) for generation_key in generation_keys)
    hit = found.get(key)
    if hit is not None and None not in generations and hit[0] == generations:
        return hit[1]
    value = make()
    if None in generations:
        generations = tuple(generation(generation_key) for generation_key in generation_keys)
    if None not in generations:
        cache.set(key, (generations, value), timeout=seconds)
    return value
