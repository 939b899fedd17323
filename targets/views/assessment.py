"""The yearly assessment of the member units: the office's rubric, the officials' scores of each
unit per key task, and the year's table of scores as XLSX."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.records.views import xlsx_response
from ipportal.exports import safe_cell
from ipportal.permissions import OfficialRequiredMixin

from .. import assessment
from ..forms import AssessmentItemForm, ScoreForm
from .supervision import current_plan


def year_of(request, plan) -> int:
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or timezone.localdate().year)
    except ValueError as error:
        raise Http404 from error
    if not plan.first_year <= year <= plan.last_year:
        year = min(max(year, plan.first_year), plan.last_year)
    return year


class AssessmentView(OfficialRequiredMixin, TemplateView):
    template_name = "targets/assessment.html"

    def get_context_data(self, **kwargs):
        plan = current_plan()
        year = kwargs.get("year") or year_of(self.request, plan)
        items, rows = assessment.score_table(plan, year)
        return {
            **super().get_context_data(**kwargs),
            "plan": plan,
            "year": year,
            "years": list(range(plan.first_year, plan.last_year + 1)),
            "items": items,
            "rows": rows,
            "total_weight": assessment.total_weight(plan, year),
            "item_form": kwargs.get("item_form") or AssessmentItemForm(initial={"order": len(items) + 1}),
            "score_form": kwargs.get("score_form") or ScoreForm(plan=plan, year=year),
        }

    def post(self, request):
        plan = current_plan()
        year = year_of(request, plan)
        back = reverse("targets:assessment") + f"?year={year}"
        if request.POST.get("form") == "item":
            form = AssessmentItemForm(request.POST)
            form.instance.plan, form.instance.year = plan, year
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(year=year, item_form=form), status=400)
            form.save()
            messages.success(request, _("Item added to the rubric."))
            return redirect(back)
        form = ScoreForm(request.POST, plan=plan, year=year)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(year=year, score_form=form), status=400)
        data = form.cleaned_data
        assessment.record_score(data["item"], data["unit"], data["task"], data["score"], request.user, data["comment"])
        messages.success(request, _("Score saved."))
        return redirect(back)


class AssessmentExportView(OfficialRequiredMixin, View):
    def get(self, request):
        plan = current_plan()
        year = year_of(request, plan)
        items, rows = assessment.score_table(plan, year)
        header = [
            _("member unit"),
            _("key task"),
            *[safe_cell(f"{item.display_name} (×{format(item.weight.normalize(), 'f')})") for item in items],
            _("weighted total"),
        ]
        table = (
            [
                row.unit.name,
                str(row.task),
                *[float(s) if s is not None else None for s in row.scores],
                float(row.total) if row.total is not None else None,
            ]
            for row in rows
        )
        return xlsx_response(f"assessment-{year}", header, table)
