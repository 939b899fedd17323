"""The plan's key tasks for officials and the member units that report on them: the tasks, the
units' to-do lists, handing in plans and reports, the officials' review of them, what is overdue
or late, and the deadlines."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView, UpdateView

from core.review import TransitionRefused, timeline
from ipportal.permissions import OfficialRequiredMixin, SupervisionMixin
from ipportal.roles import is_official, unit_of
from ipportal.uploads import document_response

from .. import supervision
from ..forms import DeadlineForm, FollowUpDoneForm, ProgressReportForm, ReviewCommentForm, WorkPlanForm
from ..models import Area, Deadline, FollowUp, IndicatorValue, KeyTask, MemberUnit, Plan, ProgressReport, WorkPlan

SUBMISSIONS = {"plan": (WorkPlan, WorkPlanForm), "report": (ProgressReport, ProgressReportForm)}


def current_plan() -> Plan:
    plan = Plan.objects.current()
    if plan is None:
        raise Http404
    return plan


def submissions_for(model, user, task=None):
    rows = model.objects.for_user(user).select_related("task", "unit", "submitted_by")
    if task is not None:
        rows = rows.filter(task=task)
    return rows


def own_units(user):
    """None for officials (every unit), else the user's unit as a queryset."""
    return None if is_official(user) else MemberUnit.objects.filter(pk=unit_of(user).pk)


