"""What each kind of filing asks for, and how an approved filing joins the registry.

An approved filing is merged by the record's natural key with what imports bring: if the
record exists (imported earlier) it is completed and linked to the enterprise; if not, it is
created with source "enterprise filing" and not reconciled, and a later import of the same number
updates that same row and reconciles it (enterprises.reconciliation). Either way there is one
record per number.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from core.models import ReviewState
from core.review import OPEN, TransitionRefused, move
from ipportal.dates import FIRST_DAY, LAST_DAY
from targets.tasks import request_recompute

from .codes import normalize_patent_number, patent_type_of
from .models import (
    Certification,
    Copyright,
    Filing,
    ICLayoutDesign,
    LegalStatus,
    Patent,
    PlantVariety,
    Source,
    Trademark,
    TrademarkStatus,
    default_expiry,
)


@dataclass(frozen=True)
class FilingSpec:
    """A kind of filing: the form fields it uses (others stay empty), their labels for it, and how
    an approved one joins the registry (`apply`: the filing -> the record; raises ApprovalRefused).

    `clean_number` puts the number in the registry's form (raises ValidationError); `check` adds
    the kind's own problems to {field: message} for cleaned form data (it may normalise data).
    Kinds whose records live in another app (awards, pledges: finance) are registered by it."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    subtypes: tuple[tuple[str, str], ...] = ()
    apply: Callable[[Filing], models.Model] | None = None
    clean_number: Callable[[str], str] | None = None
    check: Callable[[dict, dict], None] | None = None

    @property
    def fields(self) -> tuple[str, ...]:
        return self.required + self.optional


def register(kind: str, spec: FilingSpec) -> None:
    """Add a kind of filing whose records another app keeps (its `filings` module calls this)."""
    SPECS[kind] = spec


def subtypes_of(kind: str) -> tuple[tuple[str, str], ...]:
    return SPECS[kind].subtypes


def clean_number(kind: str, number: str) -> str:
    """The number in the registry's canonical form (patent numbers verified); ValidationError if wrong."""
    number = (number or "").strip()
    clean = SPECS[kind].clean_number
    return clean(number) if clean and number else number


DUPLICATE_NUMBER = _("This number is already filed by your enterprise.")


def number_taken(enterprise, kind: str, number: str, filing: Filing | None = None) -> bool:
    """Whether the enterprise has filed this number for this kind already (rejected filings do not
    count), for a clear answer before saving; the unique_filing_number constraint holds the same
    rule when two posts race."""
    if not number:
        return False
    taken = Filing.objects.filter(enterprise=enterprise, kind=kind, number=number).exclude(state=ReviewState.REJECTED)
    if filing is not None and filing.pk:
        taken = taken.exclude(pk=filing.pk)
    return taken.exists()


class ApprovalRefused(Exception):
    """The filing cannot join the registry as it stands (the message says why)."""


