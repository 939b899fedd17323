"""Early warnings (§2 of issue 16): after a recomputation, the indicators whose status or
progress category got worse are sent to the office in one notice (portal and e-mail), each with
its before and after and a link; nothing is sent when nothing got worse. An indicator muted for a
year (IndicatorMute) is left out for that year.

Worse means further down these orders; "no data" / "insufficient data" on either side is not
ranked, so a first computation or a value that disappears warns no one.
"""

from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_noop

from core.review import announce, officials
from ipportal.coded import coded

from .categories import Category, assess
from .models import EarlyWarning, Indicator, IndicatorMute, Plan, RecomputeRun, Status

STATUS_RANK = {Status.ACHIEVED: 0, Status.ON_TRACK: 1, Status.AT_RISK: 2, Status.BEHIND: 3}
CATEGORY_RANK = {
    Category.ACHIEVED: 0,
    Category.ON_TRACK: 1,
    Category.ACCELERATION_NEEDED: 2,
    Category.LIMITED_PROGRESS: 3,
    Category.DETERIORATION: 4,
}


def _worse(rank: dict, before: str, after: str) -> bool:
    return before in rank and after in rank and rank[after] > rank[before]


def _text(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


def worsened(
    plan: Plan,
    indicators: list[Indicator],
    years: list[int],
    before: dict[tuple[int, int], tuple[Decimal | None, str]],
    after: dict[tuple[int, int], tuple[Decimal | None, str]],
    base_before: dict[int, Decimal | None],
    base_after: dict[int, Decimal | None],
) -> list[dict]:
    """The changes for the worse between two sets of (value, status) per (indicator id, year)."""
    muted = set(IndicatorMute.objects.filter(indicator__plan=plan, year__in=years).values_list("indicator_id", "year"))
    changes = []
    for indicator in indicators:
        for year in years:
            key = (indicator.pk, year)
            if key not in before or key in muted:
                continue
            (old_value, old_status), (new_value, new_status) = before[key], after[key]
            old_category = assess(indicator, plan, year, old_value, base_before.get(indicator.pk)).category
            new_category = assess(indicator, plan, year, new_value, base_after.get(indicator.pk)).category
            if _worse(STATUS_RANK, old_status, new_status) or _worse(CATEGORY_RANK, old_category, new_category):
                changes.append(
                    {
                        "code": indicator.code,
                        "name_zh": indicator.name_zh,
                        "name_en": indicator.name_en,
                        "year": year,
                        "status_before": old_status,
                        "status_after": new_status,
                        "category_before": str(old_category),
                        "category_after": str(new_category),
                        "value_before": _text(old_value),
                        "value_after": _text(new_value),
                    }
                )
    return changes


def labelled(change: dict) -> dict:
    """A change with its labels in the active language, for pages and messages."""
    english = (translation.get_language() or "").startswith("en")
    return {
        **change,
        "name": change["name_en"] if english and change["name_en"] else change["name_zh"],
        "status_before_label": Status(change["status_before"]).label,
        "status_after_label": Status(change["status_after"]).label,
        "category_before_label": Category(change["category_before"]).label,
        "category_after_label": Category(change["category_after"]).label,
    }


def warn(changes: list[dict], run: RecomputeRun | None = None) -> EarlyWarning | None:
    """One notice to the office for all the changes; None when there are none."""
    if not changes:
        return None
    warning = EarlyWarning.objects.create(run=run, changes=changes)
    with translation.override(settings.LANGUAGE_CODE):
        title = coded(gettext_noop("Early warning: %(count)d indicator values got worse"), count=len(changes))
        body = render_to_string(
            "targets/email/early_warning.txt",
            {"changes": [labelled(change) for change in changes], "site": settings.SITE_URL.rstrip("/")},
        ).strip()
    announce(officials(), title, body, warning.get_absolute_url())
    return warning
