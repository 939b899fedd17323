from django.contrib import admin
from import_export import resources
from import_export.admin import ExportMixin

from .models import Certification, Enterprise, Filing, Honour, ImportRun, InnovationPilot, Membership


class EnterpriseResource(resources.ModelResource):
    class Meta:
        model = Enterprise
        import_id_fields = ("credit_code",)
        fields = (
            "name",
            "credit_code",
            "industry",
            "high_tech",
            "specialised",
            "little_giant",
            "listing_reserve",
            "tech_sme",
            "ip_staff_count",
        )


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Enterprise)
class EnterpriseAdmin(ExportMixin, admin.ModelAdmin):
    resource_classes = [EnterpriseResource]
    list_display = ["name", "credit_code", "industry", "high_tech", "specialised", "little_giant", "ip_staff_count"]
    list_filter = ["industry", "high_tech", "specialised", "little_giant", "listing_reserve", "tech_sme"]
    search_fields = ["name", "credit_code"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "enterprise", "created_at"]
    search_fields = ["user__username", "enterprise__name", "enterprise__credit_code"]
    autocomplete_fields = ["user", "enterprise"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "kind",
        "original_name",
        "status",
        "created_by",
        "new",
        "updated",
        "unchanged",
        "invalid",
    ]
    list_filter = ["kind", "status"]
    search_fields = ["original_name"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]


@admin.register(Filing)
class FilingAdmin(admin.ModelAdmin):
    list_display = ["id", "enterprise", "kind", "number", "title", "state", "created_at"]
    list_filter = ["state", "kind"]
    search_fields = ["number", "title", "enterprise__name"]
    list_select_related = ["enterprise"]
    raw_id_fields = ["enterprise", "submitted_by"]


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = ["certificate_number", "standard", "enterprise", "issue_date", "expiry_date"]
    list_filter = ["standard"]
    search_fields = ["certificate_number", "enterprise__name"]
    list_select_related = ["enterprise"]


@admin.register(InnovationPilot)
class InnovationPilotAdmin(admin.ModelAdmin):
    list_display = ["enterprise", "start_date", "batch"]
    list_select_related = ["enterprise"]


@admin.register(Honour)
class HonourAdmin(admin.ModelAdmin):
    list_display = ["enterprise", "kind", "year", "document"]
    list_filter = ["kind", "year"]
    search_fields = ["enterprise__name"]
    list_select_related = ["enterprise"]