def apply(filing: Filing) -> models.Model:
    """Merge the filing into the registry; return the record. Raises ApprovalRefused."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = SPECS[filing.kind].apply(filing)
        except IntegrityError:
            # Another approval created the same record after this one looked for it; the unique
            # index waited for it to commit. Merge with it as with any record found.
            record = SPECS[filing.kind].apply(filing)
        filing.record_type = ContentType.objects.get_for_model(record)
        filing.record_id = record.pk
        filing.save(update_fields=["record_type", "record_id", "updated_at"])
    return record


REVIEW_ACTIONS = ("start", "approve", "return", "reject")


def review(filing_id: int, action: str, user, comment: str = "") -> Filing:
    """An official's step on a filing, for the page and the API alike: start the review, approve
    (the record joins the registry), return for changes or reject (both need a comment).
    Raises TransitionRefused or ApprovalRefused with the reason, and ValueError for an unknown action."""
    if action not in REVIEW_ACTIONS:
        raise ValueError(action)
    comment = comment.strip()
    with transaction.atomic():
        filing = Filing.objects.select_for_update().get(pk=filing_id)
        if action == "start":
            move(
                filing,
                ReviewState.UNDER_REVIEW,
                user,
                comment,
                allowed_from=(ReviewState.SUBMITTED,),
                officials_only=True,
            )
        elif action == "approve":
            request_recompute(f"filing approval {filing.pk}")  # first asked in the transaction: it names the run
            apply(filing)
            move(filing, ReviewState.APPROVED, user, comment, allowed_from=OPEN, officials_only=True)
        else:
            if not comment:
                raise TransitionRefused(
                    _("Say what needs to change.") if action == "return" else _("Give the reason for the rejection.")
                )
            target = ReviewState.RETURNED if action == "return" else ReviewState.REJECTED
            move(filing, target, user, comment, allowed_from=OPEN, officials_only=True)
    return filing


def _claim_holder(record, filing: Filing) -> None:
    """An existing record names the filing enterprise as holder, or no park enterprise yet."""
    if record.enterprise_id not in (None, filing.enterprise_id):
        raise ApprovalRefused(
            _("The registry records this right for another enterprise (%(holder)s).") % {"holder": record.enterprise}
        )
    if record.enterprise_id is None:
        record.enterprise = filing.enterprise
        record.holder_name = record.holder_name or filing.enterprise.name
        record.holder_credit_code = filing.enterprise.credit_code


def _held(model, filing: Filing, key: dict, values: dict):
    record = model.objects.filter(**key).first()
    if record is None:
        return model.objects.create(
            **key,
            **values,
            holder_name=filing.enterprise.name,
            holder_credit_code=filing.enterprise.credit_code,
            enterprise=filing.enterprise,
            source=Source.FILING,
            reconciled=False,
        )
    _claim_holder(record, filing)
    for name, value in values.items():
        if getattr(record, name) in (None, "") or name in ("grant_date", "legal_status"):
            setattr(record, name, value)
    record.save()
    return record


def _patent(filing: Filing) -> Patent:
    number = normalize_patent_number(filing.number)
    values = {
        "patent_type": patent_type_of(number),
        "title": filing.title,
        "application_date": filing.filed_on,
        "grant_date": filing.event_date,
        "legal_status": LegalStatus.VALID,
    }
    return _held(Patent, filing, {"application_number": number}, values)


def _trademark(filing: Filing) -> Trademark:
    values = {
        "mark": filing.title,
        "application_date": filing.filed_on,
        "registration_date": filing.event_date,
        "expiry_date": filing.expires_on or default_expiry(filing.event_date),
        "status": TrademarkStatus.VALID,
    }
    return _held(Trademark, filing, {"registration_number": filing.number, "nice_class": filing.nice_class}, values)


def _copyright(filing: Filing) -> Copyright:
    values = {"title": filing.title, "kind": filing.subtype, "registration_date": filing.event_date}
    return _held(Copyright, filing, {"registration_number": filing.number}, values)


def _ic_layout(filing: Filing) -> ICLayoutDesign:
    values = {"title": filing.title, "application_date": filing.filed_on, "registration_date": filing.event_date}
    return _held(ICLayoutDesign, filing, {"registration_number": filing.number}, values)


def _plant_variety(filing: Filing) -> PlantVariety:
    values = {"title": filing.title, "registration_date": filing.event_date}
    return _held(PlantVariety, filing, {"registration_number": filing.number}, values)


def _certification(filing: Filing) -> Certification:
    certificate = Certification.objects.filter(standard=filing.subtype, certificate_number=filing.number).first()
    if certificate is None:
        return Certification.objects.create(
            enterprise=filing.enterprise,
            standard=filing.subtype,
            certificate_number=filing.number,
            certification_body=filing.counterpart,
            issue_date=filing.event_date,
            expiry_date=filing.expires_on,
        )
    if certificate.enterprise_id != filing.enterprise_id:
        raise ApprovalRefused(
            _("The registry records this right for another enterprise (%(holder)s).")
            % {"holder": certificate.enterprise}
        )
    return certificate


def validate_for_kind(kind: str, data: dict) -> dict:
    """Per-kind checks on cleaned form data; returns {field: message} for the problems."""
    problems = {}
    spec = SPECS[kind]
    for name in spec.required:
        if data.get(name) in (None, ""):
            problems[name] = _("This field is required.")
    if data.get("number"):
        try:
            data["number"] = clean_number(kind, data["number"])
        except ValidationError as error:
            problems["number"] = error.messages[0]
    if spec.check:
        spec.check(data, problems)
    for name in ("filed_on", "event_date", "expires_on"):
        if data.get(name) and not FIRST_DAY <= data[name] <= LAST_DAY:
            problems[name] = _("a date from 1900-01-01 to 2100-12-31")
    if data.get("filed_on") and data.get("event_date") and data["filed_on"] > data["event_date"]:
        problems["filed_on"] = _("The application date is after the grant or registration date.")
    if data.get("expires_on") and data.get("event_date") and data["expires_on"] < data["event_date"]:
        problems["expires_on"] = _("The end date is before the start date.")
    return problems


def _check_nice_class(data: dict, problems: dict) -> None:
    if data.get("nice_class") is not None and not 1 <= data["nice_class"] <= 45:
        problems["nice_class"] = _("The Nice class is a number from 1 to 45.")


# Kinds of filings, by Filing.Kind; finance registers awards and pledges (finance.filings).
SPECS: dict[str, FilingSpec] = {
    Filing.Kind.PATENT: FilingSpec(
        ("number", "title", "filed_on", "event_date"),
        labels={"number": _("application number"), "event_date": _("grant date")},
        apply=_patent,
        clean_number=normalize_patent_number,
    ),
    Filing.Kind.TRADEMARK: FilingSpec(
        ("number", "nice_class", "title", "event_date"),
        ("filed_on", "expires_on"),
        labels={
            "number": _("registration number"),
            "title": _("mark"),
            "event_date": _("registration date"),
            "expires_on": _("expiry date (default: registration + 10 years − 1 day)"),
        },
        apply=_trademark,
        check=_check_nice_class,
    ),
    Filing.Kind.COPYRIGHT: FilingSpec(
        ("number", "subtype", "title", "event_date"),
        labels={"number": _("registration number"), "event_date": _("registration date"), "subtype": _("kind")},
        subtypes=tuple(Copyright.Kind.choices),
        apply=_copyright,
    ),
    Filing.Kind.IC_LAYOUT: FilingSpec(
        ("number", "title", "event_date"),
        ("filed_on",),
        labels={"number": _("registration number"), "title": _("design name"), "event_date": _("announcement date")},
        apply=_ic_layout,
    ),
    Filing.Kind.PLANT_VARIETY: FilingSpec(
        ("number", "title", "event_date"),
        labels={"number": _("variety right number"), "title": _("variety name"), "event_date": _("grant date")},
        apply=_plant_variety,
    ),
    Filing.Kind.CERTIFICATION: FilingSpec(
        ("subtype", "number", "counterpart", "event_date", "expires_on"),
        labels={
            "subtype": _("standard"),
            "number": _("certificate number"),
            "counterpart": _("certification body"),
            "event_date": _("issue date"),
            "expires_on": _("expiry date"),
        },
        apply=_certification,
        subtypes=tuple(Certification.Standard.choices),
    ),
}
