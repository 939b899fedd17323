from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, ListView, UpdateView

from ipportal.permissions import OfficialRequiredMixin

from .forms import YearlyFigureForm
from .models import YearlyFigure


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
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return reverse("targets:yearly-list")


class YearlyFigureCreateView(OfficialRequiredMixin, YearlyFigureSaveMixin, CreateView):
    pass


class YearlyFigureUpdateView(OfficialRequiredMixin, YearlyFigureSaveMixin, UpdateView):
    slug_field = "year"
    slug_url_kwarg = "year"
