"""Claims on the special IP fund: which records an item pays for, amounts, the review and the budget.

States (core.models.ReviewState): draft → submitted → under review → returned for changes
(the enterprise edits and submits again) → approved → paid, or rejected with a reason. A record
is claimed at most once per item (a partial unique constraint on the active claim lines; a
rejected claim releases its records). Approvals are made under a lock on the item, so two
officials approving at once cannot together exceed its budget.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.models import ReviewState
from core.review import TransitionRefused, move
from enterprises.models import Certification, Patent, PatentType, Trademark
from ipportal.coded import coded
from ipportal.formatting import grouped

from .models import Award, Claim, ClaimLine, NavigationProject, Pledge, SupportItem

EDITABLE = (ReviewState.DRAFT, ReviewState.RETURNED)
IN_REVIEW = (ReviewState.SUBMITTED, ReviewState.UNDER_REVIEW)


def eligible_records(item: SupportItem, enterprise) -> models.QuerySet:
    """The enterprise's records of the kind the item supports, dated in the item's year.

    Only reconciled records count: a patent, trademark or pledge that so far only the enterprise's
    own filing declares is claimable once an import confirms it or an official marks it reconciled."""
    year = item.year
    T = SupportItem.Target
    if item.target == T.INVENTION_GRANT:
        return Patent.objects.filter(
            enterprise=enterprise, patent_type=PatentType.INVENTION, grant_date__year=year, reconciled=True
        )
    if item.target == T.PCT:
        return Patent.objects.filter(enterprise=enterprise, pct_filing_date__year=year, reconciled=True).exclude(
            pct_number=""
        )
    if item.target == T.TRADEMARK:
        return Trademark.objects.filter(enterprise=enterprise, registration_date__year=year, reconciled=True)
    if item.target == T.PLEDGE:
        return Pledge.objects.filter(enterprise=enterprise, registration_date__year=year, reconciled=True)
    if item.target == T.AWARD:
        return Award.objects.filter(enterprise=enterprise, award_date__year=year)
    if item.target == T.NAVIGATION:
        return NavigationProject.objects.filter(
            enterprise=enterprise, kind=NavigationProject.Kind.ENTERPRISE, start_date__year=year
        )
    if item.target == T.CERTIFICATION:
        return Certification.objects.filter(enterprise=enterprise, issue_date__year=year)
    raise ValueError(item.target)


def claimed_elsewhere(item: SupportItem, records, claim: Claim | None = None) -> set[int]:
    """Primary keys of these records already held by another active claim on the item."""
    if not records:
        return set()
    content_type = ContentType.objects.get_for_model(records[0])
    lines = ClaimLine.objects.filter(
        item=item, content_type=content_type, object_id__in=[r.pk for r in records], active=True
    )
    if claim is not None and claim.pk:
        lines = lines.exclude(claim=claim)
    return set(lines.values_list("object_id", flat=True))


@dataclass
class Choice:
    record: models.Model
    cost: Decimal | None

    def amount(self, item: SupportItem) -> Decimal:
        return item.amount_for(self.cost)


def check_open(item: SupportItem, day: dt.date | None = None) -> None:
    """Claims are made (drafted, changed and submitted) only while the item is open: pages and API alike."""
    if not item.is_open_on(day or timezone.localdate()):
        raise TransitionRefused(
            _("This item takes claims from %(start)s to %(end)s.")
            % {"start": f"{item.opens_on:%Y-%m-%d}", "end": f"{item.closes_on:%Y-%m-%d}"}
        )


def save_lines(claim: Claim, choices: list[Choice], *, on: dt.date | None = None) -> None:
    """Replace the claim's records and recompute its amount (the claim is a draft or returned), on
    a day the item is open (today, unless demo data tells of an earlier day)."""
    item = claim.item
    check_open(item, on)
    taken = claimed_elsewhere(item, [c.record for c in choices], claim)
    if taken:
        raise TransitionRefused(_("Some of these records are already claimed for this item."))
    claim.lines.all().delete()
    lines = [
        ClaimLine(
            claim=claim,
            item=item,
            content_type=ContentType.objects.get_for_model(choice.record),
            object_id=choice.record.pk,
            label=str(choice.record)[:300],
            cost=choice.cost,
            amount=choice.amount(item),
        )
        for choice in choices
    ]
    try:
        with transaction.atomic():
            ClaimLine.objects.bulk_create(lines)
    except IntegrityError as error:  # another claim took one of them meanwhile
        raise TransitionRefused(_("Some of these records are already claimed for this item.")) from error
    claim.amount = sum((line.amount for line in lines), Decimal(0))
    claim.save(update_fields=["amount", "updated_at"])


def with_spending(items: models.QuerySet) -> models.QuerySet:
    """Support items with `committed_amount` and `paid_amount` from their claims, in one query."""
    return items.annotate(
        committed_amount=Sum(
            "claims__approved_amount",
            filter=Q(claims__state__in=(ReviewState.APPROVED, ReviewState.PAID)),
            default=Decimal(0),
        ),
        paid_amount=Sum("claims__approved_amount", filter=Q(claims__state=ReviewState.PAID), default=Decimal(0)),
    )


def committed(item: SupportItem) -> Decimal:
    return item.claims.committed().aggregate(total=Sum("approved_amount"))["total"] or Decimal(0)


def paid(item: SupportItem) -> Decimal:
    return item.claims.filter(state=ReviewState.PAID).aggregate(total=Sum("approved_amount"))["total"] or Decimal(0)


def remaining(item: SupportItem) -> Decimal:
    return item.budget - committed(item)


# -- Transitions ----------------------------------------------------------------------------------


def submit(claim: Claim, user, comment: str = "") -> None:
    if not claim.lines.exists():
        raise TransitionRefused(_("Choose at least one record to claim for."))
    check_open(claim.item)
    claim.submitted_at = timezone.now()
    move(claim, ReviewState.SUBMITTED, user, comment, allowed_from=EDITABLE, officials_only=False)


def start_review(claim: Claim, user) -> None:
    move(claim, ReviewState.UNDER_REVIEW, user, allowed_from=(ReviewState.SUBMITTED,), officials_only=True)


def send_back(claim: Claim, user, comment: str) -> None:
    if not comment.strip():
        raise TransitionRefused(_("Say what needs to change."))
    move(claim, ReviewState.RETURNED, user, comment, allowed_from=IN_REVIEW, officials_only=True)


def reject(claim: Claim, user, comment: str) -> None:
    if not comment.strip():
        raise TransitionRefused(_("Give the reason for the rejection."))
    with transaction.atomic():
        move(claim, ReviewState.REJECTED, user, comment, allowed_from=IN_REVIEW, officials_only=True)
        claim.lines.update(active=False)


def approve(claim: Claim, user, amount: Decimal | None = None, comment: str = "") -> None:
    """Approve (the claimed amount, or less); never beyond what is left of the item's budget."""
    amount = claim.amount if amount is None else amount
    if amount <= 0 or amount > claim.amount:
        raise TransitionRefused(_("The approved amount must be more than zero and at most the amount claimed."))
    with transaction.atomic():
        item = SupportItem.objects.select_for_update().get(pk=claim.item_id)
        left = remaining(item)
        if amount > left:
            raise TransitionRefused(
                _("Only %(left)s yuan of this item's budget is left; %(amount)s yuan cannot be approved.")
                % {"left": grouped(left, 2), "amount": grouped(amount, 2)}
            )
        claim.approved_amount = amount
        move(claim, ReviewState.APPROVED, user, comment, allowed_from=IN_REVIEW, officials_only=True)


