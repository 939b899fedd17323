"""The one way the portal builds a record list's filters: a search box over some fields, plus
whatever the kind adds. Used by the pages and the API alike (django-filter)."""

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _


def search_q(fields: tuple[str, ...], value: str) -> Q:
    """Case-insensitive "contains" on any of the fields (a Django lookup path each)."""
    value = value.strip()
    query = Q()
    for field in fields:
        query |= Q(**{f"{field}__icontains": value})
    return query


class SearchFilterSet(django_filters.FilterSet):
    """A filterset whose `q` searches `search_fields`; set `distinct_search` when a field spans
    a to-many relation (so a record matched twice is listed once)."""

    search_fields: tuple[str, ...] = ()
    distinct_search = False

    q = django_filters.CharFilter(label=_("search"), method="search")

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        queryset = queryset.filter(search_q(self.search_fields, value))
        return queryset.distinct() if self.distinct_search else queryset


def filterset_for(model: type, base: type[django_filters.FilterSet] = SearchFilterSet, **attrs: Any) -> type:
    """A filterset class for `model`: `base` plus the given attributes (filters, search_fields).

    The form shows the base's filters, then the added ones, in the order given."""
    declared = [name for name, value in attrs.items() if isinstance(value, django_filters.Filter)]
    fields = [*base.declared_filters, *declared]
    meta = type("Meta", (), {"model": model, "fields": fields})
    return type(f"{model.__name__}Filter", (base,), {**attrs, "Meta": meta})
