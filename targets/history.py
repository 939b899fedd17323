"""What an indicator's page and API add to its yearly rows: the history of its stored values,
its approvals (active and withdrawn), the drift of approved years, and official statistics."""

from django.utils import timezone
from django.utils.translation import gettext as _

from .approval import drift
from .models import ApprovedValue, Indicator, OfficialStatistic, ValueChange
from .values import as_number


def value_changes(indicator: Indicator) -> list[ValueChange]:
    """The values recomputations replaced, newest first (value before → after, trigger)."""
    return list(ValueChange.objects.filter(indicator=indicator).select_related("run"))


def approval_history(indicator: Indicator) -> list[ApprovedValue]:
    """The indicator's value in every approval of its plan, active and withdrawn, newest first."""
    return list(
        ApprovedValue.objects.filter(indicator=indicator)
        .select_related("approval__approved_by", "approval__withdrawn_by")
        .order_by("-approval__approved_at", "-approval__pk")
    )


def official_statistics(indicator: Indicator) -> dict[int, OfficialStatistic]:
    return {row.year: row for row in indicator.official_statistics.select_related("entered_by")}


def annotate(indicator: Indicator, rows: list[dict]) -> list[dict]:
    """Add to each yearly row ``drift`` (approved years: targets.approval.Drift) and ``official``
    (the official statistic, with ``gap`` = computed value − official figure), both None if none."""
    officials = official_statistics(indicator)
    for row in rows:
        approved = row.get("approved_value")
        row["drift"] = drift(approved, indicator, row["year"]) if approved is not None else None
        official = officials.get(row["year"])
        row["official"] = official
        current = row["computed"]
        row["official_gap"] = None if official is None or current is None else current - official.value
    return rows


def json_extra(row: dict) -> dict:
    """The annotations of a row for the API."""
    official = row["official"]
    return {
        "drift": row["drift"].as_json() if row["drift"] is not None else None,
        "official": {
            "value": as_number(official.value),
            "source": official.source,
            "published_on": official.published_on.isoformat(),
            "gap": as_number(row["official_gap"]),
        }
        if official is not None
        else None,
    }


def json_change(change: ValueChange) -> dict:
    return {
        "year": change.year,
        "value": as_number(change.value),
        "new_value": as_number(change.new_value),
        "numerator": as_number(change.numerator),
        "denominator": as_number(change.denominator),
        "inputs": change.inputs,
        "status": change.status,
        "computed_at": timezone.localtime(change.computed_at).isoformat(),
        "changed_at": timezone.localtime(change.changed_at).isoformat(),
        "trigger": change.trigger,
        "trigger_label": change.trigger_label,
    }


def json_approval(row: ApprovedValue) -> dict:
    approval = row.approval
    return {
        "year": approval.year,
        "value": as_number(row.value),
        "record_count": row.record_count,
        "approved_by": approval.approved_by.username,
        "approved_at": timezone.localtime(approval.approved_at).isoformat(),
        "withdrawn_by": approval.withdrawn_by.username if approval.withdrawn_by else None,
        "withdrawn_at": timezone.localtime(approval.withdrawn_at).isoformat() if approval.withdrawn_at else None,
        "withdrawal_reason": approval.withdrawal_reason,
    }


def chart_series(rows: list[dict], changes: list[ValueChange]) -> list[tuple[str, list]]:
    """Series the indicator's chart adds to its values and target path: the value each year had
    before its last change, the current computation where a year is approved, and the official
    statistics (each only when there is something to show)."""
    last_change: dict[int, ValueChange] = {}
    for change in changes:  # newest first
        last_change.setdefault(change.year, change)
    series = []
    if last_change:
        series.append(
            (_("value before the last change"), [getattr(last_change.get(row["year"]), "value", None) for row in rows])
        )
    if any(row["approved"] for row in rows):
        series.append((_("current computation"), [row["computed"] if row["approved"] else None for row in rows]))
    if any(row.get("official") for row in rows):
        series.append(
            (_("official statistic"), [row["official"].value if row.get("official") else None for row in rows])
        )
    return series
