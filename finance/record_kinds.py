from decimal import Decimal

import django_filters
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from core.records import RecordKind, register
from core.records.filters import filterset_for
from ipportal.filters import BooleanFilter, YearFilter

from .filters import PledgeFilter
from .forms import PledgeForm, simple_form
from .models import (
    Award,
    InsurancePolicy,
    IPTransaction,
    MajorProject,
    NavigationProject,
    OperationPlatform,
    Pledge,
    RiskFundEntry,
    ServiceInstitution,
    TechContract,
)


def with_park_party(queryset, name, value):
    """Records with a park enterprise as a party (yes), or with none (no): what U9/U10 count."""
    return queryset.filter(enterprise__isnull=not value)


def in_park_filter() -> BooleanFilter:
    return BooleanFilter(label=_("in the park"), method=with_park_party)


def finance_record_kinds() -> None:

    register(
        RecordKind(
            "pledge",
            "finance",
            Pledge,
            PledgeFilter,
            PledgeForm,
            "pledges",
            (
                ("registration_number", _("pledge registration number")),
                ("pledgor_name", _("pledgor")),
                ("pledgee_name", _("pledgee")),
                ("get_ip_type_display", _("pledged IP type")),
                ("amount", _("financing amount (yuan)")),
                ("registration_date", _("registration date")),
            ),
        )
    )


