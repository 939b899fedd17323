from django.contrib import admin

from .models import (
    AnnualReport,
    Indicator,
    IndicatorValue,
    KeyTask,
    MemberUnit,
    Plan,
    ProgressReport,
    RecomputeRun,
    ReportedValue,
    UnitMembership,
    WorkPlan,
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
    list_display = ["task", "year", "submitted_by", "submitted_at"]
    list_filter = ["year"]


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ["year", "state", "progress", "created_by", "created_at", "finished_at"]
    list_filter = ["state", "year"]
