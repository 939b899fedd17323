"""Rate limits and single-use tokens that hold across every web process.

Counts are kept per fixed window in a store every process shares:
- with REDIS_URL, in the default cache (Redis): one atomic INCR a request;
- without it (the embedded default, several gunicorn workers on one SQLite or PostgreSQL
  database), in the database (`RateCounter`): one atomic UPDATE a request. A per-process cache
  (local memory) is never used for a limit: each worker would count on its own, and N workers
  would let N times the limit through.
With Redis unreachable (django-redis ignores the error and answers None) the count falls back to
the database, so a limit never lapses with an outage.

Clients are told apart by `ipportal.security.client_ip` (the one client-address function) or
by user id; the identity is hashed into the key, so no address is stored in clear.
"""

import datetime as dt
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from redis.exceptions import RedisError

from .models import RateCounter, UsedToken


def _key(scope: str, ident: str, window: int) -> str:
    return f"rl:{scope}:{hashlib.sha256(ident.encode()).hexdigest()[:40]}:{window}"


def _window(period: int) -> tuple[int, float]:
    """The current fixed window of `period` seconds, and the time (epoch seconds) it ends."""
    window = int(time.time() // period)
    return window, (window + 1) * period


def count(scope: str, ident: str, period: int, *, add: int = 1, also_read: dict | None = None) -> int:
    """Add `add` (0 only reads) to the requests `ident` made in `scope` during the current window of
    `period` seconds and return the count so far, this request included.

    `also_read`: cache keys (the dict's keys) to read in the same Redis round trip as the count;
    the values found are put in the dict (a key missing, or the cache down, is left out). Without
    Redis nothing is read: the caller reads what is missing itself."""
    window, ends = _window(period)
    key = _key(scope, ident, window)
    if settings.REDIS_URL:
        if add and also_read:
            value = _cache_count_and_read(key, add, also_read)
            if value is None:  # the window's first request, or Redis down: counted the plain way
                value = _cache_count(key, period, add)
        else:
            value = _cache_count(key, period, add)
        if value is not None:
            return value
    return _database_count(key, ends, add)


def hit(scope: str, ident: str, limit: int, period: int, *, also_read: dict | None = None) -> bool:
    """Count one request; True while `ident` has made at most `limit` in this window of `period`
    seconds (the request counted is allowed), False once it is over. `also_read`: see `count`."""
    return count(scope, ident, period, also_read=also_read) <= limit


def seconds_left(period: int) -> int:
    """Whole seconds until the current window of `period` seconds ends (for Retry-After)."""
    return max(1, int(_window(period)[1] - time.time()) + 1)


def _cache_count(key: str, period: int, add: int) -> int | None:
    if not add:
        return cache.get(key)  # None when missing or Redis is down: the database may hold the count
    try:
        return cache.incr(key, add)
    except ValueError:  # the window's first request
        if cache.add(key, add, timeout=period + 1):
            return add
        try:
            return cache.incr(key, add)
        except ValueError:
            return None


# INCRBY only if the key exists (the window's first request makes it, with its expiry, by `add`):
# the script django-redis runs for cache.incr().
_INCR_IF_EXISTS = """
local exists = redis.call('EXISTS', KEYS[1])
if (exists == 1) then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
else return false end
"""


def _cache_count_and_read(key: str, add: int, also_read: dict) -> int | None:
    """The count, as cache.incr() makes it, and the values of `also_read`'s keys, in one pipelined
    round trip. None when the window has no count yet (nothing is added then) or Redis is down."""
    backend = getattr(cache, "client", None)  # django-redis's client; a cache of another kind reads nothing along
    if not hasattr(backend, "get_client"):
        return None
    keys = list(also_read)
    try:
        pipe = backend.get_client(write=True).pipeline(transaction=False)
        pipe.eval(_INCR_IF_EXISTS, 1, backend.make_key(key), add)
        pipe.mget([backend.make_key(name) for name in keys])
        value, found = pipe.execute()
    except (RedisError, OSError):  # as django-redis's IGNORE_EXCEPTIONS: an outage is a miss
        return None
    for name, raw in zip(keys, found, strict=True):
        if raw is not None:
            also_read[name] = backend.decode(raw)
    return value if value is not None and value is not False else None


def _database_count(key: str, ends: float, add: int) -> int:
    """One statement, atomic in PostgreSQL and SQLite (3.35+) alike: insert the window's row or
    add to it, and read the sum back. The first request of a window also clears expired rows."""
    if not add:
        return RateCounter.objects.filter(key=key).values_list("count", flat=True).first() or 0
    qn = connection.ops.quote_name
    table, key_col, count_col, expires_col = (
        qn(RateCounter._meta.db_table),
        qn("key"),
        qn("count"),
        qn("expires"),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_col}, {count_col}, {expires_col}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({key_col}) DO UPDATE SET {count_col} = {table}.{count_col} + excluded.{count_col} "
            f"RETURNING {count_col}",
            [key, add, connection.ops.adapt_datetimefield_value(dt.datetime.fromtimestamp(ends, tz=dt.UTC))],
        )
        value = cursor.fetchone()[0]
    if value == add:
        RateCounter.objects.filter(expires__lt=timezone.now()).delete()
    return value


def use_once(scope: str, token: str, valid_seconds: int) -> bool:
    """Record that `token` of `scope` is used: True the first time, False ever after (until it
    would have expired anyway, `valid_seconds` from now). Atomic across processes (a unique key)."""
    now = timezone.now()
    key = f"{scope}:{hashlib.sha256(token.encode()).hexdigest()[:60]}"
    UsedToken.objects.filter(expires__lt=now).delete()
    try:
        with transaction.atomic():
            UsedToken.objects.create(key=key, expires=now + dt.timedelta(seconds=valid_seconds))
    except IntegrityError:
        return False
    return True
