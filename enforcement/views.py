from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import CreateView

from ipportal import ratelimit
from ipportal.permissions import OfficialRequiredMixin
from ipportal.roles import enterprise_of
from ipportal.security import client_ip
from ipportal.uploads import document_response

from .forms import START_TOKEN_VALID_SECONDS, AssistanceRequestForm, PublicComplaintForm, SurveyResponseForm
from .models import AssistanceRequest, Survey


class SurveyResponseCreateView(OfficialRequiredMixin, CreateView):
    """An official enters one questionnaire of a survey."""

    form_class = SurveyResponseForm
    template_name = "enforcement/response_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.survey = get_object_or_404(Survey, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "survey": self.survey}

    def form_valid(self, form):
        if self.survey.responses.filter(respondent_ref=form.cleaned_data["respondent_ref"]).exists():
            form.add_error("respondent_ref", _("This questionnaire number is already entered for the survey."))
            return self.form_invalid(form)
        form.instance.survey = self.survey
        form.save()
        messages.success(self.request, _("Response saved."))
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return self.survey.get_absolute_url()


class AssistanceRequestCreateView(LoginRequiredMixin, CreateView):
    """An enterprise user asks the IP office for help defending its rights."""

    form_class = AssistanceRequestForm
    template_name = "enforcement/assistance_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and enterprise_of(request.user) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.enterprise = enterprise_of(self.request.user)
        form.instance.submitted_by = self.request.user
        messages.success(self.request, _("Your request was sent to the IP office."))
        return super().form_valid(form)


class AssistanceAttachmentView(LoginRequiredMixin, View):
    def get(self, request, pk):
        entry = get_object_or_404(AssistanceRequest.objects.for_user(request.user), pk=pk)
        if not entry.attachment:
            raise Http404
        return document_response(entry.attachment, f"assistance-{entry.pk}")


class PublicComplaintView(CreateView):
    """举报投诉: anyone may report an infringement, without an account."""

    form_class = PublicComplaintForm
    template_name = "enforcement/complaint_form.html"

    def form_valid(self, form):
        # Each start token sends one report: a recorded token is refused in every process.
        if not ratelimit.use_once("complaint", form.cleaned_data["started"], START_TOKEN_VALID_SECONDS):
            form.add_error(None, _("This form has been sent already; to send another report, open the form again."))
            return self.form_invalid(form)
        if not ratelimit.hit("complaint", client_ip(self.request), settings.COMPLAINTS_PER_HOUR_ADDRESS, 3600):
            form.add_error(None, _("Too many reports from this address in the last hour; please try again later."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        form.save()
        return render(self.request, "enforcement/complaint_thanks.html")
