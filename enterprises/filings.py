"""What each kind of filing asks for, and how an approved filing joins the registry.

An approved filing is merged by the record's natural key with what imports bring: if the
record exists (imported earlier) it is completed and linked to the enterprise; if not, it is
created with source "enterprise filing" and not reconciled, and a later import of the same number
updates that same row and reconciles it (enterprises.reconciliation). Either way there is one
record per number.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from ipportal.dates import FIRST_DAY, LAST_DAY

from .codes import normalize_patent_number, patent_type_of
from .models import (
    Certification,
    Copyright,
    Filing,
    ICLayoutDesign,
    LegalStatus,
    Patent,
    PlantVariety,
    ReviewState,
    Source,
    Trademark,
    TrademarkStatus,
    default_expiry,
)


@dataclass(frozen=True)
class FilingSpec:
    """The form fields a kind of filing uses (others stay empty) and their labels for it."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    subtypes: tuple[tuple[str, str], ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return self.required + self.optional


def _award_kinds():
    from finance.models import Award

    return tuple(Award.Kind.choices)


def _pledge_types():
    from finance.models import PledgedIPType

    return tuple(PledgedIPType.choices)


SPECS: dict[str, FilingSpec] = {
    Filing.Kind.PATENT: FilingSpec(
        ("number", "title", "filed_on", "event_date"),
        labels={"number": _("application number"), "event_date": _("grant date")},
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
    ),
    Filing.Kind.COPYRIGHT: FilingSpec(
        ("number", "subtype", "title", "event_date"),
        labels={"number": _("registration number"), "event_date": _("registration date"), "subtype": _("kind")},
        subtypes=tuple(Copyright.Kind.choices),
    ),
    Filing.Kind.IC_LAYOUT: FilingSpec(
        ("number", "title", "event_date"),
        ("filed_on",),
        labels={"number": _("registration number"), "title": _("design name"), "event_date": _("announcement date")},
    ),
    Filing.Kind.PLANT_VARIETY: FilingSpec(
        ("number", "title", "event_date"),
        labels={"number": _("variety right number"), "title": _("variety name"), "event_date": _("grant date")},
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
    ),
    Filing.Kind.AWARD: FilingSpec(
        ("subtype", "title", "event_date"),
        ("number",),
        labels={
            "subtype": _("award"),
            "title": _("awarded work"),
            "event_date": _("date awarded"),
            "number": _("application number of the awarded patent"),
        },
    ),
    Filing.Kind.PLEDGE: FilingSpec(
        ("number", "subtype", "title", "counterpart", "amount", "event_date"),
        ("expires_on",),
        labels={
            "number": _("pledge registration number"),
            "subtype": _("pledged IP type"),
            "title": _("pledged numbers (separated by ; or ,)"),
            "counterpart": _("pledgee (bank or lender)"),
            "amount": _("financing amount (yuan)"),
            "event_date": _("registration date"),
            "expires_on": _("pledge end date"),
        },
    ),
}


def subtypes_of(kind: str) -> tuple[tuple[str, str], ...]:
    if kind == Filing.Kind.CERTIFICATION:
        return tuple(Certification.Standard.choices)
    if kind == Filing.Kind.AWARD:
        return _award_kinds()
    if kind == Filing.Kind.PLEDGE:
        return _pledge_types()
    return SPECS[kind].subtypes


def clean_number(kind: str, number: str) -> str:
    """The number in the registry's canonical form (patent numbers verified); ValidationError if wrong."""
    number = (number or "").strip()
    if kind == Filing.Kind.PATENT or (kind == Filing.Kind.AWARD and number):
        return normalize_patent_number(number)
    return number


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
                record = APPLY[filing.kind](filing)
        except IntegrityError:
            # Another approval created the same record after this one looked for it; the unique
            # index waited for it to commit. Merge with it as with any record found.
            record = APPLY[filing.kind](filing)
        filing.record_type = ContentType.objects.get_for_model(record)
        filing.record_id = record.pk
        filing.save(update_fields=["record_type", "record_id", "updated_at"])
    return record


