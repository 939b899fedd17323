import datetime as dt
import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from ipportal.filters import query_date, query_year
from ipportal.roles import sees_all_park_data

from ..cache import VALUES_GENERATION_KEY, cached_for_generations
from ..forecast import forecasts, json_forecast
from ..history import annotate, approval_history, json_approval, json_change, json_extra, value_changes
from ..models import Area, Plan
from ..values import as_number, history_rows, json_row, value_rows
from .serializers import (
    ForecastSerializer,
    IndicatorChangesSerializer,
    IndicatorHistorySerializer,
    IndicatorValueSerializer,
)


def default_year(plan: Plan) -> int:
    return plan.reporting_day().year


# What only officials and API clients read of the figures: who approved (and withdrew, and why),
# the records behind a drift (other enterprises' records among them) and what triggered each
# recomputation. Enterprise users read the park's figures themselves, as approved.
OFFICE_VALUE_FIELDS = ("approved_by", "drift")


def for_reader(user, values: list[dict]) -> list[dict]:
    """The value rows (API dicts) as the user may read them: unchanged for officials and API
    clients; without OFFICE_VALUE_FIELDS (None) for enterprise users."""
    if sees_all_park_data(user):
        return values
    return [{**row, **{field: None for field in OFFICE_VALUE_FIELDS if field in row}} for row in values]


def history_for_reader(user, data: dict) -> dict:
    """The history answer as the user may read it: enterprise users get the changes without their
    trigger and the approvals without who approved or withdrew them and why."""
    if sees_all_park_data(user):
        return data
    return {
        **data,
        "changes": [{**change, "trigger": "", "trigger_label": ""} for change in data["changes"]],
        "approvals": [
            {**approval, "approved_by": "", "withdrawn_by": None, "withdrawal_reason": ""}
            for approval in data["approvals"]
        ],
    }


