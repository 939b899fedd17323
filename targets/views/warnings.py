"""Early warnings: what got worse in a recomputation, and muting an indicator for a year."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView

from ipportal.permissions import OfficialRequiredMixin

from ..early_warnings import labelled
from ..models import EarlyWarning, IndicatorMute
from .supervision import current_plan


class WarningDetailView(OfficialRequiredMixin, DetailView):
    model = EarlyWarning
    template_name = "targets/warning_detail.html"
    context_object_name = "warning"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "changes": [labelled(c) for c in self.object.changes]}


class IndicatorMuteView(OfficialRequiredMixin, View):
    """Mute (or unmute) an indicator's early warnings for a year."""

    def post(self, request, code):
        plan = current_plan()
        indicator = get_object_or_404(plan.indicators, code__iexact=code)
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            year = None
        if year is None or year not in plan.years:
            messages.error(request, _("Choose a year of the plan."))
            return redirect(indicator)
        mute = IndicatorMute.objects.filter(indicator=indicator, year=year).first()
        if mute:
            mute.delete()
            messages.success(request, _("Early warnings for %(year)d are on again.") % {"year": year})
        else:
            IndicatorMute.objects.create(indicator=indicator, year=year, muted_by=request.user)
            messages.success(request, _("Early warnings for %(year)d are muted.") % {"year": year})
        return redirect(indicator)