REVIEW_ACTIONS = ("start", "approve", "return", "reject")


def review(filing_id: int, action: str, user, comment: str = "") -> Filing:
    """An official's step on a filing, for the page and the API alike: start the review, approve
    (the record joins the registry), return for changes or reject (both need a comment).
    Raises TransitionRefused or ApprovalRefused with the reason, and ValueError for an unknown action."""
    from .workflow import OPEN, TransitionRefused, move

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


def _award(filing: Filing):
    from finance.models import Award

    patent = Patent.objects.filter(application_number=filing.number).first() if filing.number else None
    award, _created = Award.objects.get_or_create(
        kind=filing.subtype,
        title=filing.title,
        award_date=filing.event_date,
        enterprise=filing.enterprise,
        defaults={"patent": patent},
    )
    return award


def _pledge(filing: Filing):
    from finance.importing import split_numbers
    from finance.models import Pledge, PledgedItem

    from .matching import link_pledged_patents

    pledge = Pledge.objects.filter(registration_number=filing.number).first()
    if pledge is None:
        pledge = Pledge.objects.create(
            registration_number=filing.number,
            pledgor_name=filing.enterprise.name,
            pledgor_credit_code=filing.enterprise.credit_code,
            enterprise=filing.enterprise,
            pledgee_name=filing.counterpart,
            ip_type=filing.subtype,
            amount=filing.amount,
            registration_date=filing.event_date,
            end_date=filing.expires_on,
            reconciled=False,
        )
        numbers = split_numbers(filing.title)
        PledgedItem.objects.bulk_create(
            PledgedItem(pledge=pledge, number=number, position=index) for index, number in enumerate(numbers)
        )
        link_pledged_patents()
    elif pledge.enterprise_id not in (None, filing.enterprise_id):
        raise ApprovalRefused(
            _("The registry records this pledge for another enterprise (%(holder)s).") % {"holder": pledge.enterprise}
        )
    elif pledge.enterprise_id is None:
        pledge.enterprise = filing.enterprise
        pledge.save(update_fields=["enterprise", "updated_at"])
    return pledge


APPLY = {
    Filing.Kind.PATENT: _patent,
    Filing.Kind.TRADEMARK: _trademark,
    Filing.Kind.COPYRIGHT: _copyright,
    Filing.Kind.IC_LAYOUT: _ic_layout,
    Filing.Kind.PLANT_VARIETY: _plant_variety,
    Filing.Kind.CERTIFICATION: _certification,
    Filing.Kind.AWARD: _award,
    Filing.Kind.PLEDGE: _pledge,
}


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
    if kind == Filing.Kind.TRADEMARK and data.get("nice_class") is not None and not 1 <= data["nice_class"] <= 45:
        problems["nice_class"] = _("The Nice class is a number from 1 to 45.")
    if kind == Filing.Kind.PLEDGE and data.get("amount") is not None and data["amount"] <= 0:
        problems["amount"] = _("The amount must be greater than zero.")
    if kind == Filing.Kind.PLEDGE and data.get("title") and data.get("subtype"):
        # The pledged numbers in the registry's form, as the pledge import and form keep them.
        from finance.importing import normalise_numbers, split_numbers

        from .importing.values import ImportValueError

        try:
            data["title"] = ";".join(dict.fromkeys(normalise_numbers(data["subtype"], split_numbers(data["title"]))))
        except ImportValueError as error:
            problems["title"] = str(error)
    for name in ("filed_on", "event_date", "expires_on"):
        if data.get(name) and not FIRST_DAY <= data[name] <= LAST_DAY:
            problems[name] = _("a date from 1900-01-01 to 2100-12-31")
    if data.get("filed_on") and data.get("event_date") and data["filed_on"] > data["event_date"]:
        problems["filed_on"] = _("The application date is after the grant or registration date.")
    if data.get("expires_on") and data.get("event_date") and data["expires_on"] < data["event_date"]:
        problems["expires_on"] = _("The end date is before the start date.")
    return problems
