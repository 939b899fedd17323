"""Approving a year's figures, withdrawing an approval, and the drift since an approval.

An official with the "approve figures" permission (targets.approve_figures, the office head in
the demo) approves a year: every indicator's stored value, its inputs (numerator, denominator,
the year's yearly figures) and the records behind it are frozen as the year's approved snapshot
(DHIS2's data approval, one level). Reports, dashboard, API and exports then show the approved
values (targets.values); recomputation goes on and its result is shown beside them as the
current computation. Withdrawing an approval needs a reason, is audited and keeps the snapshot.
Pages, API, and the approve_year / unapprove_year commands all call these functions.
"""

from dataclasses import dataclass, field

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.records import KINDS

from .cache import bump_values_generation
from .links import records_behind
from .models import ApprovedValue, Indicator, IndicatorValue, Plan, YearApproval, YearlyFigure
from .models.approval import WITHDRAWAL_REASON_MAX

PERMISSION = "targets.approve_figures"
FIGURE_FIELDS = ("population", "public_budget", "ip_funding", "rd_expenditure", "special_fund")


class ApprovalRefused(Exception):
    """An approval or withdrawal that cannot be made; the message says why, in the user's language."""


def can_approve(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(PERMISSION))


def active_approval(plan: Plan, year: int) -> YearApproval | None:
    return YearApproval.objects.active().filter(plan=plan, year=year).select_related("approved_by").first()


def _figures(year: int) -> dict:
    figures = YearlyFigure.objects.filter(year=year).first()
    if figures is None:
        return {}
    return {name: None if getattr(figures, name) is None else str(getattr(figures, name)) for name in FIGURE_FIELDS}


def approve_year(plan: Plan, year: int, user) -> YearApproval:
    """Freeze the year's stored values as its approved snapshot; raises PermissionDenied without
    the permission, ApprovalRefused for a year outside the plan, one already approved, or a year
    not computed yet."""
    if not can_approve(user):
        raise PermissionDenied
    if year not in plan.years:
        raise ApprovalRefused(_("%(year)s is not a year of the plan.") % {"year": year})
    with transaction.atomic(), set_actor(user):
        Plan.objects.select_for_update().get(pk=plan.pk)  # one approval at a time per plan
        if YearApproval.objects.active().filter(plan=plan, year=year).exists():
            raise ApprovalRefused(_("%(year)s is already approved.") % {"year": year})
        stored = {v.indicator_id: v for v in IndicatorValue.objects.filter(indicator__plan=plan, year=year)}
        if not stored:
            raise ApprovalRefused(
                _("The indicators of %(year)s have not been computed yet: recompute them first.") % {"year": year}
            )
        approval = YearApproval.objects.create(
            plan=plan, year=year, approved_by=user, approved_at=timezone.now(), figures=_figures(year)
        )
        rows = []
        for indicator in plan.indicators.all():
            value = stored.get(indicator.pk)
            behind = records_behind(indicator, year)
            rows.append(
                ApprovedValue(
                    approval=approval,
                    indicator=indicator,
                    value=value.value if value else None,
                    reason=value.reason if value else "not_computed",
                    numerator=value.numerator if value else None,
                    denominator=value.denominator if value else None,
                    base_value=value.base_value if value else None,
                    inputs=value.inputs if value else {},
                    status=value.status if value else "no_data",
                    method=value.method if value else "",
                    computed_at=value.computed_at if value else None,
                    record_count=len(behind.items) if behind else None,
                    records=behind.as_json() if behind else {},
                )
            )
        ApprovedValue.objects.bulk_create(rows)
        bump_values_generation()
    return approval


def reason_too_long(length: int) -> str:
    """The message for a withdrawal reason of `length` characters, over WITHDRAWAL_REASON_MAX."""
    return _("The reason can be at most %(max)d characters long (it has %(length)d).") % {
        "max": WITHDRAWAL_REASON_MAX,
        "length": length,
    }


def unapprove_year(plan: Plan, year: int, user, reason: str) -> YearApproval:
    """Withdraw the year's approval (the snapshot stays, marked withdrawn, with who, when and
    why); raises PermissionDenied without the permission, ApprovalRefused without a reason, with
    one longer than WITHDRAWAL_REASON_MAX characters or without an approval to withdraw."""
    if not can_approve(user):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ApprovalRefused(_("Give the reason for withdrawing the approval."))
    if len(reason) > WITHDRAWAL_REASON_MAX:
        raise ApprovalRefused(reason_too_long(len(reason)))
    with transaction.atomic(), set_actor(user):
        approval = YearApproval.objects.active().select_for_update().filter(plan=plan, year=year).first()
        if approval is None:
            raise ApprovalRefused(_("%(year)s is not approved.") % {"year": year})
        approval.withdrawn_by = user
        approval.withdrawn_at = timezone.now()
        approval.withdrawal_reason = reason
        approval.save()
        bump_values_generation()
    return approval


@dataclass
class Drift:
    """The records that make the difference between an approved value and the current computation.

    Each list holds {"pk", "label", "url"} dicts (``label`` is "" and ``url`` "" for a record
    deleted since); ``listed`` is False when the indicator's records are not kept as a list."""

    listed: bool
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def as_json(self) -> dict:
        return {"listed": self.listed, "added": self.added, "removed": self.removed, "changed": self.changed}


def _described(kind_slug: str, pks: list[str]) -> list[dict]:
    kind = KINDS.get(kind_slug)
    if kind is None:
        return [{"pk": int(pk), "label": "", "url": ""} for pk in pks]
    found = kind.model.objects.in_bulk([int(pk) for pk in pks])
    rows = []
    for pk in sorted(pks, key=int):
        record = found.get(int(pk))
        try:
            url = reverse(f"{kind.namespace}:{kind.slug}-detail", args=[pk]) if record else ""
        except NoReverseMatch:
            url = ""
        rows.append({"pk": int(pk), "label": str(record) if record else "", "url": url})
    return rows


def drift(approved: ApprovedValue, indicator: Indicator, year: int) -> Drift:
    """Records added to, removed from, or changed in the indicator's list since the approval."""
    snapshot = approved.records or {}
    current = records_behind(indicator, year)
    if not snapshot or current is None:
        return Drift(listed=False)
    before, now = snapshot.get("items", {}), current.items
    slug = snapshot.get("kind", current.kind.slug)
    return Drift(
        listed=True,
        added=_described(slug, [pk for pk in now if pk not in before]),
        removed=_described(slug, [pk for pk in before if pk not in now]),
        changed=_described(slug, [pk for pk in now if pk in before and before[pk] != now[pk]]),
    )
