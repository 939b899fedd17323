import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from ipportal.filters import query_date

from ..annuities import at_risk
from ..models import Patent


class LapseRiskSerializer(serializers.Serializer):
    application_number = serializers.CharField(source="patent.application_number")
    title = serializers.CharField(source="patent.title")
    application_date = serializers.DateField(source="patent.application_date")
    enterprise = serializers.IntegerField(source="patent.enterprise_id")
    enterprise_name = serializers.CharField(source="patent.enterprise.name")
    due = serializers.DateField(help_text=_("The annuity falls due on the anniversary of the filing date"))
    grace_end = serializers.DateField(help_text=_("The end of the 6-month grace period"))
    reminded_at = serializers.DateTimeField(allow_null=True)


class LapseRiskViewSet(viewsets.ViewSet):
    """Park invention patents in force whose annuity falls due in the 90 days from the day (read-only)."""

    @extend_schema(
        description=_(
            "Park invention patents in force whose annuity falls due in the 90 days from the day (read-only)."
        ),
        parameters=[OpenApiParameter("date", dt.date, description=_("From this day (default: today)"))],
        responses=LapseRiskSerializer(many=True),
    )
    def list(self, request):
        day = query_date(request) or timezone.localdate()
        items = at_risk(Patent.objects.for_user(request.user), day)
        return Response(LapseRiskSerializer(items, many=True).data)
