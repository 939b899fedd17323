from django.contrib import admin

from .models import (
    Award,
    Claim,
    ClaimLine,
    InsurancePolicy,
    IPTransaction,
    MajorProject,
    NavigationProject,
    OperationPlatform,
    Pledge,
    PledgedItem,
    RiskFundEntry,
    ServiceInstitution,
    SupportItem,
    TechContract,
)


@admin.register(SupportItem)
class SupportItemAdmin(admin.ModelAdmin):
    list_display = ["year", "name", "target", "rule", "budget", "opens_on", "closes_on"]
    list_filter = ["year", "target", "rule"]
    search_fields = ["name"]


class ClaimLineInline(admin.TabularInline):
    model = ClaimLine
    extra = 0
    fields = ["label", "cost", "amount", "active"]
    readonly_fields = fields


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["id", "enterprise", "item", "state", "amount", "approved_amount", "submitted_at"]
    list_filter = ["state", "item__year", "item"]
    search_fields = ["enterprise__name", "payment_reference"]
    list_select_related = ["enterprise", "item"]
    raw_id_fields = ["enterprise", "created_by"]
    inlines = [ClaimLineInline]


class PledgedItemInline(admin.TabularInline):
    model = PledgedItem
    extra = 0
    raw_id_fields = ["patent"]


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = [
        "registration_number",
        "pledgor_name",
        "pledgee_name",
        "ip_type",
        "amount",
        "registration_date",
        "enterprise",
    ]
    list_filter = ["ip_type", ("enterprise", admin.EmptyFieldListFilter)]
    search_fields = ["registration_number", "pledgor_name", "pledgee_name", "items__number"]
    date_hierarchy = "registration_date"
    list_select_related = ["enterprise"]
    raw_id_fields = ["enterprise"]
    inlines = [PledgedItemInline]


@admin.register(IPTransaction)
class IPTransactionAdmin(admin.ModelAdmin):
    list_display = ["contract_number", "kind", "ip_type", "seller", "buyer", "amount", "contract_date"]
    list_filter = ["kind", "ip_type"]
    search_fields = ["contract_number", "seller", "buyer", "numbers"]
    date_hierarchy = "contract_date"


@admin.register(TechContract)
class TechContractAdmin(admin.ModelAdmin):
    list_display = ["registration_number", "title", "seller", "turnover", "registration_date"]
    search_fields = ["registration_number", "title", "seller", "buyer"]
    date_hierarchy = "registration_date"


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["kind", "title", "award_date", "enterprise", "patent"]
    list_filter = ["kind"]
    search_fields = ["title", "enterprise__name"]
    raw_id_fields = ["enterprise", "patent"]


@admin.register(OperationPlatform)
class OperationPlatformAdmin(admin.ModelAdmin):
    list_display = ["name", "operator", "opened_date", "closed_date"]
    search_fields = ["name", "operator"]


@admin.register(ServiceInstitution)
class ServiceInstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "services", "office_opened", "office_closed", "introduced_date"]
    search_fields = ["name", "services"]


@admin.register(MajorProject)
class MajorProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "project_date", "ip_review"]
    list_filter = ["category", "ip_review"]
    search_fields = ["name"]
    date_hierarchy = "project_date"


@admin.register(NavigationProject)
class NavigationProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "enterprise", "start_date", "report_date", "funding"]
    list_filter = ["kind"]
    search_fields = ["name", "enterprise__name"]
    raw_id_fields = ["enterprise"]


@admin.register(InsurancePolicy)
class InsurancePolicyAdmin(admin.ModelAdmin):
    list_display = ["policy_number", "kind", "insurer", "enterprise", "coverage", "premium", "start_date", "end_date"]
    list_filter = ["kind", "insurer"]
    search_fields = ["policy_number", "insurer", "enterprise__name"]
    raw_id_fields = ["enterprise"]


@admin.register(RiskFundEntry)
class RiskFundEntryAdmin(admin.ModelAdmin):
    list_display = ["entry_date", "kind", "party", "amount", "pledge"]
    list_filter = ["kind"]
    search_fields = ["party", "note"]
    raw_id_fields = ["pledge"]
