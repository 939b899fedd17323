"""The audit trail: who changed which record, when, from what to what (django-auditlog).

Every save and delete of the models below through the ORM writes a LogEntry with the user of
the request (auditlog's middleware), the time and each changed field's value before and after.
Imports write rows with COPY and bulk statements that bypass model signals; each committed
import run writes one entry instead (import_committed), naming its file and counts.
"""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

# app_label.ModelName of everything the office changes by hand or through a workflow.
AUDITED_MODELS = (
    "enterprises.Enterprise",
    "enterprises.Membership",
    "enterprises.Patent",
    "enterprises.Trademark",
    "enterprises.Copyright",
    "enterprises.ICLayoutDesign",
    "enterprises.PlantVariety",
    "enterprises.GIProduct",
    "enterprises.Certification",
    "enterprises.InnovationPilot",
    "enterprises.Honour",
    "enterprises.Filing",
    "core.Attachment",
    "finance.Pledge",
    "finance.IPTransaction",
    "finance.TechContract",
    "finance.Award",
    "finance.OperationPlatform",
    "finance.ServiceInstitution",
    "finance.MajorProject",
    "finance.NavigationProject",
    "finance.InsurancePolicy",
    "finance.RiskFundEntry",
    "finance.SupportItem",
    "finance.Claim",
    "finance.ClaimLine",
    "enforcement.Case",
    "enforcement.Survey",
    "enforcement.SurveyResponse",
    "enforcement.AssistanceRequest",
    "enforcement.Complaint",
    "targets.Plan",
    "targets.Indicator",
    "targets.ReportedValue",
    "targets.YearlyFigure",
    "targets.KeyTask",
    "targets.UnitMembership",
    "targets.WorkPlan",
    "targets.ProgressReport",
    "targets.Deadline",
    "targets.Meeting",
    "targets.FollowUp",
    "targets.AssessmentItem",
    "targets.AssessmentScore",
    "targets.IndicatorMute",
    "targets.YearApproval",
    "targets.OfficialStatistic",
    "training.PublicityEvent",
    "training.Person",
    "training.Training",
    "training.Attendance",
    "training.Talent",
)
# Committed imports are logged as one entry each (import_committed), not row by row.
IMPORT_RUN = "enterprises.ImportRun"
# Bookkeeping columns that change on every save and say nothing about the record.
EXCLUDED_FIELDS = ["updated_at", "created_at"]


def register_models() -> None:
    for label in AUDITED_MODELS:
        model = apps.get_model(label)
        if not auditlog.contains(model):
            auditlog.register(model, exclude_fields=EXCLUDED_FIELDS)


def audited_content_types() -> list[ContentType]:
    models = [apps.get_model(label) for label in (*AUDITED_MODELS, IMPORT_RUN)]
    types = ContentType.objects.get_for_models(*models)
    return sorted(types.values(), key=lambda ct: str(ct.model_class()._meta.verbose_name_plural))


def import_committed(run) -> LogEntry:
    """One entry for a committed import: the rows themselves were written in bulk, unlogged."""
    counts = {name: [None, getattr(run, name)] for name in ("new", "updated", "unchanged", "invalid")}
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(run),
        object_pk=str(run.pk),
        object_id=run.pk,
        object_repr=str(run),
        action=LogEntry.Action.CREATE,
        changes={"kind": [None, run.kind], "file": [None, run.original_name], **counts},
        actor=run.created_by,
        additional_data={"import": run.kind, "rows": run.rows_total},
    )
