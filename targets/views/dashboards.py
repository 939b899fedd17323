"""Officials' dashboard, the record charts (with table views and XLSX downloads) and annual reports."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView

from core.records.views import xlsx_response
from ipportal.permissions import OfficialRequiredMixin

from ..cache import ATTENTION_GENERATION_KEY, VALUES_GENERATION_KEY, cached_for_generations
from ..dashboards import (
    attention,
    chart_by_slug,
    dashboard_year,
    history_chart_data,
    record_charts,
    tiles_by_area,
    timeline,
)
from ..models import AnnualReport, Status
from ..reports import find_lost as find_lost_reports
from ..tasks import request_report
from ..values import history_rows
from .indicators import current_plan


class DashboardView(OfficialRequiredMixin, TemplateView):
    """The officials' home: every indicator by area, what needs attention, the plan's calendar.

    The page's body is the same for every official on a day: the tiles (stored values only), the
    attention counts and the calendar. It is kept as HTML, with what it was made from, per role,
    year asked for, language and day, under both the values generation and the attention
    generation (targets.cache), so a recomputation, an approval, a new claim or a failed import
    shows at once. A hit costs one cache round trip and no query; only the page around the body
    (base.html: the reader's name, notifications, menu) is rendered per request."""

    template_name = "home_official.html"
    role = "official"

    def get_context_data(self, **kwargs):
        requested = self.request.GET.get("year")
        key = (
            f"dashboard:{self.role}:{requested_year_key(requested)}:{translation.get_language()}:"
            f"{timezone.localdate().isoformat()}"
        )
        parts = cached_for_generations(
            key, lambda: self.shared_parts(requested), (VALUES_GENERATION_KEY, ATTENTION_GENERATION_KEY)
        )
        plan, year = parts["plan"], parts["year"]
        return {
            **super().get_context_data(**kwargs),
            **parts,
            "body_html": mark_safe(parts["body_html"]),  # rendered from our templates (kept as text)
            # Made only when read (the body's HTML above may come from the cache).
            "areas": SimpleLazyObject(lambda: tiles_by_area(plan, year)),
        }

    @classmethod
    def shared_parts(cls, requested: str | None) -> dict:
        """What every official sees on the page for the year asked for (None: the reporting year),
        in the current language: the body's HTML, and the plan, year, attention cards and calendar
        it shows. Raises Http404 without a plan."""
        plan = current_plan()
        year = dashboard_year(plan, requested)
        tiles_html, behind = cls.tiles_part(plan, year)
        parts = {
            "plan": plan,
            "year": year,
            "reporting": plan.reporting_day() if not requested else None,
            "years": [y for y in plan.years if y >= plan.first_year],
            "attention": attention(plan, year, behind),
            "timeline": timeline(plan),
        }
        body = render_to_string("targets/includes/dashboard_body.html", {**parts, "tiles_html": mark_safe(tiles_html)})
        return {**parts, "body_html": str(body)}

    @staticmethod
    def tiles_part(plan, year: int) -> tuple[str, int]:
        """The tiles' HTML (status summary and the areas) and how many indicators are behind."""
        areas = tiles_by_area(plan, year)
        tiles = [tile for _code, _label, area_tiles in areas for tile in area_tiles]
        counts = dict.fromkeys(Status.values, 0)
        for tile in tiles:
            counts[tile.status] += 1
        html = render_to_string(
            "targets/includes/dashboard_tiles.html",
            {
                "areas": areas,
                "year": year,
                "status_counts": [(value, label, counts[value]) for value, label in Status.choices],
            },
        )
        return html, counts[Status.BEHIND]


def requested_year_key(requested: str | None) -> str:
    """The `?year=` asked for, as a bounded part of a cache key: "" for none, the year (1900–2100)
    for a number, "other" for anything else (all show the reporting year, without its notice)."""
    if not requested:
        return ""
    try:
        return str(min(max(int(requested), 1900), 2100))
    except ValueError:
        return "other"


class ChartsView(OfficialRequiredMixin, TemplateView):
    template_name = "targets/charts.html"

    def get_context_data(self, **kwargs):
        plan = current_plan()
        year = dashboard_year(plan, self.request.GET.get("year"))
        return {
            **super().get_context_data(**kwargs),
            "plan": plan,
            "year": year,
            "years": [y for y in plan.years if y >= plan.first_year],
            "cards": [
                (chart, f"{reverse('targets:chart-data', args=[chart.slug])}?year={year}")
                for chart in record_charts(plan, year)
            ],
        }


class ChartDataView(OfficialRequiredMixin, View):
    """A chart's data as XLSX: the same table as its table view."""

    def get(self, request, slug):
        plan = current_plan()
        year = dashboard_year(plan, request.GET.get("year"))
        if slug.startswith("history-"):
            indicator = get_object_or_404(plan.indicators, code__iexact=slug.removeprefix("history-"))
            chart = history_chart_data(indicator, history_rows(indicator))
        else:
            chart = chart_by_slug(plan, year, slug)
        if chart is None:
            raise Http404
        header = [str(chart.title), *(str(name) for name, _values in chart.series)]
        return xlsx_response(f"{slug}-{year}", header, chart.rows())


class ReportListView(OfficialRequiredMixin, TemplateView):
    template_name = "targets/report_list.html"

    def get_context_data(self, **kwargs):
        plan = current_plan()
        find_lost_reports()
        return {
            **super().get_context_data(**kwargs),
            "reports": AnnualReport.objects.select_related("created_by")[:50],
            "years": [y for y in plan.years if y >= plan.first_year],
            "default_year": dashboard_year(plan, None),
        }

    def post(self, request):
        plan = current_plan()
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            year = 0
        if year not in plan.years:
            messages.error(request, _("Choose a year of the plan."))
            return redirect("targets:report-list")
        # No "being made" notice: the report's page shows its state, which may already be "ready".
        return redirect(request_report(plan, year, request.user))


class ReportDetailView(OfficialRequiredMixin, DetailView):
    template_name = "targets/report_detail.html"
    model = AnnualReport

    def get_object(self, queryset=None):
        report = super().get_object(queryset)
        if report.is_active and find_lost_reports(AnnualReport.objects.filter(pk=report.pk)):
            report.refresh_from_db()
        return report


class ReportFileView(OfficialRequiredMixin, View):
    def get(self, request, pk, fmt):
        report = get_object_or_404(AnnualReport, pk=pk)
        stored = {"pdf": report.pdf, "xlsx": report.xlsx}.get(fmt)
        if not stored:
            raise Http404
        return FileResponse(stored.open("rb"), as_attachment=True, filename=f"annual-report-{report.year}.{fmt}")
