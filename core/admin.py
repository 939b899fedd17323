from django.contrib import admin

from .models import Attachment, Notification, ReviewEvent


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    list_display = ["at", "content_type", "object_id", "from_state", "to_state", "actor"]
    list_filter = ["to_state", "content_type"]
    search_fields = ["comment", "actor__username"]
    readonly_fields = ["content_type", "object_id", "from_state", "to_state", "actor", "at", "comment"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["name", "content_type", "object_id", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["content_type"]
    search_fields = ["name"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "event", "read_at"]
    list_filter = [("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username"]
    raw_id_fields = ["user", "event"]
