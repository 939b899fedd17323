"""Enterprises and filings, as the API shows and takes them."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api import AttachmentSerializer, EventSerializer

from ..filings import REVIEW_ACTIONS, validate_for_kind
from ..models import Enterprise, Filing


class EnterpriseSerializer(serializers.ModelSerializer):
    industry_display = serializers.CharField(source="get_industry_display", read_only=True)

    class Meta:
        model = Enterprise
        fields = [
            "id",
            "name",
            "credit_code",
            "industry",
            "industry_display",
            "high_tech",
            "high_tech_year",
            "specialised",
            "specialised_year",
            "little_giant",
            "little_giant_year",
            "listing_reserve",
            "listing_reserve_year",
            "tech_sme",
            "ip_staff_count",
            "updated_at",
        ]
        # The model's verbose name keeps the Chinese term; the English schema has none.
        extra_kwargs = {"specialised_year": {"label": _("specialised and sophisticated (SRDI) recognised in")}}


class ReviewInput(serializers.Serializer):
    action = serializers.ChoiceField(choices=REVIEW_ACTIONS)
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class FilingSerializer(serializers.ModelSerializer):
    enterprise = serializers.StringRelatedField()
    events = EventSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Filing
        fields = [
            "id",
            "enterprise",
            "kind",
            "number",
            "nice_class",
            "subtype",
            "title",
            "filed_on",
            "event_date",
            "expires_on",
            "counterpart",
            "amount",
            "note",
            "state",
            "created_at",
            "events",
            "attachments",
        ]
        read_only_fields = ["state", "created_at"]

    def validate(self, data):
        kind = data.get("kind")
        problems = validate_for_kind(kind, data)  # the kind is one of SPECS: the field's choices checked it
        if problems:
            raise serializers.ValidationError({name: [str(message)] for name, message in problems.items()})
        return data
