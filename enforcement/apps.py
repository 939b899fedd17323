from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "enforcement"
    verbose_name = _("IP protection")

    def ready(self) -> None:
        from enterprises.importing import register
        from enterprises.records import RecordKind
        from enterprises.records import register as register_kind
        from ipportal.navigation import registry

        from . import indicators  # noqa: F401  (registers the P1 and P2 calculators)
        from .filters import CaseFilter, SurveyFilter
        from .forms import CaseForm, SurveyForm
        from .importing import CaseImport, SurveyResponseImport
        from .models import Case, Survey

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
        registry.add("protection", _("Enforcement cases"), "enforcement:case-list")
        registry.add("protection", _("Satisfaction surveys"), "enforcement:survey-list")
