from django.contrib import admin

from .models import (
    AnnualReport,
    ApprovedValue,
    AssessmentItem,
    AssessmentScore,
    Deadline,
    Decision,
    Dossier,
    EarlyWarning,
    FollowUp,
    Indicator,
    IndicatorMute,
    IndicatorValue,
    KeyTask,
    Meeting,
    MemberUnit,
    OfficialStatistic,
    Plan,
    ProgressReport,
    RecomputeRun,
    Reminder,
    ReportedValue,
    TaskNarrative,
    UnitMembership,
    ValueChange,
    WorkPlan,
    YearApproval,
    YearlyFigure,
)


@admin.register(YearlyFigure)
class YearlyFigureAdmin(admin.ModelAdmin):
    list_display = ["year", "population", "public_budget", "ip_funding", "rd_expenditure", "special_fund"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name_zh", "first_year", "last_year", "base_year"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "area", "unit", "direction", "target", "aggregation"]
    list_filter = ["plan", "area", "aggregation"]
    search_fields = ["code", "name_zh", "name_en"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "value", "status", "method", "computed_at"]
    list_filter = ["year", "status", "indicator__area"]
    search_fields = ["indicator__code", "indicator__name_zh"]
    list_select_related = ["indicator"]


@admin.register(ReportedValue)
class ReportedValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "value", "entered_by"]
    list_filter = ["year"]
    list_select_related = ["indicator", "entered_by"]


@admin.register(RecomputeRun)
class RecomputeRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "trigger", "state", "values_written", "queries"]
    list_filter = ["state"]


@admin.register(MemberUnit)
class MemberUnitAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(UnitMembership)
class UnitMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "unit"]
    raw_id_fields = ["user"]


@admin.register(KeyTask)
class KeyTaskAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "area"]
    list_filter = ["area"]
    search_fields = ["title"]


@admin.register(WorkPlan, ProgressReport)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["task", "unit", "year", "state", "submitted_by", "submitted_at"]
    list_filter = ["year", "state"]


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ["year", "kind", "due", "task", "unit"]
    list_filter = ["year", "kind"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "unit", "day", "items", "recipients", "sent_at"]
    list_filter = ["kind", "day"]
    search_fields = ["key"]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["date", "title"]
    inlines = [DecisionInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["meeting", "number", "text"]
    list_select_related = ["meeting"]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["unit", "due", "action", "done_at"]
    list_filter = ["unit", "due"]
    list_select_related = ["unit"]


@admin.register(AssessmentItem)
class AssessmentItemAdmin(admin.ModelAdmin):
    list_display = ["year", "order", "name", "weight"]
    list_filter = ["year"]


@admin.register(AssessmentScore)
class AssessmentScoreAdmin(admin.ModelAdmin):
    list_display = ["item", "unit", "task", "score", "scored_by", "scored_at"]
    list_filter = ["item__year", "unit"]
    list_select_related = ["item", "unit", "task"]


@admin.register(IndicatorMute)
class IndicatorMuteAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "muted_by", "muted_at"]


@admin.register(EarlyWarning)
class EarlyWarningAdmin(admin.ModelAdmin):
    list_display = ["created_at", "run"]


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ["year", "state", "progress", "created_by", "created_at", "finished_at"]
    list_filter = ["state", "year"]


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["year", "state", "progress", "created_by", "created_at", "finished_at"]
    list_filter = ["state", "year"]


@admin.register(TaskNarrative)
class TaskNarrativeAdmin(admin.ModelAdmin):
    list_display = ["task", "year", "edited_by", "edited_at"]
    list_filter = ["year"]
    search_fields = ["text", "task__title"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written only through their functions (targets.approval, targets.recompute): shown, not edited."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(YearApproval)
class YearApprovalAdmin(ReadOnlyAdmin):
    list_display = ["year", "approved_by", "approved_at", "withdrawn_by", "withdrawn_at", "withdrawal_reason"]
    list_filter = ["year"]
    list_select_related = ["approved_by", "withdrawn_by"]


@admin.register(ApprovedValue)
class ApprovedValueAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "approval", "value", "record_count"]
    list_filter = ["approval__year"]
    list_select_related = ["indicator", "approval"]
    exclude = ["records"]


@admin.register(ValueChange)
class ValueChangeAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "year", "value", "new_value", "changed_at", "trigger"]
    list_filter = ["year"]
    list_select_related = ["indicator"]
    search_fields = ["trigger"]


@admin.register(OfficialStatistic)
class OfficialStatisticAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "value", "source", "published_on", "entered_by"]
    list_filter = ["year"]
    list_select_related = ["indicator", "entered_by"]
