"""One search over every record kind a user may see (the search box in the sidebar).

Each kind is searched with its own list filter's `q` (its `search_fields`: numbers, titles,
holders), starting from the kind's `for_user(user)` queryset, so the search shows exactly what
the kind's list page would show for the same words — never another enterprise's records.
"""

from dataclasses import dataclass

from django.db.models import Model

from ipportal.roles import is_official

from . import KINDS, RecordKind

MAX_QUERY_LENGTH = 100


@dataclass
class KindHits:
    """The records of one kind that match: the first `records` (at most the limit) of `count`."""

    kind: RecordKind
    count: int
    records: list[Model]


def search_records(user, query: str, *, limit: int = 5) -> list[KindHits]:
    """The kinds with records matching `query` that `user` may see, in registration order.

    A kind is searched when the user may open its list (officials: every kind; enterprise users:
    kinds marked `enterprise_visible`) and its filter has a `q` search. A blank query finds
    nothing; the query is cut to MAX_QUERY_LENGTH characters."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    if not query:
        return []
    official = is_official(user)
    found = []
    for kind in KINDS.values():
        if not (official or kind.enterprise_visible) or "q" not in kind.filterset.base_filters:
            continue
        queryset = kind.model.objects.for_user(user)
        if kind.related:
            queryset = queryset.select_related(*kind.related)
        matching = kind.filterset(data={"q": query}, queryset=queryset).qs
        count = matching.count()
        if count:
            found.append(KindHits(kind, count, list(matching[:limit])))
    return found
