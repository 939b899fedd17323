"""Linking records to park enterprises (by credit code); other apps hook their own links in.

All set-based: one UPDATE per table, whichever arrives first, the enterprise or its records,
the pledge or the patent.
"""

from collections.abc import Callable, Iterable

from django.db.models import Model, OuterRef, Subquery

from .models import Copyright, Enterprise, ICLayoutDesign, Patent, PlantVariety, Trademark

HELD_MODELS = (Patent, Trademark, Copyright, ICLayoutDesign, PlantVariety)

# Every model whose rows name a holder by credit code, with that field. Other apps add theirs
# (finance: pledges by the pledgor's code) from their `matching` module.
HOLDER_CODE_FIELDS: list[tuple[type[Model], str]] = [(model, "holder_credit_code") for model in HELD_MODELS]

# Called after patent records were added or renumbered (finance links pledged numbers to them).
AFTER_PATENTS_CHANGE: list[Callable[[], None]] = []


def enterprise_ids(codes: Iterable[str]) -> dict[str, int]:
    """Park enterprise id of each credit code that belongs to one."""
    codes = {code for code in codes if code}
    if not codes:
        return {}
    return dict(Enterprise.objects.filter(credit_code__in=codes).values_list("credit_code", "id"))


def relink_holders(codes: Iterable[str] | None = None) -> None:
    """Point records at the park enterprise with their holder's credit code (or at none); only
    the records of the given codes when codes are given (HOLDER_CODE_FIELDS)."""
    codes = None if codes is None else sorted({code for code in codes if code})
    if codes == []:
        return
    for model, code_field in HOLDER_CODE_FIELDS:
        records = model.objects.exclude(**{code_field: ""})
        if codes is not None:
            records = records.filter(**{f"{code_field}__in": codes})
        match = Enterprise.objects.filter(credit_code=OuterRef(code_field)).values("id")[:1]
        records.update(enterprise_id=Subquery(match))


def patents_changed() -> None:
    """Let the records that point at patents by number find the patent records (AFTER_PATENTS_CHANGE)."""
    for follow_up in AFTER_PATENTS_CHANGE:
        follow_up()
