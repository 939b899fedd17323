"""API machinery every app uses: routers without a root view of their own (the root is
ipportal's, listing every app's routes), and what the API of every reviewed request shares
(the access rule, the timeline and attachments, uploaded documents)."""

from rest_framework import serializers
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.routers import DefaultRouter

from ipportal.roles import enterprise_of, is_official, sees_all_park_data
from ipportal.uploads import validate_document

from .models import Attachment, ReviewEvent


class AppRouter(DefaultRouter):
    """One app's API routes. No root view: /api/v1/ lists every app's routes (ipportal.urls)."""

    include_root_view = False


class SelfServiceAccess(BasePermission):
    """Reads as everywhere; writes only by enterprise users (their own) and officials (reviews)."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return sees_all_park_data(user) or enterprise_of(user) is not None
        return is_official(user) or enterprise_of(user) is not None


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.StringRelatedField()
    comment = serializers.CharField(source="shown_comment", read_only=True)

    class Meta:
        model = ReviewEvent
        fields = ["from_state", "to_state", "actor", "at", "comment"]


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Attachment
        fields = ["id", "name", "size", "uploaded_at", "url"]


def documents_of(request) -> list:
    files = request.FILES.getlist("documents") if hasattr(request, "FILES") else []
    for upload in files:
        try:
            validate_document(upload)
        except Exception as error:  # forms.ValidationError
            raise APIValidationError({"documents": [str(m) for m in getattr(error, "messages", [error])]}) from error
    return files
