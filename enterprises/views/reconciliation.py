from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from ipportal.permissions import OfficialRequiredMixin

from ..reconciliation import SOURCES, mark_reconciled, parse_year, worklist

SHOWN = 200


class ReconciliationView(OfficialRequiredMixin, TemplateView):
    """Officials' worklist: filings against the imported lists."""

    template_name = "enterprises/reconciliation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = parse_year(self.request.GET.get("year"))
        parts = worklist(year)
        for part in parts:
            part["imported_count"] = part["imported"].count()
            part["imported"] = list(part["imported"][:SHOWN])
        context.update(year=year, parts=parts, shown=SHOWN)
        return context


class MarkReconciledView(OfficialRequiredMixin, View):
    def post(self, request, source, pk):
        if source not in SOURCES:
            raise Http404
        record = get_object_or_404(SOURCES[source].model, pk=pk, reconciled=False)
        mark_reconciled(record, request.user)
        messages.success(request, _("%(record)s is marked reconciled; it can now be claimed.") % {"record": record})
        return redirect(reverse("enterprises:reconciliation") + f"?year={parse_year(request.POST.get('year'))}")
