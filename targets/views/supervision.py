"""The plan's key tasks for officials and the member units that report on them."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from ipportal.permissions import OfficialRequiredMixin, SupervisionMixin
from ipportal.roles import is_official, unit_of
from ipportal.uploads import document_response

from ..forms import ProgressReportForm, WorkPlanForm
from ..models import Area, IndicatorValue, KeyTask, MemberUnit, Plan, ProgressReport, WorkPlan
from ..supervision import overdue_work_plans

SUBMISSIONS = {"plan": (WorkPlan, WorkPlanForm), "report": (ProgressReport, ProgressReportForm)}


def current_plan() -> Plan:
    plan = Plan.objects.current()
    if plan is None:
        raise Http404
    return plan


def submissions_for(model, user, task=None):
    rows = model.objects.select_related("task", "unit", "submitted_by")
    if task is not None:
        rows = rows.filter(task=task)
    if not is_official(user):
        rows = rows.filter(unit=unit_of(user))
    return rows


class TaskListView(SupervisionMixin, TemplateView):
    template_name = "targets/task_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = current_plan()
        user = self.request.user
        tasks = list(
            KeyTask.objects.for_user(user).filter(plan=plan).prefetch_related("units", "indicators").order_by("number")
        )
        units = None if is_official(user) else MemberUnit.objects.filter(pk=unit_of(user).pk)
        context.update(
            plan=plan,
            areas=[(code, label, [t for t in tasks if t.area == code]) for code, label in Area.choices],
            overdue=overdue_work_plans(plan, units=units),
        )
        return context


SUBMISSION_IDS = {"plan": "id_plan_%s", "report": "id_report_%s"}


class TaskDetailView(SupervisionMixin, TemplateView):
    template_name = "targets/task_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = current_plan()
        user = self.request.user
        task = get_object_or_404(KeyTask.objects.for_user(user).filter(plan=plan), number=self.kwargs["number"])
        reporting = plan.reporting_day()
        year = reporting.year
        values = {
            v.indicator_id: v for v in IndicatorValue.objects.filter(indicator__in=task.indicators.all(), year=year)
        }
        context.update(
            plan=plan,
            task=task,
            year=year,
            reporting=reporting,
            indicators=[(indicator, values.get(indicator.pk)) for indicator in task.indicators.all()],
            work_plans=submissions_for(WorkPlan, user, task),
            reports=submissions_for(ProgressReport, user, task),
            can_submit=unit_of(user) is not None and task.units.filter(pk=unit_of(user).pk).exists(),
            # Work plans are for the next year, but never past the plan's last one. Each form gets
            # its own element ids: both have a year, a text and an attachment.
            plan_form=kwargs.get("plan_form")
            or WorkPlanForm(initial={"year": min(year + 1, plan.last_year)}, auto_id=SUBMISSION_IDS["plan"]),
            report_form=kwargs.get("report_form")
            or ProgressReportForm(initial={"year": year}, auto_id=SUBMISSION_IDS["report"]),
        )
        return context


class TaskSubmitView(SupervisionMixin, View):
    """A member unit hands in a work plan or a progress report on one of its tasks."""

    def post(self, request, number, kind):
        if kind not in SUBMISSIONS:
            raise Http404
        unit = unit_of(request.user)
        task = get_object_or_404(KeyTask.objects.for_user(request.user).filter(plan=current_plan()), number=number)
        if unit is None or not task.units.filter(pk=unit.pk).exists():
            messages.error(request, _("Only the member units responsible for this task hand in its plans and reports."))
            return redirect(task)
        model, form_class = SUBMISSIONS[kind]
        lookup = {"task": task, "unit": unit, "year": request.POST.get("year") or 0}
        if kind == "report":
            lookup["period"] = request.POST.get("period") or ""
        form = form_class(
            request.POST, request.FILES, instance=model.objects.filter(**lookup).first(), auto_id=SUBMISSION_IDS[kind]
        )
        if not form.is_valid():
            view = TaskDetailView(request=request, kwargs={"number": number})
            context = view.get_context_data(**{f"{kind}_form": form})
            return view.render_to_response(context, status=400)
        form.instance.task, form.instance.unit = task, unit
        form.instance.submitted_by, form.instance.submitted_at = request.user, timezone.now()
        form.save()
        messages.success(request, _("Handed in. Thank you."))
        return redirect(task)


class OverdueListView(OfficialRequiredMixin, TemplateView):
    template_name = "targets/overdue_list.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "overdue": overdue_work_plans(current_plan())}


class SubmissionAttachmentView(SupervisionMixin, View):
    def get(self, request, kind, pk):
        if kind not in SUBMISSIONS:
            raise Http404
        entry = get_object_or_404(submissions_for(SUBMISSIONS[kind][0], request.user), pk=pk)
        if not entry.attachment:
            raise Http404
        return document_response(entry.attachment, f"task{entry.task.number}-{entry.year}-{kind}")