def finance_park_kinds() -> None:
    """The park-level finance records behind U1–U3, U7–U11 and M6 (officials' pages)."""

    def kind(slug, model, date_field, search, fields, dates, columns, import_kind="", extra=None, totals=None):
        register(
            RecordKind(
                slug,
                "finance",
                model,
                filterset_for(
                    model,
                    search_fields=search,
                    year=YearFilter(label=_("year"), field_name=date_field, lookup_expr="year"),
                    **(extra or {}),
                ),
                simple_form(model, fields, dates),
                import_kind,
                columns,
                enterprise_visible=False,
                related=(),
                totals=totals,
            )
        )

    kind(
        "transaction",
        IPTransaction,
        "contract_date",
        ("contract_number", "seller", "buyer", "numbers"),
        ["contract_number", "kind", "ip_type", "numbers", "seller", "buyer", "enterprise", "amount", "contract_date"],
        ("contract_date",),
        (
            ("contract_number", _("contract number")),
            ("get_kind_display", _("kind")),
            ("seller", _("transferor / licensor")),
            ("buyer", _("transferee / licensee")),
            ("amount", _("amount (yuan)")),
            ("contract_date", _("contract date")),
        ),
        "transactions",
        {
            "kind": django_filters.ChoiceFilter(label=_("kind"), choices=IPTransaction.Kind.choices),
            "in_park": in_park_filter(),
        },
    )
    kind(
        "contract",
        TechContract,
        "registration_date",
        ("registration_number", "title", "seller", "buyer"),
        ["registration_number", "title", "seller", "buyer", "enterprise", "turnover", "registration_date"],
        ("registration_date",),
        (
            ("registration_number", _("registration number")),
            ("title", _("title")),
            ("seller", _("seller")),
            ("turnover", _("registered turnover (yuan)")),
            ("registration_date", _("registration date")),
        ),
        "tech_contracts",
        {"in_park": in_park_filter()},
    )
    kind(
        "award",
        Award,
        "award_date",
        ("title",),
        ["kind", "title", "award_date", "enterprise", "patent"],
        ("award_date",),
        (
            ("get_kind_display", _("award")),
            ("title", _("awarded work")),
            ("award_date", _("date awarded")),
            ("enterprise", _("park enterprise")),
        ),
        extra={"kind": django_filters.ChoiceFilter(label=_("award"), choices=Award.Kind.choices)},
    )
    kind(
        "platform",
        OperationPlatform,
        "opened_date",
        ("name", "operator"),
        ["name", "operator", "opened_date", "closed_date"],
        ("opened_date", "closed_date"),
        (
            ("name", _("name")),
            ("operator", _("operator")),
            ("opened_date", _("opened on")),
            ("closed_date", _("closed on")),
        ),
    )
    kind(
        "institution",
        ServiceInstitution,
        "office_opened",
        ("name", "services"),
        ["name", "services", "office_opened", "office_closed", "introduced_date"],
        ("office_opened", "office_closed", "introduced_date"),
        (
            ("name", _("name")),
            ("services", _("services")),
            ("office_opened", _("office in the park since")),
            ("introduced_date", _("introduced into the park on")),
        ),
    )
    kind(
        "project",
        MajorProject,
        "project_date",
        ("name",),
        ["name", "category", "project_date", "ip_review", "note"],
        ("project_date",),
        (
            ("name", _("name")),
            ("get_category_display", _("category")),
            ("project_date", _("project date")),
            ("ip_review", _("IP review, navigation or early warning done")),
        ),
        extra={
            "category": django_filters.ChoiceFilter(label=_("category"), choices=MajorProject.Category.choices),
            "ip_review": BooleanFilter(label=_("IP review, navigation or early warning done")),
        },
    )
    kind(
        "navigation",
        NavigationProject,
        "start_date",
        ("name",),
        ["name", "kind", "enterprise", "start_date", "report_date", "funding"],
        ("start_date", "report_date"),
        (
            ("name", _("name")),
            ("get_kind_display", _("type")),
            ("start_date", _("start date")),
            ("report_date", _("report published on")),
        ),
        extra={"kind": django_filters.ChoiceFilter(label=_("type"), choices=NavigationProject.Kind.choices)},
    )
    kind(
        "insurance",
        InsurancePolicy,
        "start_date",
        ("policy_number", "insurer"),
        ["policy_number", "kind", "insurer", "enterprise", "coverage", "premium", "subsidy", "start_date", "end_date"],
        ("start_date", "end_date"),
        (
            ("policy_number", _("policy number")),
            ("get_kind_display", _("kind")),
            ("insurer", _("insurer")),
            ("enterprise", _("insured park enterprise")),
            ("coverage", _("coverage (yuan)")),
            ("start_date", _("start date")),
        ),
        extra={"kind": django_filters.ChoiceFilter(label=_("kind"), choices=InsurancePolicy.Kind.choices)},
        totals=insurance_totals,
    )
    kind(
        "riskfund",
        RiskFundEntry,
        "entry_date",
        ("party", "note"),
        ["kind", "party", "amount", "entry_date", "pledge", "note"],
        ("entry_date",),
        (
            ("entry_date", _("date")),
            ("get_kind_display", _("kind")),
            ("party", _("contributor or recipient")),
            ("amount", _("amount (yuan)")),
        ),
        extra={"kind": django_filters.ChoiceFilter(label=_("kind"), choices=RiskFundEntry.Kind.choices)},
        totals=risk_fund_totals,
    )


def insurance_totals(policies) -> list[tuple[str, Decimal]]:
    sums = policies.aggregate(coverage=Sum("coverage"), premium=Sum("premium"), subsidy=Sum("subsidy"))
    return [
        (_("total coverage"), sums["coverage"] or Decimal(0)),
        (_("total premiums"), sums["premium"] or Decimal(0)),
        (_("total premium subsidies"), sums["subsidy"] or Decimal(0)),
    ]


def risk_fund_totals(entries) -> list[tuple[str, Decimal]]:

    sums = entries.aggregate(
        paid_in=Sum("amount", filter=Q(kind=RiskFundEntry.Kind.CONTRIBUTION), default=Decimal(0)),
        paid_out=Sum("amount", filter=Q(kind=RiskFundEntry.Kind.COMPENSATION), default=Decimal(0)),
    )
    return [
        (_("contributions"), sums["paid_in"]),
        (_("compensations paid"), sums["paid_out"]),
        (_("balance"), sums["paid_in"] - sums["paid_out"]),
    ]


finance_record_kinds()
finance_park_kinds()