def mark_paid(claim: Claim, user, day, reference: str) -> None:
    if day is None or not reference.strip():
        raise TransitionRefused(_("Give the payment date and reference."))
    claim.payment_date, claim.payment_reference = day, reference.strip()
    note = coded(gettext_noop("paid on %(day)s, reference %(reference)s"), day=f"{day:%Y-%m-%d}", reference=reference)
    move(claim, ReviewState.PAID, user, allowed_from=(ReviewState.APPROVED,), officials_only=True, note=note)


ENTERPRISE_ACTIONS = ("submit",)
OFFICIALS_ACTIONS = ("start", "return", "reject", "approve", "pay")


def act(
    claim_id: int,
    action: str,
    user,
    *,
    comment: str = "",
    amount: Decimal | None = None,
    payment_date=None,
    payment_reference: str = "",
) -> Claim:
    """One step of a claim's review, for the page and the API alike, under a lock on the claim.
    Raises TransitionRefused with the reason, PermissionDenied for the wrong side, ValueError for
    an unknown action."""
    if action not in ENTERPRISE_ACTIONS + OFFICIALS_ACTIONS:
        raise ValueError(action)
    with transaction.atomic():
        claim = Claim.objects.select_for_update().select_related("item").get(pk=claim_id)
        if action == "submit":
            submit(claim, user, comment)
        elif action == "start":
            start_review(claim, user)
        elif action == "return":
            send_back(claim, user, comment)
        elif action == "reject":
            reject(claim, user, comment)
        elif action == "approve":
            approve(claim, user, amount, comment)
        else:
            mark_paid(claim, user, payment_date, payment_reference)
    return claim
