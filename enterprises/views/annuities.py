import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from ipportal.dates import parse_day
from ipportal.permissions import PortalUserRequiredMixin
from ipportal.roles import is_official
from targets.models import Plan

from ..annuities import WINDOW_DAYS, NoRecipients, at_risk, impact, remind
from ..models import Enterprise, Patent


def day_from(text: str | None) -> tuple[dt.date, bool]:
    """The day asked for (YYYY-MM-DD, 1900–2100), else the plan's reporting day (today while the plan
    runs); and whether the text was unreadable."""
    today = Plan.objects.reporting_day().day
    if not (text or "").strip():
        return today, False
    try:
        return parse_day(text), False
    except ValueError:
        return today, True


class LapseRiskView(PortalUserRequiredMixin, TemplateView):
    """Officials: every park invention patent whose annuity falls due soon, with the effect on C3/C4.
    Enterprise users: their own."""

    template_name = "enterprises/lapse_risk.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        day, error = day_from(self.request.GET.get("date"))
        items = at_risk(Patent.objects.for_user(self.request.user), day)
        official = is_official(self.request.user)
        groups: dict[int, dict] = {}
        for item in items:
            group = groups.setdefault(item.patent.enterprise_id, {"enterprise": item.patent.enterprise, "items": []})
            group["items"].append(item)
        context.update(
            day=day,
            date_error=error,
            reporting=Plan.objects.reporting_day() if not self.request.GET.get("date") else None,
            window=WINDOW_DAYS,
            items=items,
            groups=list(groups.values()),
            impact=impact(items, day) if official and items else [],
            is_official=official,
        )
        return context

    def post(self, request):
        """An official reminds one enterprise of its patents on the list (by e-mail, recorded)."""
        if not is_official(request.user):
            raise PermissionDenied
        enterprise = get_object_or_404(Enterprise, pk=request.POST.get("enterprise"))
        day, _error = day_from(request.POST.get("date"))
        items = at_risk(Patent.objects.filter(enterprise=enterprise), day)
        try:
            addresses = remind(enterprise, items, request.user)
        except NoRecipients as problem:
            messages.error(request, str(problem))
        else:
            messages.success(
                request,
                _("%(name)s reminded of %(count)s patents (sent to %(to)s).")
                % {"name": enterprise.name, "count": len(items), "to": ", ".join(addresses)},
            )
        return redirect(reverse("enterprises:lapse-risk") + f"?date={day:%Y-%m-%d}")
