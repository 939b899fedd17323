"""The leading group's meetings (五(一) 强化组织领导): the record of each meeting, its decisions,
and the follow-ups (督办) a decision assigns to member units."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from ipportal.permissions import OfficialRequiredMixin

from ..forms import DecisionForm, FollowUpForm, MeetingForm
from ..models import Decision, Meeting
from .supervision import current_plan


class MeetingListView(OfficialRequiredMixin, TemplateView):
    template_name = "targets/meeting_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        meetings = Meeting.objects.filter(plan=current_plan()).annotate(
            follow_up_count=Count("decisions__follow_ups"),
            open_count=Count("decisions__follow_ups", filter=Q(decisions__follow_ups__done_at__isnull=True)),
            overdue_count=Count(
                "decisions__follow_ups",
                filter=Q(decisions__follow_ups__done_at__isnull=True, decisions__follow_ups__due__lt=today),
            ),
        )
        return {
            **super().get_context_data(**kwargs),
            "meetings": meetings,
            "form": kwargs.get("form") or MeetingForm(initial={"date": today}),
        }

    def post(self, request):
        form = MeetingForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        with transaction.atomic():
            form.instance.plan, form.instance.created_by = current_plan(), request.user
            meeting = form.save()
            Decision.objects.bulk_create(
                Decision(meeting=meeting, number=number, text=text)
                for number, text in enumerate(form.decision_lines(), start=1)
            )
        messages.success(request, _("Meeting recorded."))
        return redirect(meeting)


class MeetingDetailView(OfficialRequiredMixin, TemplateView):
    """A meeting: add a decision, or turn a decision into a follow-up for a unit."""

    template_name = "targets/meeting_detail.html"

    def get_meeting(self) -> Meeting:
        return get_object_or_404(Meeting.objects.filter(plan=current_plan()), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        meeting = self.get_meeting()
        decisions = meeting.decisions.prefetch_related("follow_ups__unit", "follow_ups__task")
        return {
            **super().get_context_data(**kwargs),
            "meeting": meeting,
            "decisions": decisions,
            "decision_form": kwargs.get("decision_form") or DecisionForm(),
            "follow_up_form": kwargs.get("follow_up_form") or FollowUpForm(plan=meeting.plan),
            "blank_follow_up_form": FollowUpForm(plan=meeting.plan),
            "failed_decision": kwargs.get("failed_decision"),
            "today": timezone.localdate(),
        }

    def post(self, request, pk):
        meeting = self.get_meeting()
        if "decision" in request.POST:
            decision = get_object_or_404(meeting.decisions, pk=request.POST["decision"])
            form = FollowUpForm(request.POST, plan=meeting.plan)
            if not form.is_valid():
                context = self.get_context_data(follow_up_form=form, failed_decision=decision.pk)
                return self.render_to_response(context, status=400)
            form.instance.decision = decision
            form.save()
            messages.success(request, _("Follow-up assigned to %(unit)s.") % {"unit": form.instance.unit.name})
            return redirect(meeting)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form), status=400)
        with transaction.atomic():
            last = meeting.decisions.aggregate(last=Max("number"))["last"] or 0
            form.instance.meeting, form.instance.number = meeting, last + 1
            form.save()
        messages.success(request, _("Decision added."))
        return redirect(meeting)
