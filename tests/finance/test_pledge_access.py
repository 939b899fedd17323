"""A pledge filing names only the filer's own patents, and a pledge's page shows another
enterprise's records to nobody but officials (issue 17, item 7)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from enterprises.models import Filing
from finance.models import Pledge, PledgedItem

from ..factories import PatentFactory

pytestmark = pytest.mark.django_db


def file_pledge(client, numbers: str, registration_number: str = "Y2025420000777"):
    return client.post(
        reverse("enterprises:filing-create"),
        {
            "kind": "pledge",
            "number": registration_number,
            "subtype": "patent",
            "title": numbers,
            "counterpart": "湖北银行荆门分行",
            "amount": "3000000",
            "event_date": "2025-04-01",
        },
    )


def test_approving_a_pledge_filing_of_another_enterprises_patent_is_refused_naming_it(
    client, user_a, enterprise_a, enterprise_b, official
):
    own = PatentFactory(enterprise=enterprise_a)
    other = PatentFactory(enterprise=enterprise_b, title="乙公司的保密发明")
    client.force_login(user_a)
    file_pledge(client, f"{own.application_number};{other.application_number}")
    client.force_login(official)
    filing = Filing.objects.get()
    response = client.post(reverse("enterprises:filing-review", args=[filing.pk]), {"action": "approve"}, follow=True)
    assert not Pledge.objects.exists()
    assert Filing.objects.get().state == "submitted"
    shown = [str(message) for message in response.context["messages"]]
    assert any(other.application_number in message for message in shown), shown
    assert own.application_number not in " ".join(shown)


def test_a_pledge_page_does_not_show_another_enterprises_patent_to_the_pledgor(
    client, user_a, enterprise_a, enterprise_b
):
    other = PatentFactory(enterprise=enterprise_b, title="乙公司的保密发明")
    pledge = Pledge.objects.create(
        registration_number="Y2025420000888",
        pledgor_name=enterprise_a.name,
        enterprise=enterprise_a,
        pledgee_name="湖北银行荆门分行",
        ip_type="patent",
        amount=Decimal(1000000),
        registration_date="2025-04-01",
    )
    PledgedItem.objects.create(pledge=pledge, number=other.application_number, patent=other, position=0)
    client.force_login(user_a)
    page = client.get(pledge.get_absolute_url()).content.decode()
    assert other.application_number in page
    assert "乙公司的保密发明" not in page
    assert "非本企业的记录" in page  # the number is the pledgor's to see; the record is not
    assert other.get_absolute_url() not in page


def test_a_patent_page_does_not_show_another_enterprises_pledge_of_it(client, user_a, enterprise_a, enterprise_b):
    patent = PatentFactory(enterprise=enterprise_a)
    pledge = Pledge.objects.create(
        registration_number="Y2025420000999",
        pledgor_name=enterprise_b.name,
        enterprise=enterprise_b,
        pledgee_name="湖北银行荆门分行",
        ip_type="patent",
        amount=Decimal(1000000),
        registration_date="2025-04-01",
    )
    PledgedItem.objects.create(pledge=pledge, number=patent.application_number, patent=patent, position=0)
    client.force_login(user_a)
    page = client.get(patent.get_absolute_url()).content.decode()
    assert "Y2025420000999" not in page
