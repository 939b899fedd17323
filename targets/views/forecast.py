from django.http import Http404
from django.views.generic import TemplateView

from ipportal.dates import parse_day
from ipportal.permissions import OfficialRequiredMixin

from ..forecast import forecasts
from ..models import Plan


class ForecastView(OfficialRequiredMixin, TemplateView):
    """Year-end forecasts of the annual indicators, as of today or a day the official picks."""

    template_name = "targets/forecast.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reporting = Plan.objects.reporting_day()
        today = reporting.day
        day_param = self.request.GET.get("date", "").strip()
        error = False
        try:
            as_of = parse_day(day_param) if day_param else today
        except ValueError:
            as_of, error = today, True
        plan = Plan.objects.for_year(as_of.year)
        if plan is None:
            raise Http404
        context.update(
            plan=plan,
            as_of=as_of,
            date_error=error,
            forecasts=forecasts(plan, as_of),
            today=today,
            reporting=reporting if not day_param else None,
        )
        return context
