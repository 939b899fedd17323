from django.utils.translation import gettext_lazy as _

from enterprises.records import RecordKind, register


def finance_record_kinds() -> None:
    from .filters import PledgeFilter
    from .forms import PledgeForm
    from .models import Pledge

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
    import django_filters

    from .filters import simple_filterset
    from .forms import simple_form
    from .models import (
        Award,
        IPTransaction,
        MajorProject,
        NavigationProject,
        OperationPlatform,
        ServiceInstitution,
        TechContract,
    )

    def kind(slug, model, date_field, search, fields, dates, columns, import_kind="", extra=None):
        register(
            RecordKind(
                slug,
                "finance",
                model,
                simple_filterset(model, date_field, search, extra),
                simple_form(model, fields, dates),
                import_kind,
                columns,
                enterprise_visible=False,
                related=(),
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
        {"kind": django_filters.ChoiceFilter(label=_("kind"), choices=IPTransaction.Kind.choices)},
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
            "ip_review": django_filters.BooleanFilter(label=_("IP review, navigation or early warning done")),
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
