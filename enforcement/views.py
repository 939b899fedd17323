from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import CreateView

from ipportal.permissions import OfficialRequiredMixin

from .forms import SurveyResponseForm
from .models import Survey


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
