"""The filings whose records this app keeps (awards, pledges): what they ask for, how an approved
one joins the registry, and how declared pledges are reconciled with the imported list
(enterprises.filings and enterprises.reconciliation have the rest of the kinds and the review)."""

from django.utils.translation import gettext_lazy as _

from core.importing.values import ImportValueError
from enterprises.codes import normalize_patent_number
from enterprises.filings import ApprovalRefused, FilingSpec, register
from enterprises.models import Filing, Patent
from enterprises.reconciliation import Source, register_source

from .importing import normalise_numbers, split_numbers
from .matching import link_pledged_patents
from .models import Award, Pledge, PledgedIPType, PledgedItem


def _award(filing: Filing):
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
    _refuse_others_patents(filing)
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


def _refuse_others_patents(filing: Filing) -> None:
    """An enterprise pledges its own patents: a pledged number that the registry records for
    another park enterprise refuses the approval, naming the numbers (ApprovalRefused)."""
    if filing.subtype != PledgedIPType.PATENT:
        return
    numbers = split_numbers(filing.title)
    others = sorted(
        Patent.objects.filter(application_number__in=numbers, enterprise__isnull=False)
        .exclude(enterprise=filing.enterprise)
        .values_list("application_number", flat=True)
    )
    if others:
        raise ApprovalRefused(
            _("The registry records these pledged patents for another enterprise: %(numbers)s.")
            % {"numbers": ", ".join(others)}
        )


def _check_pledge(data: dict, problems: dict) -> None:
    if data.get("amount") is not None and data["amount"] <= 0:
        problems["amount"] = _("The amount must be greater than zero.")
    if data.get("title") and data.get("subtype"):
        # The pledged numbers in the registry's form, as the pledge import and form keep them.
        try:
            data["title"] = ";".join(dict.fromkeys(normalise_numbers(data["subtype"], split_numbers(data["title"]))))
        except ImportValueError as error:
            problems["title"] = str(error)


register(
    Filing.Kind.AWARD,
    FilingSpec(
        ("subtype", "title", "event_date"),
        ("number",),
        labels={
            "subtype": _("award"),
            "title": _("awarded work"),
            "event_date": _("date awarded"),
            "number": _("application number of the awarded patent"),
        },
        subtypes=tuple(Award.Kind.choices),
        apply=_award,
        clean_number=normalize_patent_number,
    ),
)
register(
    Filing.Kind.PLEDGE,
    FilingSpec(
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
        subtypes=tuple(PledgedIPType.choices),
        apply=_pledge,
        check=_check_pledge,
    ),
)
register_source(
    Source(
        "pledge",
        _("pledges"),
        Pledge,
        Filing.Kind.PLEDGE,
        "registration_date",
        (
            (_("pledgee (bank or lender)"), "counterpart", "pledgee_name"),
            (_("amount (yuan)"), "amount", "amount"),
            (_("registration date"), "event_date", "registration_date"),
        ),
    )
)
