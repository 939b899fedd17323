"""Where the records behind an indicator's number are listed (the filtered record lists)."""

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

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
    "U9": ("finance:transaction-list", {"year": "{year}"}),
    "U10": ("finance:contract-list", {"year": "{year}"}),
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
