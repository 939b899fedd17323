"""The record lists' paginator (ipportal.pagination.LargeListPaginator): the pages and the count a
reader relies on, whichever way the paginator reads them."""

import datetime as dt

import pytest
from django.core.paginator import EmptyPage, Paginator

from enterprises.models import Patent
from ipportal import pagination
from ipportal.pagination import LargeListPaginator

from ..factories import PatentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def patents():
    # Several patents share a day, so the order's second key (the number) decides between them.
    return [PatentFactory(application_date=dt.date(2020, 1, 1) + dt.timedelta(days=n // 3)) for n in range(23)]


def pages(paginator) -> list[list[int]]:
    return [[patent.pk for patent in paginator.page(n)] for n in paginator.page_range]


@pytest.mark.parametrize("orphans", [0, 3])
def test_short_list_pages_hold_the_same_records_in_the_same_order_as_a_plain_paginator(patents, orphans):
    listing = Patent.objects.order_by("-application_date", "application_number")
    plain, large = Paginator(listing, 5, orphans=orphans), LargeListPaginator(listing, 5, orphans=orphans)
    assert large.count == plain.count == 23
    assert pages(large) == pages(plain)


def test_list_longer_than_short_is_counted_and_paged_as_before(patents, monkeypatch):
    monkeypatch.setattr(pagination, "SHORT", 10)
    listing = Patent.objects.order_by("-application_date", "application_number")
    large = LargeListPaginator(listing, 5)
    assert large.count == 23
    assert pages(large) == pages(Paginator(listing, 5))


def test_short_list_count_is_exact_at_once_after_a_change(patents):
    listing = Patent.objects.filter(title__startswith="一种")
    assert LargeListPaginator(listing.order_by("pk"), 5).count == 23
    PatentFactory(title="一种新装置")
    assert LargeListPaginator(listing.order_by("pk"), 5).count == 24


def test_page_past_the_end_of_a_short_list_is_refused(patents):
    with pytest.raises(EmptyPage):
        LargeListPaginator(Patent.objects.order_by("pk"), 5).page(6)


def test_short_list_reads_its_rows_once_for_count_and_page(patents, django_assert_num_queries):
    paginator = LargeListPaginator(Patent.objects.order_by("pk"), 5)
    with django_assert_num_queries(2):  # the ordered ids, then the page's records by id
        assert len(list(paginator.page(2))) == 5 and paginator.count == 23


def test_list_between_short_and_large_is_counted_exactly_every_time(patents, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(pagination, "SHORT", 10)
    listing = Patent.objects.order_by("pk")
    with django_assert_num_queries(2):  # its first ids (more than SHORT), then COUNT
        assert LargeListPaginator(listing, 5).count == 23
    PatentFactory()
    with django_assert_num_queries(1):  # known not to be short: COUNT only, exact
        assert LargeListPaginator(listing, 5).count == 24