class TaskListView(SupervisionMixin, TemplateView):
    """The key tasks; for a member unit also its to-do list: what is due or overdue, what was
    returned, and its open follow-ups."""

    template_name = "targets/task_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = current_plan()
        user = self.request.user
        today = timezone.localdate()
        tasks = list(
            KeyTask.objects.for_user(user).filter(plan=plan).prefetch_related("units", "indicators").order_by("number")
        )
        units = own_units(user)
        owed = supervision.obligations(plan, units=units, today=today)
        context.update(
            plan=plan,
            areas=[(code, label, [t for t in tasks if t.area == code]) for code, label in Area.choices],
            overdue=[item for item in owed if item.overdue],
        )
        if units is not None:
            year = today.year
            context.update(
                todo=[item for item in owed if item.missing and not item.overdue and item.year in (year, year + 1)],
                returned=[
                    entry
                    for model in (WorkPlan, ProgressReport)
                    for entry in submissions_for(model, user).filter(state=supervision.ReviewState.RETURNED)
                ],
                follow_ups=FollowUp.objects.for_user(user).open().select_related("task", "decision__meeting"),
                done_form=FollowUpDoneForm(),
                today=today,
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
    """A member unit hands in a work plan or a progress report on one of its tasks, or hands it
    in again after it was returned."""

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
        try:
            existing = model.objects.filter(**lookup).first()
        except (ValueError, TypeError):
            existing = None
        form = form_class(request.POST, request.FILES, instance=existing, auto_id=SUBMISSION_IDS[kind])
        if not form.is_valid():
            view = TaskDetailView(request=request, kwargs={"number": number})
            context = view.get_context_data(**{f"{kind}_form": form})
            return view.render_to_response(context, status=400)
        form.instance.task, form.instance.unit = task, unit
        try:
            if existing is not None and existing.state not in supervision.EDITABLE:
                raise TransitionRefused(_("It has been accepted and can no longer be changed."))
            entry = form.save(commit=False)
            supervision.hand_in(entry, request.user)
        except TransitionRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(task)
        messages.success(request, _("Handed in. Thank you."))
        return redirect(entry)


class SubmissionMixin:
    def get_submission(self, kind: str, pk: int):
        if kind not in SUBMISSIONS:
            raise Http404
        return get_object_or_404(submissions_for(SUBMISSIONS[kind][0], self.request.user), pk=pk)


class SubmissionDetailView(SupervisionMixin, SubmissionMixin, TemplateView):
    """A plan or report with its timeline: officials accept or return it, the unit edits and resubmits."""

    template_name = "targets/submission_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.get_submission(self.kwargs["kind"], self.kwargs["pk"])
        user = self.request.user
        own = unit_of(user) is not None and unit_of(user).pk == entry.unit_id
        form_class = SUBMISSIONS[self.kwargs["kind"]][1]
        due = supervision.due_date("plan" if entry.KIND == "plan" else entry.period, entry.year, entry.task, entry.unit)
        context.update(
            entry=entry,
            kind=self.kwargs["kind"],
            timeline=timeline(entry),
            due=due,
            late=entry.submitted_at is not None and timezone.localdate(entry.submitted_at) > due,
            can_review=is_official(user) and entry.state in supervision.REVIEWABLE,
            can_edit=own and entry.state in supervision.EDITABLE,
            review_form=ReviewCommentForm(),
            edit_form=form_class(instance=entry),
        )
        return context


class SubmissionReviewView(OfficialRequiredMixin, SubmissionMixin, View):
    """An official accepts a plan or report, or returns it with a comment."""

    def post(self, request, kind, pk):
        entry = self.get_submission(kind, pk)
        action = request.POST.get("action")
        if action not in supervision.REVIEW_ACTIONS:
            raise Http404
        try:
            supervision.review(entry, action, request.user, request.POST.get("comment", ""))
        except TransitionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Accepted.") if action == "accept" else _("Returned to the unit."))
        return redirect(entry)


class OverdueListView(OfficialRequiredMixin, TemplateView):
    """What is overdue (plans, reports, follow-ups) and what was handed in late."""

    template_name = "targets/overdue_list.html"

    def get_context_data(self, **kwargs):
        plan = current_plan()
        today = timezone.localdate()
        owed = supervision.obligations(plan, today=today)
        return {
            **super().get_context_data(**kwargs),
            "overdue": [item for item in owed if item.overdue],
            "late": [item for item in owed if item.late],
            "follow_ups": FollowUp.objects.overdue(today)
            .filter(decision__meeting__plan=plan)
            .select_related("unit", "task", "decision__meeting"),
            "today": today,
        }


class FollowUpDoneView(SupervisionMixin, View):
    """The unit a follow-up is assigned to says how it was done."""

    def post(self, request, pk):
        follow_up = get_object_or_404(FollowUp.objects.for_user(request.user).open(), pk=pk)
        if unit_of(request.user) is None or unit_of(request.user).pk != follow_up.unit_id:
            raise PermissionDenied
        form = FollowUpDoneForm(request.POST)
        try:
            supervision.mark_done(follow_up, request.user, form.data.get("note", ""))
        except TransitionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Marked as done."))
        return redirect("targets:task-list")


class DeadlineListView(OfficialRequiredMixin, TemplateView):
    """The year's deadlines as set, the defaults, and a form to add one."""

    template_name = "targets/deadline_list.html"

    def get_context_data(self, **kwargs):
        plan = current_plan()
        year = timezone.localdate().year
        return {
            **super().get_context_data(**kwargs),
            "deadlines": Deadline.objects.select_related("task", "unit"),
            "defaults": [(kind.label, supervision.default_due(kind, year)) for kind in Deadline.Kind],
            "form": kwargs.get("form") or DeadlineForm(plan=plan, initial={"year": year}),
        }

    def post(self, request):
        form = DeadlineForm(request.POST, plan=current_plan())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        form.save()
        messages.success(request, _("Deadline saved."))
        return redirect("targets:deadline-list")


class DeadlineUpdateView(OfficialRequiredMixin, UpdateView):
    model = Deadline
    form_class = DeadlineForm
    template_name = "targets/deadline_form.html"
    success_url = reverse_lazy("targets:deadline-list")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": current_plan()}


class SubmissionAttachmentView(SupervisionMixin, View):
    def get(self, request, kind, pk):
        if kind not in SUBMISSIONS:
            raise Http404
        entry = get_object_or_404(submissions_for(SUBMISSIONS[kind][0], request.user), pk=pk)
        if not entry.attachment:
            raise Http404
        return document_response(entry.attachment, f"task{entry.task.number}-{entry.year}-{kind}")
