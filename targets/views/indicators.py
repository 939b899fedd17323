from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import CreateView, ListView, TemplateView, UpdateView

from ipportal.coded import render
from ipportal.permissions import OfficialRequiredMixin
from ipportal.uploads import document_response

from ..approval import active_approval, can_approve
from ..charts import history_chart
from ..dashboards import history_chart_data
from ..forecast import is_flow
from ..forms import (
    IndicatorTargetForm,
    NewIndicatorForm,
    OfficialStatisticForm,
    ReportedValueForm,
    WithdrawApprovalForm,
    YearlyFigureForm,
)
from ..formulas import describe
from ..history import annotate, approval_history, chart_series, value_changes
from ..links import records_link, value_notes
from ..models import Area, Plan, RecomputeRun, ReportedValue, Status, YearlyFigure
from ..tasks import queue_or_run
from ..values import approvals_of, history_rows, value_rows


class YearlyFigureListView(OfficialRequiredMixin, ListView):
    model = YearlyFigure
    template_name = "targets/yearly_list.html"


class YearlyFigureSaveMixin:
    model = YearlyFigure
    form_class = YearlyFigureForm
    template_name = "targets/yearly_form.html"

    def form_valid(self, form):
        form.instance.updated_by = self.request.user
        messages.success(self.request, _("Figures for %(year)s saved.") % {"year": form.instance.year})
        for warning in form.instance.implausibilities():
            messages.warning(self.request, render(warning))
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return reverse("targets:yearly-list")


class YearlyFigureCreateView(OfficialRequiredMixin, YearlyFigureSaveMixin, CreateView):
    pass


class YearlyFigureUpdateView(OfficialRequiredMixin, YearlyFigureSaveMixin, UpdateView):
    slug_field = "year"
    slug_url_kwarg = "year"


def current_plan() -> Plan:
    plan = Plan.objects.current()
    if plan is None:
        raise Http404
    return plan


class IndicatorListView(OfficialRequiredMixin, TemplateView):
    template_name = "targets/indicator_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = current_plan()
        reporting = plan.reporting_day()
        try:
            year = int(self.request.GET.get("year", ""))
        except ValueError:
            year = reporting.year
        if year not in plan.years:
            year = reporting.year
        rows = value_rows(plan, year)
        status = self.request.GET.get("status")
        if status in Status.values:
            rows = [row for row in rows if row["status"] == status]
        for row in rows:
            row["formula"] = describe(row)
            row["records"] = records_link(row["indicator"], year)
            row["notes"] = value_notes(row["inputs"], year)
        context.update(
            status=status if status in Status.values else "",
            statuses=Status.choices,
            reporting=reporting if year == reporting.year else None,
            plan=plan,
            year=year,
            years=plan.years,
            areas=[(code, label, [r for r in rows if r["area"] == code]) for code, label in Area.choices],
            last_run=RecomputeRun.objects.first(),
            last_failure=RecomputeRun.objects.filter(state=RecomputeRun.State.FAILED).first(),
            approval=active_approval(plan, year),
            past_approvals=[a for a in approvals_of(plan, year) if not a.is_active],
            can_approve=can_approve(self.request.user),
            withdraw_form=WithdrawApprovalForm(),
        )
        return context


class IndicatorDetailView(OfficialRequiredMixin, TemplateView):
    template_name = "targets/indicator_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = current_plan()
        indicator = get_object_or_404(plan.indicators, code__iexact=self.kwargs["code"])
        rows = annotate(indicator, history_rows(indicator))
        for row in rows:
            row["formula"] = describe(row)
            row["records"] = records_link(indicator, row["year"])
            row["notes"] = value_notes(row["inputs"], row["year"])
            if row["drift"] is not None:
                row["drift_lists"] = [
                    (_("Added since the approval"), row["drift"].added),
                    (_("Removed since the approval"), row["drift"].removed),
                    (_("Changed since the approval"), row["drift"].changed),
                ]
        changes = value_changes(indicator)
        history = history_chart_data(indicator, rows)
        history.series = [*history.series, *chart_series(rows, changes)]
        reporting_year = plan.reporting_day().year
        context.update(
            plan=plan,
            indicator=indicator,
            rows=rows,
            # The one status a reader takes away: the reporting year's (the plan's last year once it is over).
            headline=next((row for row in rows if row["year"] == reporting_year), rows[-1] if rows else None),
            is_flow=is_flow(indicator),
            chart=history_chart(indicator, rows),
            history=history,
            any_approved=any(row["approved"] for row in rows),
            any_official=any(row["official"] for row in rows),
            history_xlsx=reverse("targets:chart-data", args=[f"history-{indicator.code}"]),
            reported=indicator.reported_values.select_related("entered_by").order_by("year"),
            report_form=kwargs.get("report_form") or ReportedValueForm(initial={"year": plan.last_year}),
            can_report=indicator.is_reported or not indicator.calculator,
            muted_years=list(indicator.mutes.order_by("year").values_list("year", flat=True)),
            # Muting is about the warnings of the year being reported on, not the base year.
            mute_year=reporting_year,
            changes=changes,
            approvals=approval_history(indicator),
            official_form=kwargs.get("official_form")
            or OfficialStatisticForm(initial={"year": plan.reporting_day().year}),
            official_entries=indicator.official_statistics.select_related("entered_by").order_by("year"),
            can_enter_official=bool(indicator.calculator) and not indicator.is_reported,
        )
        return context

    def post(self, request, code):
        """An official's reported value for a year (reported indicators only)."""
        plan = current_plan()
        indicator = get_object_or_404(plan.indicators, code__iexact=code)
        existing = ReportedValue.objects.filter(indicator=indicator, year=request.POST.get("year")).first()
        form = ReportedValueForm(request.POST, request.FILES, instance=existing)
        if not (indicator.is_reported or not indicator.calculator):
            messages.error(request, _("This indicator is computed from the records; it cannot be entered."))
            return redirect(indicator)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(report_form=form), status=400)
        form.instance.indicator = indicator
        form.instance.entered_by = request.user
        form.save()
        messages.success(
            request, _("Value for %(year)s saved; the indicators are being recomputed.") % {"year": form.instance.year}
        )
        return redirect(indicator)


class IndicatorUpdateView(OfficialRequiredMixin, UpdateView):
    form_class = IndicatorTargetForm
    template_name = "targets/indicator_form.html"

    def get_object(self, queryset=None):
        return get_object_or_404(current_plan().indicators, code__iexact=self.kwargs["code"])

    def form_valid(self, form):
        messages.success(self.request, _("Indicator %(code)s saved.") % {"code": form.instance.code})
        return super().form_valid(form)


class IndicatorCreateView(OfficialRequiredMixin, CreateView):
    form_class = NewIndicatorForm
    template_name = "targets/indicator_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": current_plan()}


class RecomputeView(OfficialRequiredMixin, View):
    def post(self, request):
        if queue_or_run(f"button ({request.user.username})"):
            messages.success(request, _("Recomputation started; refresh the page in a moment."))
        else:
            messages.warning(
                request, _("The task queue is not reachable: the indicators were recomputed in this request.")
            )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = reverse("targets:indicator-list")
        return redirect(next_url)


class ReportedAttachmentView(OfficialRequiredMixin, View):
    def get(self, request, pk):
        entry = get_object_or_404(ReportedValue, pk=pk)
        if not entry.attachment:
            raise Http404
        return document_response(entry.attachment, f"{entry.indicator.code}-{entry.year}")
