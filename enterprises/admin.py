from django.contrib import admin
from import_export.admin import ExportMixin

from ipportal.exports import FormulaSafeResource

from .matching import link_alias
from .models import (
    AnnuityReminder,
    Certification,
    Copyright,
    Enterprise,
    Filing,
    GIProduct,
    HolderAlias,
    Honour,
    ICLayoutDesign,
    ImportRun,
    InnovationPilot,
    Membership,
    Patent,
    PlantVariety,
    Trademark,
)


class EnterpriseResource(FormulaSafeResource):
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
            "high_tech_year",
            "specialised_year",
            "little_giant_year",
            "listing_reserve_year",
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


@admin.register(HolderAlias)
class HolderAliasAdmin(admin.ModelAdmin):
    """Aliases are made on the unmatched-holders worklist; saved here they link records the same way."""

    list_display = ["name", "enterprise", "created_by", "created_at"]
    search_fields = ["name", "enterprise__name", "enterprise__credit_code"]
    autocomplete_fields = ["enterprise"]
    fields = ["name", "enterprise"]

    def save_model(self, request, obj, form, change):
        if change:
            HolderAlias.objects.filter(pk=obj.pk).delete()
        link_alias(obj.name, obj.enterprise, request.user)


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


class HeldRecordAdmin(admin.ModelAdmin):
    """Patents, trademarks and the simpler rights: searched by number, title and holder."""

    list_filter = ["source", ("enterprise", admin.EmptyFieldListFilter)]
    list_select_related = ["enterprise"]
    raw_id_fields = ["enterprise"]
    date_hierarchy = None


@admin.register(Patent)
class PatentAdmin(HeldRecordAdmin):
    list_display = [
        "application_number",
        "title",
        "patent_type",
        "legal_status",
        "grant_date",
        "holder_name",
        "enterprise",
    ]
    list_filter = ["patent_type", "legal_status", "pct_entry", *HeldRecordAdmin.list_filter]
    search_fields = ["application_number", "title", "holder_name", "holder_credit_code"]
    date_hierarchy = "grant_date"


@admin.register(Trademark)
class TrademarkAdmin(HeldRecordAdmin):
    list_display = [
        "registration_number",
        "nice_class",
        "mark",
        "status",
        "registration_date",
        "expiry_date",
        "enterprise",
    ]
    list_filter = ["status", "geographical_indication", *HeldRecordAdmin.list_filter]
    search_fields = ["registration_number", "mark", "holder_name", "holder_credit_code"]
    date_hierarchy = "registration_date"


@admin.register(Copyright, ICLayoutDesign, PlantVariety)
class SimpleRightAdmin(HeldRecordAdmin):
    list_display = ["registration_number", "title", "registration_date", "holder_name", "enterprise"]
    search_fields = ["registration_number", "title", "holder_name"]


@admin.register(GIProduct)
class GIProductAdmin(admin.ModelAdmin):
    list_display = ["registration_number", "title", "region", "approval_date", "revoked_date"]
    search_fields = ["registration_number", "title", "region"]


@admin.register(AnnuityReminder)
class AnnuityReminderAdmin(admin.ModelAdmin):
    list_display = ["sent_at", "patent", "enterprise", "due_date", "sent_by"]
    search_fields = ["patent__application_number", "enterprise__name", "recipients"]
    list_select_related = ["patent", "enterprise", "sent_by"]
    raw_id_fields = ["patent", "enterprise"]