@extend_schema(description=gettext_lazy("The plan's indicators with their stored values (read-only)."))
class IndicatorViewSet(viewsets.ViewSet):
    """The plan's indicators with their stored values (read-only)."""

    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9_-]+"

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "year",
                int,
                description=gettext_lazy(
                    "A year of the plan, base year included (default: the current year, or the plan's last "
                    "year once it is over); another year is refused (400) with the plan's years"
                ),
            ),
            OpenApiParameter("area", str, enum=list(Area.values)),
        ],
        responses=IndicatorValueSerializer(many=True),
    )
    def list(self, request):
        key, year, area = self.answer_key(request)
        # The answer changes only when a recomputation writes values: its JSON is kept in the cache
        # under the generation of the stored values. The throttle read it along with its count
        # (throttle_read_along), so a hit costs no further round trip.
        rendered = cached_for_generations(
            key, lambda: self.list_answer(request.user, year, area), found=getattr(self, "read_along", None)
        )
        return self.cached_response(request, rendered)

    @staticmethod
    def list_answer(user, year: int | None, area: str | None) -> bytes:
        """The list's JSON for this reader. Raises ValidationError for a year outside the plan."""
        plan = Plan.objects.for_year(year) if year else Plan.objects.current()
        if plan is None:
            return JSONRenderer().render([])
        if year and not plan.base_year <= year <= plan.last_year:
            # Values exist only for the plan's years: any other year would list every indicator as
            # "not computed yet", which no recomputation can change.
            raise ValidationError(
                {
                    "year": _("a year of the plan, %(first)s–%(last)s (base year included)")
                    % {"first": plan.base_year, "last": plan.last_year}
                }
            )
        rows = for_reader(user, [json_row(row) for row in value_rows(plan, year or default_year(plan), area)])
        return JSONRenderer().render(IndicatorValueSerializer(rows, many=True).data)

    def answer_key(self, request) -> tuple[str, int | None, str | None]:
        """The cache key of the list's answer for this reader, language, year and area, with the
        year and area asked for (worked out once a request). Raises ValidationError for a bad year
        or area."""
        if getattr(self, "_answer_key", None) is None:
            self._answer_key = self.list_answer_key(request)
        return self._answer_key

    @staticmethod
    def list_answer_key(request) -> tuple[str, int | None, str | None]:
        area = request.query_params.get("area") or None
        if area and area not in Area.values:
            raise ValidationError({"area": _("one of %(areas)s") % {"areas": ", ".join(Area.values)}})
        year = query_year(request)
        reader = "park" if sees_all_park_data(request.user) else "enterprise"
        return f"api:indicator-json:{reader}:{translation.get_language()}:{year or ''}:{area or ''}", year, area

    def throttle_read_along(self, request) -> tuple[str, ...]:
        """What the list reads from the cache, read with the throttle's count (ipportal.throttling)."""
        if self.action != "list" or not settings.VALUES_CACHE_SECONDS:
            return ()
        try:
            key, _year, _area = self.answer_key(request)
        except ValidationError:
            return ()  # refused by list() itself
        return (VALUES_GENERATION_KEY, key)

    @staticmethod
    def cached_response(request, rendered: bytes):
        """A cached answer: the JSON bytes as they are for JSON clients (no re-encoding on every
        poll), the data for the browsable API."""
        if isinstance(request.accepted_renderer, JSONRenderer):
            return HttpResponse(rendered, content_type="application/json")
        return Response(json.loads(rendered))

    @extend_schema(
        description=gettext_lazy(
            "Year-end forecasts of the annual (flow) indicators, from the records dated up to the day."
        ),
        parameters=[
            OpenApiParameter(
                "date",
                dt.date,
                description=gettext_lazy(
                    "Forecast as of this day (default: today, or the plan's last day once it is over)"
                ),
            )
        ],
        responses=ForecastSerializer(many=True),
    )
    @action(detail=False)
    def forecast(self, request):
        """Year-end forecasts of the annual (flow) indicators, from the records dated up to the day."""
        as_of = query_date(request) or Plan.objects.reporting_day().day
        plan = Plan.objects.for_year(as_of.year)
        if plan is None:
            return Response([])
        rows = [json_forecast(item) for item in forecasts(plan, as_of)]
        return Response(ForecastSerializer(rows, many=True).data)

    @staticmethod
    def indicator(code: str):
        plan = Plan.objects.current()
        indicator = plan.indicators.filter(code__iexact=code).first() if plan else None
        if indicator is None:
            raise Http404
        return indicator

    @extend_schema(
        description=gettext_lazy(
            "The indicator's values by year; for an approved year the approved value, the current "
            "computation, their difference and the records that make it (drift)."
        ),
        responses=IndicatorHistorySerializer,
    )
    def retrieve(self, request, code=None):
        indicator = self.indicator(code)
        rows = annotate(indicator, history_rows(indicator))
        data = {
            "code": indicator.code,
            "name_zh": indicator.name_zh,
            "name_en": indicator.name_en,
            "area": indicator.area,
            "unit": indicator.unit,
            "direction": indicator.direction,
            "aggregation": indicator.aggregation,
            "target": as_number(indicator.target),
            "definition_zh": indicator.definition_zh,
            "definition_en": indicator.definition_en,
            "values": for_reader(request.user, [{**json_row(row), **json_extra(row)} for row in rows]),
        }
        return Response(IndicatorHistorySerializer(data).data)

    @extend_schema(
        description=gettext_lazy(
            "Every stored value a recomputation replaced (previous value and inputs, new value, when, "
            "trigger), newest first, and every approval of the indicator's years, withdrawn ones included."
        ),
        responses=IndicatorChangesSerializer,
    )
    @action(detail=True)
    def history(self, request, code=None):
        indicator = self.indicator(code)
        data = history_for_reader(
            request.user,
            {
                "code": indicator.code,
                "changes": [json_change(change) for change in value_changes(indicator)],
                "approvals": [json_approval(row) for row in approval_history(indicator)],
            },
        )
        return Response(IndicatorChangesSerializer(data).data)
