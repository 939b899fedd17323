"""The assessment dossiers (officials only): the per-task narratives edited before generating,
asking for a dossier (a Celery task, with progress), its page and its DOCX and PDF."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView

from ipportal.permissions import OfficialRequiredMixin

from ..dossier import accepted_reports, default_narrative, dossier_years, find_lost, save_narrative
from ..models import Dossier, Plan, TaskNarrative
from ..tasks import request_dossier
from .indicators import current_plan

WHOLE_PLAN = "all"
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def parse_period(plan: Plan, value: str) -> int | None:
    """A year of the plan, or None for "all" (the whole plan); Http404 for anything else."""
    if value == WHOLE_PLAN:
        return None
    try:
        year = int(value)
    except ValueError:
        raise Http404 from None
    if not plan.first_year <= year <= plan.last_year:
        raise Http404
    return year


class DossierListView(OfficialRequiredMixin, TemplateView):
    template_name = "targets/dossier_list.html"

    def get_context_data(self, **kwargs):
        plan = current_plan()
        find_lost()
        return {
            **super().get_context_data(**kwargs),
            "dossiers": Dossier.objects.filter(plan=plan).select_related("created_by")[:50],
            "years": list(range(plan.first_year, plan.last_year + 1)),
            "default_year": min(plan.reporting_day().year, plan.last_year),
            "whole_plan": WHOLE_PLAN,
        }

    def post(self, request):
        plan = current_plan()
        value = request.POST.get("period", "")
        try:
            year = parse_period(plan, value)
        except Http404:
            messages.error(request, _("Choose a year of the plan or the whole plan."))
            return redirect("targets:dossier-list")
        return redirect(request_dossier(plan, year, request.user))


class DossierDetailView(OfficialRequiredMixin, DetailView):
    template_name = "targets/dossier_detail.html"
    model = Dossier

    def get_object(self, queryset=None):
        dossier = super().get_object(queryset)
        if dossier.is_active and find_lost(Dossier.objects.filter(pk=dossier.pk)):
            dossier.refresh_from_db()
        return dossier

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "whole_plan": WHOLE_PLAN}


class DossierFileView(OfficialRequiredMixin, View):
    def get(self, request, pk, fmt):
        dossier = get_object_or_404(Dossier, pk=pk)
        stored = {"docx": dossier.docx, "pdf": dossier.pdf}.get(fmt)
        if not stored:
            raise Http404
        return FileResponse(
            stored.open("rb"),
            as_attachment=True,
            filename=f"{dossier.file_stem}.{fmt}",
            content_type=CONTENT_TYPES[fmt],
        )


class NarrativeEditView(OfficialRequiredMixin, TemplateView):
    """One text per key task, prefilled with an official's earlier text or the accepted reports'
    narrative; "save and make" also asks for the dossier."""

    template_name = "targets/dossier_narratives.html"

    def get_context_data(self, **kwargs):
        plan = current_plan()
        year = parse_period(plan, self.kwargs["period"])
        years = dossier_years(plan, year)
        edited = {n.task_id: n for n in TaskNarrative.objects.filter(task__plan=plan, year=year)}
        tasks = []
        for task in plan.key_tasks.prefetch_related("units").order_by("number"):
            default = default_narrative(task, years)
            own = edited.get(task.pk)
            tasks.append(
                {
                    "task": task,
                    "text": own.text if own else default,
                    "edited": own,
                    "reports": list(accepted_reports(task, years)),
                    "field": f"task-{task.pk}",
                }
            )
        return {
            **super().get_context_data(**kwargs),
            "year": year,
            "period": self.kwargs["period"],
            "years": list(range(plan.first_year, plan.last_year + 1)),
            "whole_plan": WHOLE_PLAN,
            "tasks": tasks,
        }

    def post(self, request, period):
        plan = current_plan()
        year = parse_period(plan, period)
        for task in plan.key_tasks.all():
            field = f"task-{task.pk}"
            if field in request.POST:
                save_narrative(task, year, request.POST[field], request.user)
        if "make" in request.POST:
            return redirect(request_dossier(plan, year, request.user))
        messages.success(request, _("The narratives are saved."))
        return redirect("targets:dossier-narratives", period=period)
