"""The officials' list of enterprises close to qualifying for M1 and M2."""

from django.utils import timezone
from django.views.generic import TemplateView

from ipportal.permissions import OfficialRequiredMixin

from ..qualifying import certifications_expiring, high_tech_without_certification, targets_without_pilot


class QualifyingView(OfficialRequiredMixin, TemplateView):
    """High-tech enterprises without a valid certificate, certificates to renew, and M2's
    enterprises without an ISO 56005 pilot: each with a link to add what is missing."""

    template_name = "enterprises/qualifying.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return {
            **super().get_context_data(**kwargs),
            "today": today,
            "uncertified": high_tech_without_certification(today).order_by("name"),
            "expiring": certifications_expiring(today),
            "without_pilot": targets_without_pilot(today).order_by("name"),
        }
