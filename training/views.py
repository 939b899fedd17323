"""The officials' list of key enterprises' IP staff not yet trained in a year (M5's gap)."""

from django.views.generic import ListView

from ipportal.permissions import OfficialRequiredMixin
from targets.models import Plan

from .indicators import key_ip_staff, key_ip_staff_total


class UntrainedStaffView(OfficialRequiredMixin, ListView):
    template_name = "training/untrained.html"
    paginate_by = 50

    def year(self) -> int:
        value = self.request.GET.get("year", "")
        if value.isdigit() and 1990 <= int(value) <= 2100:
            return int(value)
        return Plan.objects.reporting_day().year

    def get_queryset(self):
        year = self.year()
        return (
            key_ip_staff(year)
            .exclude(pk__in=key_ip_staff(year).trained_in(year).values("pk"))
            .select_related("enterprise")
            .order_by("enterprise__name", "name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.year()
        context.update(year=year, total=key_ip_staff_total(year), trained=key_ip_staff(year).trained_in(year).count())
        if not self.request.GET.get("year"):
            context["reporting"] = Plan.objects.reporting_day()
        return context
