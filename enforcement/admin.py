from django.contrib import admin

from .models import AssistanceRequest, Case, Complaint, Survey, SurveyResponse


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["case_number", "title", "kind", "ip_type", "filed_date", "stage", "group", "repeated", "malicious"]
    list_filter = ["kind", "ip_type", "stage", "group", "repeated", "malicious"]
    search_fields = ["case_number", "title", "claimant", "respondent"]
    date_hierarchy = "filed_date"


class SurveyResponseInline(admin.TabularInline):
    model = SurveyResponse
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "source", "reported_result"]
    inlines = [SurveyResponseInline]


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(admin.ModelAdmin):
    list_display = ["created_at", "enterprise", "subject", "ip_type", "state"]
    list_filter = ["state", "ip_type"]
    search_fields = ["subject", "counterparty", "enterprise__name"]
    raw_id_fields = ["enterprise", "submitted_by"]


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "contact", "state"]
    list_filter = ["state"]
    search_fields = ["subject", "description", "contact"]
