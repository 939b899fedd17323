"""Real races on PostgreSQL: parallel posts of one filing number make one filing, and two
approvals of filings for the same new number at once answer 200 and 409, never 500."""

import threading

import pytest
from django.db import connection, connections

from enterprises.models import Filing, Patent

from ..factories import valid_patent_number
from ..finance.test_selfservice_api import api, filing_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time"),
]


def at_once(calls) -> list:
    """Run the requests in threads released together; their status codes (or errors) in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call().status_code
        except Exception as error:  # a server error: the test client raises it
            results[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_eight_parallel_posts_of_one_number_make_one_filing(reference_data, user_a):
    data = filing_data()
    clients = [api(user_a) for _ in range(8)]
    responses = at_once([lambda c=c: c.post("/api/v1/filings/", data, format="json") for c in clients])
    assert sorted(responses, key=str) == [201] + [400] * 7
    assert Filing.objects.count() == 1


def test_two_approvals_for_one_new_number_at_once_answer_200_and_409(reference_data, user_a, user_b, official):
    number = valid_patent_number(2023)
    ids = [
        api(u).post("/api/v1/filings/", filing_data(number=number), format="json").json()["id"]
        for u in (user_a, user_b)
    ]
    clients = [api(official), api(official)]
    responses = at_once(
        [
            lambda c=c, pk=pk: c.post(f"/api/v1/filings/{pk}/review/", {"action": "approve"})
            for c, pk in zip(clients, ids, strict=True)
        ]
    )
    assert sorted(responses, key=str) == [200, 409]
    assert Patent.objects.filter(application_number=number).count() == 1
