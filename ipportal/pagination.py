"""Pagination for lists that may hold a million rows."""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property

# Lists at least this long keep their count in the cache for COUNT_SECONDS.
LARGE = 10_000
COUNT_SECONDS = 60


class LargeListPaginator(Paginator):
    """Counting a million rows takes PostgreSQL about 100 ms, on every page of the list. The count
    of a large list (by its query, filters included) is kept for a minute; shorter lists are
    counted every time, so they are always exact."""

    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            sql, params = query.sql_with_params()
        except EmptyResultSet:  # queryset.none(), e.g. a list whose filters were refused
            return 0
        key = "list-count:" + hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()
        cached = cache.get(key)
        if cached is not None:
            return cached
        count = super().count
        if count >= LARGE:
            cache.set(key, count, COUNT_SECONDS)
        return count
