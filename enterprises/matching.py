"""Linking records to park enterprises (by credit code) and pledged numbers to patent records.

All set-based: one UPDATE per table, whichever arrives first, the enterprise or its records,
the pledge or the patent.
"""

from collections.abc import Iterable

from django.db.models import OuterRef, Subquery

from .models import Copyright, Enterprise, ICLayoutDesign, Patent, PlantVariety, Trademark

HELD_MODELS = (Patent, Trademark, Copyright, ICLayoutDesign, PlantVariety)


def enterprise_ids(codes: Iterable[str]) -> dict[str, int]:
    """Park enterprise id of each credit code that belongs to one."""
    codes = {code for code in codes if code}
    if not codes:
        return {}
    return dict(Enterprise.objects.filter(credit_code__in=codes).values_list("credit_code", "id"))


def relink_holders(codes: Iterable[str] | None = None) -> None:
    """Point records at the park enterprise with their holder's credit code (or at none)."""
    from finance.models import Pledge

    codes = None if codes is None else sorted({code for code in codes if code})
    if codes == []:
        return
    match = Enterprise.objects.filter(credit_code=OuterRef("holder_credit_code")).values("id")[:1]
    for model in HELD_MODELS:
        records = model.objects.exclude(holder_credit_code="")
        if codes is not None:
            records = records.filter(holder_credit_code__in=codes)
        records.update(enterprise_id=Subquery(match))
    pledges = Pledge.objects.exclude(pledgor_credit_code="")
    if codes is not None:
        pledges = pledges.filter(pledgor_credit_code__in=codes)
    pledges.update(
        enterprise_id=Subquery(Enterprise.objects.filter(credit_code=OuterRef("pledgor_credit_code")).values("id")[:1])
    )


def link_pledged_patents() -> None:
    """Link the patent pledges' unlinked numbers to the patent records that now exist."""
    from finance.models import PledgedIPType, PledgedItem

    PledgedItem.objects.filter(pledge__ip_type=PledgedIPType.PATENT, patent__isnull=True).update(
        patent_id=Subquery(Patent.objects.filter(application_number=OuterRef("number")).values("id")[:1])
    )
