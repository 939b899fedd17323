from django.contrib import admin

from .models import Claim, ClaimLine, SupportItem


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
