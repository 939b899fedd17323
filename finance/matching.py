"""Linking pledges (by the pledgor's credit code), IP transactions and technology contracts (by
the park party's) to park enterprises, and pledged numbers to patent records, set-based,
whichever arrives first; hooked into enterprises.matching."""

from django.db.models import OuterRef, Subquery

from enterprises.matching import AFTER_PATENTS_CHANGE, HOLDER_CODE_FIELDS, HOLDER_NAME_FIELDS
from enterprises.models import Patent

from .models import IPTransaction, Pledge, PledgedIPType, PledgedItem, TechContract


def link_pledged_patents() -> None:
    """Link the patent pledges' unlinked numbers to the patent records that now exist."""
    PledgedItem.objects.filter(pledge__ip_type=PledgedIPType.PATENT, patent__isnull=True).update(
        patent_id=Subquery(Patent.objects.filter(application_number=OuterRef("number")).values("id")[:1])
    )


HOLDER_CODE_FIELDS.extend(
    ((Pledge, "pledgor_credit_code"), (IPTransaction, "party_credit_code"), (TechContract, "party_credit_code"))
)
HOLDER_NAME_FIELDS.append((Pledge, "pledgor_name", "pledgor_credit_code"))
AFTER_PATENTS_CHANGE.append(link_pledged_patents)
