"""Lapse risk: annuities due on the filing anniversary, the effect on C3/C4, reminders, access."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from enterprises.annuities import at_risk, grace_end, impact, next_due
from enterprises.models import AnnuityReminder, Patent
from targets.models import YearlyFigure
from tests.targets.records import patent

pytestmark = pytest.mark.django_db
D = dt.date
DAY = D(2025, 11, 1)


def test_due_dates():
    assert next_due(D(2015, 11, 1), DAY) == D(2025, 11, 1)
    assert next_due(D(2015, 10, 31), DAY) == D(2026, 10, 31)
    assert next_due(D(2016, 2, 29), D(2025, 1, 1)) == D(2025, 2, 28)
    assert grace_end(D(2025, 8, 31)) == D(2026, 2, 28)


def test_lists_in_force_park_inventions_due_in_the_window(enterprise_a):
    due_soon = patent(enterprise_a, applied=D(2018, 12, 15), granted=D(2020, 1, 1))
    across_new_year = patent(enterprise_a, applied=D(2019, 1, 29), granted=D(2020, 1, 1))
    patent(enterprise_a, applied=D(2018, 10, 31), granted=D(2020, 1, 1))  # just passed
    patent(enterprise_a, applied=D(2019, 1, 31), granted=D(2020, 1, 1))  # day 91
    patent(enterprise_a, type_digit="2", applied=D(2018, 12, 15), granted=D(2019, 1, 1))  # utility model
    patent(None, applied=D(2018, 12, 15), granted=D(2020, 1, 1))  # outside the park
    patent(enterprise_a, applied=D(2018, 12, 15), granted=None, status="pending")  # not granted
    patent(enterprise_a, applied=D(2018, 12, 15), granted=D(2020, 1, 1), status="lapsed", lapsed=D(2024, 1, 1))
    patent(enterprise_a, applied=D(2005, 12, 15), granted=D(2008, 1, 1))  # 20th anniversary: the end, no annuity
    items = at_risk(Patent.objects.all(), DAY)
    assert [(i.patent, i.due) for i in items] == [(due_soon, D(2025, 12, 15)), (across_new_year, D(2026, 1, 29))]
    assert items[0].grace_end == D(2026, 6, 15)


def test_what_a_lapse_would_do_to_c3_and_c4(enterprise_a):
    YearlyFigure.objects.create(year=2025, population=10000)
    at_risk_patent = patent(enterprise_a, applied=D(2018, 12, 15), granted=D(2020, 1, 1), strategic_emerging=True)
    for _ in range(30):
        patent(enterprise_a, applied=D(2018, 6, 1), granted=D(2020, 1, 1))
    items = at_risk(Patent.objects.all(), DAY)
    assert [i.patent for i in items] == [at_risk_patent]
    rows = {row["indicator"].code: row for row in impact(items, DAY)}
    assert (rows["C3"]["now"], rows["C3"]["after"]) == (31, 30)
    assert not rows["C3"]["falls_below"]
    assert (rows["C4"]["now"], rows["C4"]["after"]) == (1, 0) and rows["C4"]["below_after"]


def test_officials_see_all_and_the_impact(official_client, enterprise_a, enterprise_b):
    YearlyFigure.objects.create(year=2025, population=10000)
    patent(enterprise_a, applied=D(2018, 12, 15), granted=D(2020, 1, 1))
    patent(enterprise_b, applied=D(2018, 12, 16), granted=D(2020, 1, 1))
    response = official_client.get(reverse("enterprises:lapse-risk") + "?date=2025-11-01", HTTP_ACCEPT_LANGUAGE="en")
    text = response.content.decode()
    assert len(response.context["items"]) == 2
    assert "If these 2 patents lapse" in text and "drops from 2.00 to 0.00" in text
    assert enterprise_a.name in text and enterprise_b.name in text


def test_enterprise_sees_its_own_list_only_and_no_impact(client_a, enterprise_a, enterprise_b):
    own = patent(enterprise_a, applied=D(2018, 12, 15), granted=D(2020, 1, 1))
    patent(enterprise_b, applied=D(2018, 12, 16), granted=D(2020, 1, 1))
    response = client_a.get(reverse("enterprises:lapse-risk") + "?date=2025-11-01", HTTP_ACCEPT_LANGUAGE="en")
    assert [i.patent for i in response.context["items"]] == [own]
    assert response.context["impact"] == [] and enterprise_b.name not in response.content.decode()
    assert "lapse-risk" in client_a.get(reverse("enterprises:home")).content.decode()


def test_enterprise_cannot_send_reminders(client_a, enterprise_a):
    patent(enterprise_a, applied=D(2018, 12, 15), granted=D(2020, 1, 1))
    response = client_a.post(reverse("enterprises:lapse-risk"), {"enterprise": enterprise_a.pk, "date": "2025-11-01"})
    assert response.status_code == 403 and not AnnuityReminder.objects.exists()


def test_official_reminds_the_enterprise_by_mail_and_it_is_recorded(
    official_client, official, enterprise_a, user_a, django_capture_on_commit_callbacks
):
    user_a.email = "ip@jia.example"
    user_a.save()
    item = patent(enterprise_a, applied=D(2018, 12, 15), granted=D(2020, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(
            reverse("enterprises:lapse-risk"), {"enterprise": enterprise_a.pk, "date": "2025-11-01"}
        )
    assert response.status_code == 302
    reminder = AnnuityReminder.objects.get()
    assert (reminder.patent, reminder.due_date, reminder.sent_by) == (item, D(2025, 12, 15), official)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ip@jia.example"]
    assert item.application_number in mail.outbox[0].body and "2026-06-15" in mail.outbox[0].body
    page = official_client.get(reverse("enterprises:lapse-risk") + "?date=2025-11-01")
    assert page.context["items"][0].reminded_at is not None


def test_reminding_an_enterprise_without_an_address_says_so(official_client, enterprise_a):
    patent(enterprise_a, applied=D(2018, 12, 15), granted=D(2020, 1, 1))
    response = official_client.post(
        reverse("enterprises:lapse-risk"),
        {"enterprise": enterprise_a.pk, "date": "2025-11-01"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "has no e-mail address" in response.content.decode() and not AnnuityReminder.objects.exists()


def test_api_scoped_to_the_user(api_token, user_a, enterprise_a, enterprise_b):
    patent(enterprise_a, applied=D(2018, 12, 15), granted=D(2020, 1, 1))
    patent(enterprise_b, applied=D(2018, 12, 16), granted=D(2020, 1, 1))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    rows = client.get("/api/v1/lapse-risk/?date=2025-11-01").json()
    assert [row["due"] for row in rows] == ["2025-12-15", "2025-12-16"] and rows[0]["grace_end"] == "2026-06-15"
    assert client.get("/api/v1/lapse-risk/?date=soon").status_code == 400
    own = APIClient()
    own.force_authenticate(user_a)
    assert [row["enterprise"] for row in own.get("/api/v1/lapse-risk/?date=2025-11-01").json()] == [enterprise_a.pk]
