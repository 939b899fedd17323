"""Two sources reconciled: what enterprises declare in their filings against the imported patent,
trademark and pledge lists.

A record an approved filing created (no import had it yet) is not reconciled. It becomes
reconciled when an import row with the same natural key (application number; registration number
and class; pledge registration number) updates it, or when an official marks it reconciled after
checking it (who and when are kept). Until then it counts towards no claim on the special fund
(finance.claims.eligible_records).

The worklist has three parts: declared but not found in the imports (the unreconciled records);
imported but never declared (park records dated in a year that no approved filing names); and
approved filings whose record, as the import has it, disagrees with what was declared (title,
dates, holder, amount).
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ReviewState
from ipportal.dates import parse_year as bounded_year

from .models import Filing, Patent, Trademark


@dataclass(frozen=True)
class Source:
    """One imported list a filing kind is reconciled against."""

    slug: str
    label: str
    model: type[models.Model]
    filing_kind: str
    date_field: str  # the date the year filter applies to
    # (label, filing field, record field) pairs compared when a filing is linked to its record
    compared: tuple[tuple[str, str, str], ...]


# The lists of this app; finance registers pledges (finance.filings).
SOURCES = {
    source.slug: source
    for source in (
        Source(
            "patent",
            _("patents"),
            Patent,
            Filing.Kind.PATENT,
            "grant_date",
            (
                (_("title"), "title", "title"),
                (_("application date"), "filed_on", "application_date"),
                (_("grant date"), "event_date", "grant_date"),
            ),
        ),
        Source(
            "trademark",
            _("trademarks"),
            Trademark,
            Filing.Kind.TRADEMARK,
            "registration_date",
            (
                (_("mark"), "title", "mark"),
                (_("registration date"), "event_date", "registration_date"),
            ),
        ),
    )
}


def register_source(source: Source) -> None:
    """Add a list kept by another app (finance: pledges) to the worklist, after this app's."""
    SOURCES[source.slug] = source


APPROVED = (ReviewState.APPROVED, ReviewState.PAID)


@dataclass
class Disagreement:
    filing: Filing
    record: models.Model
    fields: list[tuple[str, object, object]]  # (label, declared, imported)


def declared_not_imported(source: Source) -> models.QuerySet:
    """Records only a filing declares so far."""
    return source.model.objects.filter(reconciled=False).select_related("enterprise").order_by(source.date_field)


def _declared_ids(source: Source) -> models.QuerySet:
    return Filing.objects.filter(
        kind=source.filing_kind,
        state__in=APPROVED,
        record_type=ContentType.objects.get_for_model(source.model),
    ).values("record_id")


def imported_not_declared(source: Source, year: int) -> models.QuerySet:
    """Park records dated in the year, confirmed by an import, that no approved filing names."""
    return (
        source.model.objects.filter(enterprise__isnull=False, reconciled=True, **{f"{source.date_field}__year": year})
        .exclude(pk__in=_declared_ids(source))
        .select_related("enterprise")
        .order_by("enterprise__name", source.date_field)
    )


def _same(declared, imported) -> bool:
    if declared in (None, ""):
        return True  # nothing declared for an optional field
    if isinstance(declared, str) and isinstance(imported, str):
        return declared.strip() == imported.strip()
    return declared == imported


def disagreements(source: Source) -> list[Disagreement]:
    """Approved filings whose record, as imported, differs from what was declared (holder included)."""
    filings = list(
        Filing.objects.filter(kind=source.filing_kind, state__in=APPROVED, record_id__isnull=False)
        .filter(record_type=ContentType.objects.get_for_model(source.model))
        .select_related("enterprise")
        .order_by("enterprise__name", "number")
    )
    records = source.model.objects.select_related("enterprise").in_bulk([f.record_id for f in filings])
    found = []
    for filing in filings:
        record = records.get(filing.record_id)
        if record is None or not record.reconciled:
            continue  # a record not yet imported is in the first list
        fields = [
            (str(label), getattr(filing, declared), getattr(record, imported))
            for label, declared, imported in source.compared
            if not _same(getattr(filing, declared), getattr(record, imported))
        ]
        if record.enterprise_id != filing.enterprise_id:
            fields.append(
                (str(_("holder")), filing.enterprise, record.enterprise or getattr(record, "holder_name", ""))
            )
        if fields:
            found.append(Disagreement(filing, record, fields))
    return found


def mark_reconciled(record: models.Model, user) -> None:
    """An official confirms a record only a filing declared (after checking it against the register)."""
    record.reconciled = True
    record.reconciled_by = user
    record.reconciled_at = timezone.now()
    record.save(update_fields=["reconciled", "reconciled_by", "reconciled_at", "updated_at"])


def worklist(year: int) -> list[dict]:
    """The three parts of the worklist for each imported list."""
    return [
        {
            "source": source,
            "declared": list(declared_not_imported(source)),
            "imported": imported_not_declared(source, year),
            "disagreeing": disagreements(source),
        }
        for source in SOURCES.values()
    ]


def default_year() -> int:
    return timezone.localdate().year


def parse_year(text: str | None) -> int:
    try:
        return bounded_year(text or "")
    except ValueError:
        return default_year()
