"""Support items and claims, as the API shows and takes them."""

from rest_framework import serializers

from core.api import AttachmentSerializer, EventSerializer

from .. import claims as rules
from ..models import Claim, ClaimLine, SupportItem


class SupportItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = SupportItem
        fields = [
            "id",
            "year",
            "name",
            "target",
            "rule",
            "fixed_amount",
            "rate",
            "cap",
            "evidence",
            "budget",
            "opens_on",
            "closes_on",
        ]


class LineSerializer(serializers.ModelSerializer):
    record_type = serializers.CharField(source="content_type.model", read_only=True)

    class Meta:
        model = ClaimLine
        fields = ["record_type", "object_id", "label", "cost", "amount"]


class LineInput(serializers.Serializer):
    id = serializers.IntegerField()
    cost = serializers.DecimalField(max_digits=18, decimal_places=2, required=False, allow_null=True, min_value=0)


class ClaimSerializer(serializers.ModelSerializer):
    enterprise = serializers.StringRelatedField()
    lines = LineSerializer(many=True, read_only=True)
    events = EventSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)
    records = LineInput(many=True, write_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "enterprise",
            "item",
            "state",
            "amount",
            "approved_amount",
            "note",
            "payment_date",
            "payment_reference",
            "submitted_at",
            "records",
            "lines",
            "events",
            "attachments",
        ]
        read_only_fields = ["state", "amount", "approved_amount", "payment_date", "payment_reference", "submitted_at"]


class ClaimActionInput(serializers.Serializer):
    action = serializers.ChoiceField(choices=[*rules.ENTERPRISE_ACTIONS, *rules.OFFICIALS_ACTIONS])
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    amount = serializers.DecimalField(max_digits=18, decimal_places=2, required=False)
    payment_date = serializers.DateField(required=False)
    payment_reference = serializers.CharField(required=False, allow_blank=True, default="")
