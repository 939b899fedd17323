import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from ipportal.dates import parse_day

from ..annuities import at_risk
from ..models import Patent


class LapseRiskSerializer(serializers.Serializer):
    application_number = serializers.CharField(source="patent.application_number")
    title = serializers.CharField(source="patent.title")
    application_date = serializers.DateField(source="patent.application_date")
    enterprise = serializers.IntegerField(source="patent.enterprise_id")
    enterprise_name = serializers.CharField(source="patent.enterprise.name")
    due = serializers.DateField(help_text="The annuity falls due on the anniversary of the filing date")
    grace_end = serializers.DateField(help_text="The end of the 6-month grace period")
    reminded_at = serializers.DateTimeField(allow_null=True)


class LapseRiskViewSet(viewsets.ViewSet):
    """Park invention patents in force whose annuity falls due in the 90 days from the day (read-only)."""

    @extend_schema(
        parameters=[OpenApiParameter("date", dt.date, description="From this day (default: today)")],
        responses=LapseRiskSerializer(many=True),
    )
    def list(self, request):
        text = request.query_params.get("date")
        try:
            day = parse_day(text) if text else timezone.localdate()
        except ValueError:
            raise ValidationError({"date": _("a date from 1900-01-01 to 2100-12-31, such as 2025-06-30")}) from None
        items = at_risk(Patent.objects.for_user(request.user), day)
        return Response(LapseRiskSerializer(items, many=True).data)
