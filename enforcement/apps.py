from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "enforcement"
    verbose_name = _("IP protection")

    def ready(self) -> None:
        from core.importing import register
        from enterprises.records import RecordKind
        from enterprises.records import register as register_kind
        from ipportal.navigation import registry

        from . import indicators  # noqa: F401  (registers the P1 and P2 calculators)
        from .filters import AssistanceFilter, CaseFilter, ComplaintFilter, SurveyFilter
        from .forms import AssistanceHandlingForm, CaseForm, ComplaintHandlingForm, SurveyForm
        from .importing import CaseImport, SurveyResponseImport
        from .models import AssistanceRequest, Case, Complaint, Survey

        register(CaseImport())
        register(SurveyResponseImport())
        register_kind(
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
        register_kind(
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
        register_kind(
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
        register_kind(
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
        registry.add("protection", _("Enforcement cases"), "enforcement:case-list")
        registry.add("protection", _("Rights assistance"), "enforcement:assistance-list", officials_only=False)
        registry.add("protection", _("Complaints and reports"), "enforcement:complaint-list")
        registry.add("protection", _("Satisfaction surveys"), "enforcement:survey-list")
