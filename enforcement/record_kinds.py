"""This app's record kinds: cases, surveys, rights-assistance requests and complaints."""

from django.utils.translation import gettext_lazy as _

from core.records import RecordKind, register

from .filters import AssistanceFilter, CaseFilter, ComplaintFilter, SurveyFilter
from .forms import AssistanceHandlingForm, CaseForm, ComplaintHandlingForm, SurveyForm
from .models import AssistanceRequest, Case, Complaint, Survey

register(
    RecordKind(
        "case",
        "enforcement",
        Case,
        CaseFilter,
        CaseForm,
        "cases",
        (
            ("case_number", _("case number")),
            ("title", _("title")),
            ("get_kind_display", _("kind")),
            ("get_ip_type_display", _("IP type")),
            ("filed_date", _("accepted on")),
            ("get_stage_display", _("stage")),
        ),
        enterprise_visible=False,
        related=(),
    )
)
register(
    RecordKind(
        "survey",
        "enforcement",
        Survey,
        SurveyFilter,
        SurveyForm,
        "",
        (
            ("year", _("year")),
            ("title", _("title")),
            ("source", _("source")),
            ("reported_result", _("reported result (%)")),
        ),
        enterprise_visible=False,
        related=(),
    )
)
register(
    RecordKind(
        "assistance",
        "enforcement",
        AssistanceRequest,
        AssistanceFilter,
        AssistanceHandlingForm,
        "",
        (
            ("subject", _("subject")),
            ("get_ip_type_display", _("IP type")),
            ("get_state_display", _("state")),
            ("created_at", _("submitted at")),
        ),
        self_service_url="enforcement:assistance-request",
    )
)
register(
    RecordKind(
        "complaint",
        "enforcement",
        Complaint,
        ComplaintFilter,
        ComplaintHandlingForm,
        "",
        (
            ("subject", _("subject")),
            ("location", _("where")),
            ("get_state_display", _("state")),
            ("created_at", _("received at")),
        ),
        enterprise_visible=False,
        related=(),
    )
)
