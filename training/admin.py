from django.contrib import admin

from .models import Attendance, Person, PublicityEvent, Talent, Training


@admin.register(PublicityEvent)
class PublicityEventAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "theme", "audience", "attendance", "venue"]
    list_filter = ["theme"]
    search_fields = ["title", "venue", "organiser"]
    date_hierarchy = "date"


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "organiser", "format"]
    list_filter = ["format"]
    search_fields = ["title", "organiser"]
    date_hierarchy = "date"
    inlines = [AttendanceInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "enterprise", "is_ip_staff", "position"]
    list_filter = ["is_ip_staff"]
    search_fields = ["name", "enterprise__name"]
    list_select_related = ["enterprise"]


@admin.register(Talent)
class TalentAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "employer", "qualification_number"]
    list_filter = ["category"]
    search_fields = ["name", "employer"]
