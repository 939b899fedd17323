from django.contrib import admin

from .models import Case, Survey, SurveyResponse


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
