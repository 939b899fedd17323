from django.contrib import admin

from .models import PublicityEvent


@admin.register(PublicityEvent)
class PublicityEventAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "theme", "audience", "attendance", "venue"]
    list_filter = ["theme"]
    search_fields = ["title", "venue", "organiser"]
    date_hierarchy = "date"
