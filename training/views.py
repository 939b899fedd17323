"""The officials' list of key enterprises' IP staff not yet trained in a year (M5's gap)."""

from django.utils import timezone
from django.views.generic import ListView

from ipportal.permissions import OfficialRequiredMixin

from .indicators import key_ip_staff, key_ip_staff_total


class UntrainedStaffView(OfficialRequiredMixin, ListView):
    template_name = "training/untrained.html"
    paginate_by = 50

    def year(self) -> int:
        value = self.request.GET.get("year", "")
        return int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else timezone.localdate().year

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
        return context
