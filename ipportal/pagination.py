"""Pagination: the pages' paginator for lists that may hold a million rows, and the API's."""

import hashlib

from django import forms
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

# Lists at least this long keep their count in the cache for COUNT_SECONDS.
LARGE = 10_000
COUNT_SECONDS = 60
# Lists at most this long are read once, as their ids: the count is how many, the page is read by them.
SHORT = 1_000
# Kept for COUNT_SECONDS instead of the count of a list longer than SHORT and shorter than LARGE:
# it is counted every time, without trying its ids first.
NOT_SHORT = "not short"


class LargeListPaginator(Paginator):
    """Counting a million rows takes PostgreSQL about 100 ms, on every page of the list. The count
    of a large list (by its query, filters included) is kept for a minute; shorter lists are
    counted every time, so they are always exact.

    A short list (at most SHORT rows: a search, an enterprise's own records) is read once, as its
    ids, instead of once to count it and again for the page: a search that no index can order
    reads every match to sort them anyway, and its trigram index scan was the page's cost, twice.
    The page is then the list's slice among those ids (found by primary key, sorted in the list's
    order). A list found longer than SHORT is remembered as such for a minute, so it is counted
    without trying its ids first."""

    _ids: list | None = None

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
        if cached == NOT_SHORT:
            return super().count
        if cached is not None:
            return cached
        # Unordered: finding the matches is then planned as counting them is (the list's order
        # index would be walked to its end for a list shorter than the limit).
        ids = list(self.object_list.order_by().values_list("pk", flat=True)[: SHORT + 1])
        if len(ids) <= SHORT:
            self._ids = ids
            return len(ids)
        count = super().count
        cache.set(key, count if count >= LARGE else NOT_SHORT, COUNT_SECONDS)
        return count

    def page(self, number) -> Page:
        """The page (1-based; ValidationError subclasses as Paginator.page raises them); a short
        list's records by their ids, in the list's order."""
        number = self.validate_number(number)
        if self._ids is None:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.object_list.filter(pk__in=self._ids)[bottom:top], number, self)


class APIPagination(PageNumberPagination):
    """API lists: `page_size` results a page (PAGE_SIZE unless asked), at most MAX_PAGE_SIZE.

    A larger size gives MAX_PAGE_SIZE (the `next` link carries on from there); a size that is not
    a whole number of at least 1 is a 400 naming the parameter, like every other parameter."""

    PAGE_SIZE = 50
    MAX_PAGE_SIZE = 500

    page_size = PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    page_size_query_param = "page_size"
    page_size_query_description = format_lazy(
        _("Number of results per page: {default} unless asked, at most {maximum} (a larger number gives {maximum})."),
        default=PAGE_SIZE,
        maximum=MAX_PAGE_SIZE,
    )

    def get_page_size(self, request) -> int:
        text = request.query_params.get(self.page_size_query_param, "")
        if not text.strip():
            return self.page_size
        try:
            size = forms.IntegerField(min_value=1).clean(text)
        except forms.ValidationError as error:
            raise ValidationError({self.page_size_query_param: error.messages}) from None
        return min(size, self.max_page_size)
