"""Where the records behind an indicator's number are listed (the filtered record lists)."""

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from .models import Indicator

# calculator → (list URL name, filters with {year} filled in)
LINKS: dict[str, tuple[str, dict]] = {}


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
