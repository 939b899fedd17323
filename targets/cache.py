"""What is kept in the cache about the stored indicator values: one generation counter for them,
and the answers and page parts that depend only on them (the API's indicator list, the
dashboard's tiles), each kept under the generation it was made in.

The stored values change only when something writes them: a recomputation, an edit of an
indicator or of the plan (its targets and names are shown beside the values), and the approval
of a year's figures or its withdrawal. Each of those calls `bump_values_generation()`; whatever
was cached under the old generation is not used again (it expires by itself).

The counter lives in the shared cache (Redis in production), so a bump in a Celery worker is
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

T = TypeVar("T")


def bump_values_generation() -> None:
    """The stored values, or what pages show beside them, changed: answers cached under the old
    generation are stale.

    Bumped at once (so that the same transaction reads afresh) and again when the transaction
    commits (so that no other process keeps, under the new generation, what it read before the
    commit). Called by targets.recompute after every run, on every edit of an indicator or a plan
    (targets.signals), and by the approval and withdrawal of a year's figures (targets.approval)."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation() -> None:
    cache.set(VALUES_GENERATION_KEY, time.time_ns(), timeout=None)


def values_generation() -> int | None:
    """The current generation of the stored values (made if there is none); None if the cache is down."""
    cache.add(VALUES_GENERATION_KEY, time.time_ns(), timeout=None)
    return cache.get(VALUES_GENERATION_KEY)


def cached_for_generation(key: str, make: Callable[[], T], seconds: int | None = None) -> T:
    """`make()`, kept in the cache under `key` for the current values generation.

    A hit costs one cache round trip (the generation and the entry are read together); an entry
    made under an older generation is made again. `seconds` defaults to
    settings.VALUES_CACHE_SECONDS; with 0, or with the cache down, `make()` runs every time."""
    seconds = settings.VALUES_CACHE_SECONDS if seconds is None else seconds
    if not seconds:
        return make()
    found = cache.get_many([VALUES_GENERATION_KEY, key])
    generation = found.get(VALUES_GENERATION_KEY)
    hit = found.get(key)
    if hit is not None and generation is not None and hit[0] == generation:
        return hit[1]
    value = make()
    generation = generation or values_generation()
    if generation is not None:
        cache.set(key, (generation, value), timeout=seconds)
    return value
