"""Where the records behind an indicator's number are listed (the filtered record lists), and
which records those are (``records_behind``: what an approval freezes and the drift compares)."""

import hashlib
from dataclasses import dataclass

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from core.records import KINDS, RecordKind

from .models import Indicator

# calculator → (list URL name, filters with {year} filled in); records only an enterprise declared
# (reconciled=0) are left out, as the indicators leave them out.
PARK_PATENTS = "enterprises:patent-list"
LINKS: dict[str, tuple[str, dict]] = {
    "C1": (PARK_PATENTS, {"in_park": 1, "reconciled": 1, "grant_year": "{year}"}),
    "C2": (PARK_PATENTS, {"in_park": 1, "reconciled": 1, "pct_year": "{year}"}),
    "C3": (PARK_PATENTS, {"in_park": 1, "reconciled": 1, "patent_type": "invention", "in_force_year": "{year}"}),
    "C4": (PARK_PATENTS, {"in_park": 1, "reconciled": 1, "patent_type": "invention", "high_value_year": "{year}"}),
    "C6": (PARK_PATENTS, {"in_park": 1, "reconciled": 1, "patent_type": "invention", "grant_year": "{year}"}),
    "C7": ("enterprises:trademark-list", {"in_park": 1, "reconciled": 1, "year": "{year}"}),
    "C8": ("enterprises:trademark-list", {"in_park": 1, "reconciled": 1, "in_force_year": "{year}"}),
    "C9": (
        "enterprises:trademark-list",
        {"in_park": 1, "reconciled": 1, "geographical_indication": "true", "in_force_year": "{year}"},
    ),
    "U4": ("finance:pledge-list", {"in_park": 1, "reconciled": 1, "ip_type": "patent", "year": "{year}"}),
    "U5": ("finance:pledge-list", {"in_park": 1, "reconciled": 1, "ip_type": "patent", "year": "{year}"}),
    "U6": ("finance:pledge-list", {"in_park": 1, "reconciled": 1, "year": "{year}"}),
    "U1": ("finance:project-list", {"year": "{year}"}),
    # U9/U10 count only transactions and contracts with a park enterprise as a party.
    "U9": ("finance:transaction-list", {"in_park": 1, "year": "{year}"}),
    "U10": ("finance:contract-list", {"in_park": 1, "year": "{year}"}),
    "U11": ("finance:navigation-list", {"year": "{year}", "kind": "enterprise"}),
    "P1": ("enforcement:case-list", {"year": "{year}", "flagged": 1}),
    "P2": ("enforcement:survey-list", {"year": "{year}"}),
    "P3": ("training:event-list", {"year": "{year}"}),
}


def records_link(indicator: Indicator, year: int) -> str | None:
    spec = LINKS.get(indicator.calculator)
    if spec is None:
        return None
    url_name, params = spec
    try:
        url = reverse(url_name)
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode({key: str(value).format(year=year) for key, value in params.items()})}"


# Beside a value: the records left out of it (enterprises' declarations awaiting confirmation,
# lapsed patents whose lapse date nobody knows), where they are listed.
NOTE_LINKS: dict[str, tuple[str, dict]] = {
    "declared": ("enterprises:reconciliation", {"year": "{year}"}),
    "lapse_date_unknown": (
        PARK_PATENTS,
        {"in_park": 1, "patent_type": "invention", "legal_status": "lapsed", "lapse_date_unknown": "true"},
    ),
}


def value_notes(inputs: dict, year: int) -> list[dict]:
    """The notes a stored value carries in its inputs, each with its count and the list behind it."""
    notes = []
    for key, (url_name, params) in NOTE_LINKS.items():
        if inputs.get(key):
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                url = ""
            query = urlencode({name: str(value).format(year=year) for name, value in params.items()})
            notes.append({"kind": key, "count": inputs[key], "url": f"{url}?{query}" if url else ""})
    return notes


@dataclass
class RecordsBehind:
    """The records a value is counted from, as the indicator's record list shows them:
    ``items`` maps each record's pk (as text) to a fingerprint of its fields, so a record that
    changed since a snapshot can be told from one that did not."""

    kind: RecordKind
    items: dict[str, str]

    def as_json(self) -> dict:
        return {"kind": self.kind.slug, "items": self.items}


def fingerprint(row: tuple) -> str:
    """A short hash of a record's field values (16 hex digits)."""
    return hashlib.blake2b(repr(row).encode(), digest_size=8).hexdigest()


def fingerprint_fields(model: type[models.Model]) -> list[str]:
    """The fields whose change makes a record "changed": all but its pk and automatic timestamps."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if not field.primary_key and not getattr(field, "auto_now", False)
    ]


def kind_for(url_name: str) -> RecordKind | None:
    return next((kind for kind in KINDS.values() if kind.list_url == url_name), None)


def records_behind(indicator: Indicator, year: int) -> RecordsBehind | None:
    """The records behind an indicator's value for a year (the filtered list its page links to),
    or None when the portal does not list them (figures, reported values, counts of enterprises)."""
    spec = LINKS.get(indicator.calculator)
    kind = kind_for(spec[0]) if spec else None
    if kind is None:
        return None
    params = {key: str(value).format(year=year) for key, value in spec[1].items()}
    queryset = kind.filterset(params, queryset=kind.model.objects.all()).qs.order_by()
    fields = fingerprint_fields(kind.model)
    items = {str(row[0]): fingerprint(row[1:]) for row in queryset.values_list("pk", *fields)}
    return RecordsBehind(kind, items)
