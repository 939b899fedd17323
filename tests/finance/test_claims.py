"""Claims on the special IP fund: life cycle, amounts, the double-claim guard, the budget, access."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import Notification, ReviewEvent
from core.review import TransitionRefused
from finance import claims as rules
from finance.models import Claim, SupportItem

from ..factories import PatentFactory, PledgeFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
PDF = b"%PDF-1.4 minimal\n"


def item(**changes) -> SupportItem:
    values = {
        "year": TODAY.year,
        "name": "发明专利授权资助",
        "target": SupportItem.Target.INVENTION_GRANT,
        "rule": SupportItem.Rule.FIXED,
        "fixed_amount": Decimal("5000"),
        "budget": Decimal("100000"),
        "opens_on": TODAY - dt.timedelta(days=30),
        "closes_on": TODAY + dt.timedelta(days=30),
    }
    return SupportItem.objects.create(**{**values, **changes})


def inventions(enterprise, count=3, year=TODAY.year):
    return [PatentFactory(enterprise=enterprise, grant_date=dt.date(year, 1, 15)) for _ in range(count)]


def upload(name="evidence.pdf", content=PDF):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def create_claim(client, support, records, **extra):
    data = {"records": [str(r.pk) for r in records], "note": "三件发明专利", **extra}
    return client.post(reverse("finance:claim-create", args=[support.pk]), data)


def act(client, claim, action, **data):
    return client.post(reverse("finance:claim-action", args=[claim.pk]), {"action": action, **data})


def test_full_life_cycle_with_return_and_resubmit(
    client, user_a, enterprise_a, official, django_capture_on_commit_callbacks
):
    support = item()
    patents = inventions(enterprise_a)
    client.force_login(user_a)
    response = create_claim(client, support, patents[:2], documents=upload())
    claim = Claim.objects.get()
    assert response.url == claim.get_absolute_url()
    assert (claim.state, claim.amount) == ("draft", Decimal("10000"))
    page = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Submit the claim for 10,000.00 yuan" in page  # the amount is shown before submission
    act(client, claim, "submit")
    claim.refresh_from_db()
    assert claim.state == "submitted" and claim.submitted_at is not None
    assert Notification.objects.filter(user=official).count() == 1

    client.force_login(official)
    act(client, claim, "start")
    with django_capture_on_commit_callbacks(execute=True):
        act(client, claim, "return", comment="请补充授权公告文本")
    claim.refresh_from_db()
    assert claim.state == "returned"
    assert mail.outbox and "请补充授权公告文本" in mail.outbox[-1].body and mail.outbox[-1].to == [user_a.email]

    client.force_login(user_a)
    edit = client.post(
        reverse("finance:claim-edit", args=[claim.pk]),
        {"records": [str(p.pk) for p in patents], "note": "已补充", "documents": upload("notice.pdf")},
    )
    assert edit.status_code == 302
    act(client, claim, "submit")
    claim.refresh_from_db()
    assert (claim.state, claim.amount, claim.attachments.count()) == ("submitted", Decimal("15000"), 2)

    client.force_login(official)
    act(client, claim, "approve", amount="15000", comment="")
    act(client, claim, "pay", payment_date="2025-03-05", payment_reference="GK-2025-001")
    claim.refresh_from_db()
    assert (claim.state, claim.approved_amount, claim.payment_date) == ("paid", Decimal("15000"), dt.date(2025, 3, 5))
    states = [e.to_state for e in ReviewEvent.objects.filter(object_id=claim.pk).order_by("at", "pk")]
    assert states == ["submitted", "under_review", "returned", "submitted", "approved", "paid"]
    events = ReviewEvent.objects.filter(object_id=claim.pk, to_state="returned").get()
    assert (events.actor, events.comment) == (official, "请补充授权公告文本")
    timeline = client.get(claim.get_absolute_url()).content.decode()
    assert "请补充授权公告文本" in timeline and "已支付" in timeline
    assert rules.paid(support) == Decimal("15000")


def test_share_rule_takes_the_rate_of_the_cost_up_to_the_cap(client, user_a, enterprise_a):
    support = item(
        name="质押贴息",
        target=SupportItem.Target.PLEDGE,
        rule=SupportItem.Rule.SHARE,
        fixed_amount=None,
        rate=Decimal("50"),
        cap=Decimal("100000"),
    )
    small = PledgeFactory(enterprise=enterprise_a, registration_date=dt.date(TODAY.year, 2, 1))
    large = PledgeFactory(enterprise=enterprise_a, registration_date=dt.date(TODAY.year, 3, 1))
    client.force_login(user_a)
    missing = create_claim(client, support, [small], **{f"cost_{small.pk}": ""})
    assert missing.status_code == 200 and not Claim.objects.exists()
    create_claim(client, support, [small, large], **{f"cost_{small.pk}": "33333.33", f"cost_{large.pk}": "500000"})
    claim = Claim.objects.get()
    assert sorted(line.amount for line in claim.lines.all()) == [Decimal("16666.67"), Decimal("100000.00")]
    assert claim.amount == Decimal("116666.67")


def test_a_record_cannot_be_claimed_twice_for_the_same_item(client, user_a, enterprise_a, official):
    support = item()
    patent = inventions(enterprise_a, 1)[0]
    client.force_login(user_a)
    create_claim(client, support, [patent])
    second = create_claim(client, support, [patent])
    assert second.status_code == 200 and Claim.objects.count() == 1
    assert "Select a valid choice" in second.content.decode() or "有效" in second.content.decode()
    first = Claim.objects.get()
    duplicate = Claim.objects.create(enterprise=enterprise_a, item=support)
    with pytest.raises(TransitionRefused):
        rules.save_lines(duplicate, [rules.Choice(patent, None)])
    duplicate.delete()
    # A rejected claim releases its records; another item may take the same record at any time.
    act(client, first, "submit")
    client.force_login(official)
    act(client, first, "reject", comment="不符合条件")
    client.force_login(user_a)
    create_claim(client, support, [patent])
    assert Claim.objects.filter(state="draft").count() == 1
    other = item(name="专利奖励")
    create_claim(client, other, [patent])
    assert Claim.objects.filter(item=other).count() == 1


def test_approvals_cannot_exceed_the_budget_left(client, enterprise_a, enterprise_b, official):
    support = item(budget=Decimal("12000"))
    claims = []
    for enterprise in (enterprise_a, enterprise_b):
        claim = Claim.objects.create(enterprise=enterprise, item=support)
        rules.save_lines(claim, [rules.Choice(p, None) for p in inventions(enterprise, 2)])
        claim.state = "submitted"
        claim.save()
        claims.append(claim)
    client.force_login(official)
    act(client, claims[0], "approve", amount="10000")
    response = act(client, claims[1], "approve", amount="10000")
    claims[1].refresh_from_db()
    assert claims[1].state == "submitted"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("2,000.00" in m for m in messages)
    act(client, claims[1], "approve", amount="2000")
    claims[1].refresh_from_db()
    assert (claims[1].state, rules.remaining(support)) == ("approved", Decimal(0))


def test_return_and_reject_need_a_comment_and_enterprises_cannot_review(client, user_a, enterprise_a, official):
    support = item()
    claim = Claim.objects.create(enterprise=enterprise_a, item=support, state="submitted")
    client.force_login(official)
    act(client, claim, "return", comment=" ")
    claim.refresh_from_db()
    assert claim.state == "submitted"
    client.force_login(user_a)
    assert act(client, claim, "approve", amount="1").status_code == 403
    claim.refresh_from_db()
    assert claim.state == "submitted"


def test_closed_item_takes_no_claims(client, user_a, enterprise_a):
    support = item(opens_on=TODAY - dt.timedelta(days=60), closes_on=TODAY - dt.timedelta(days=1))
    client.force_login(user_a)
    assert client.get(reverse("finance:claim-create", args=[support.pk])).status_code == 404


def test_enterprise_b_can_neither_see_nor_act_on_a_claim_of_a(client, user_a, user_b, enterprise_a):
    support = item()
    client.force_login(user_a)
    create_claim(client, support, inventions(enterprise_a, 1), documents=upload())
    claim = Claim.objects.get()
    attachment = claim.attachments.get()
    client.force_login(user_b)
    assert client.get(claim.get_absolute_url()).status_code == 404
    assert client.get(reverse("finance:claim-edit", args=[claim.pk])).status_code == 404
    assert act(client, claim, "submit").status_code == 404
    assert client.get(attachment.get_absolute_url()).status_code == 404
    assert claim.get_absolute_url() not in client.get(reverse("finance:claim-list")).content.decode()
    client.force_login(user_a)
    assert client.get(attachment.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("evil.pdf", b"MZ\x90\x00 not a pdf", "Attach a PDF, PNG, JPEG, XLSX or DOCX file."),
        ("big.pdf", PDF + b"0" * (10 * 1024 * 1024), "The attachment is larger than 10 MB."),
    ],
)
def test_a_bad_upload_is_refused_and_the_form_keeps_what_was_typed(
    client, user_a, enterprise_a, name, content, message
):
    support = item()
    patent = inventions(enterprise_a, 1)[0]
    client.force_login(user_a)
    response = client.post(
        reverse("finance:claim-create", args=[support.pk]),
        {"records": [str(patent.pk)], "note": "我们的说明文字", "documents": upload(name, content)},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200 and not Claim.objects.exists()
    page = response.content.decode()
    assert message in page and "我们的说明文字" in page and f'value="{patent.pk}" id="id_records_0" checked' in page


def test_review_queue_filters_and_export_of_approved_claims(client, enterprise_a, enterprise_b, official):
    support = item()
    for enterprise, state in ((enterprise_a, "approved"), (enterprise_b, "submitted")):
        claim = Claim.objects.create(enterprise=enterprise, item=support, state=state, submitted_at=timezone.now())
        rules.save_lines(claim, [rules.Choice(p, None) for p in inventions(enterprise, 1)])
        if state == "approved":
            claim.approved_amount = claim.amount
            claim.save()
    client.force_login(official)
    queue = client.get(reverse("finance:claim-list") + "?state=submitted")
    assert [claim.enterprise for claim in queue.context["object_list"]] == [enterprise_b]
    response = client.get(reverse("finance:claim-export"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][2] == enterprise_a.name and Decimal(str(rows[1][5])) == Decimal("5000")


def test_fund_page_shows_budget_committed_and_paid_per_year(client, enterprise_a, official):
    support = item(budget=Decimal("1000000"))
    claim = Claim.objects.create(enterprise=enterprise_a, item=support, state="paid", approved_amount=Decimal("5000"))
    Claim.objects.create(enterprise=enterprise_a, item=support, state="approved", approved_amount=Decimal("7000"))
    assert claim.pk
    client.force_login(official)
    page = client.get(reverse("finance:item-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1,000,000.00 yuan" in page and "12,000.00 yuan" in page and "5,000.00 yuan" in page


def test_only_officials_define_items(client, user_a):
    client.force_login(user_a)
    assert client.get(reverse("finance:item-create")).status_code == 403


def test_certification_reward_is_claimed_for_certificates_issued_in_the_year(client, user_a, enterprise_a):
    from enterprises.models import Certification

    support = item(name="贯标认证奖励", target=SupportItem.Target.CERTIFICATION, fixed_amount=Decimal("50000"))
    certificate = Certification.objects.create(
        enterprise=enterprise_a,
        standard="gbt_29490",
        certificate_number="C-1",
        certification_body="中知认证",
        issue_date=dt.date(TODAY.year, 1, 2),
        expiry_date=dt.date(TODAY.year + 3, 1, 1),
    )
    Certification.objects.create(
        enterprise=enterprise_a,
        standard="gbt_29490",
        certificate_number="C-0",
        certification_body="中知认证",
        issue_date=dt.date(TODAY.year - 1, 1, 2),
        expiry_date=dt.date(TODAY.year + 2, 1, 1),
    )
    client.force_login(user_a)
    form = client.get(reverse("finance:claim-create", args=[support.pk])).context["form"]
    assert list(form.available.values()) == [certificate]


def test_the_payment_note_is_stored_as_a_code_and_shown_in_the_readers_language(client, enterprise_a, official):
    support = item()
    claim = Claim.objects.create(enterprise=enterprise_a, item=support, state="approved", approved_amount=5000)
    client.force_login(official)
    act(client, claim, "pay", payment_date="2025-03-05", payment_reference="GK-1")
    event = ReviewEvent.objects.get(object_id=claim.pk, to_state="paid")
    assert event.comment == "" and event.note["params"] == {"day": "2025-03-05", "reference": "GK-1"}
    english = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "paid on 2025-03-05, reference GK-1" in english
    assert "2025-03-05" in chinese and "paid on" not in chinese
    assert f"<h1>Claim {claim.pk} · " in english  # a heading starts with a capital


def test_a_claim_on_a_closed_item_says_so_and_offers_no_submit(client, user_a, enterprise_a):
    support = item(opens_on=TODAY - dt.timedelta(days=60), closes_on=TODAY - dt.timedelta(days=1))
    claim = Claim.objects.create(enterprise=enterprise_a, item=support, state="returned")
    client.force_login(user_a)
    page = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "no longer takes claims" in page and 'value="submit"' not in page
    assert claim not in client.get(reverse("enterprises:home")).context["to_act"]
