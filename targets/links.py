"""Where the records behind an indicator's number are listed (the filtered record lists)."""

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from .models import Indicator

# calculator → (list URL name, filters with {year} filled in)
PARK_PATENTS = "enterprises:patent-list"
LINKS: dict[str, tuple[str, dict]] = {
    "C1": (PARK_PATENTS, {"in_park": 1, "grant_year": "{year}"}),
    "C2": (PARK_PATENTS, {"in_park": 1, "pct_year": "{year}"}),
    "C3": (PARK_PATENTS, {"in_park": 1, "patent_type": "invention", "in_force_year": "{year}"}),
    "C4": (PARK_PATENTS, {"in_park": 1, "patent_type": "invention", "high_value_year": "{year}"}),
    "C6": (PARK_PATENTS, {"in_park": 1, "patent_type": "invention", "grant_year": "{year}"}),
    "C7": ("enterprises:trademark-list", {"in_park": 1, "year": "{year}"}),
    "C8": ("enterprises:trademark-list", {"in_park": 1, "in_force_year": "{year}"}),
    "C9": ("enterprises:trademark-list", {"in_park": 1, "geographical_indication": "true", "in_force_year": "{year}"}),
    "U4": ("finance:pledge-list", {"in_park": 1, "ip_type": "patent", "year": "{year}"}),
    "U5": ("finance:pledge-list", {"in_park": 1, "ip_type": "patent", "year": "{year}"}),
    "U6": ("finance:pledge-list", {"in_park": 1, "year": "{year}"}),
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
