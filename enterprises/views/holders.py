"""The unmatched-holders worklist: holder names that match no park enterprise, and linking one."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from ipportal.permissions import OfficialRequiredMixin
from targets.tasks import request_recompute

from ..matching import link_alias, suggest_enterprises, unmatched_holders
from ..models import Enterprise, HolderAlias

PAGE_SIZE = 25


class UnmatchedHoldersView(OfficialRequiredMixin, TemplateView):
    template_name = "enterprises/unmatched_holders.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(unmatched_holders(), PAGE_SIZE).get_page(self.request.GET.get("page"))
        suggest_enterprises(page.object_list)
        context.update(page_obj=page, aliases=HolderAlias.objects.select_related("enterprise")[:200])
        return context


class LinkHolderView(OfficialRequiredMixin, View):
    """Link a holder name to a park enterprise (chosen among the suggestions, or by credit code)."""

    def post(self, request):
        name = request.POST.get("name", "").strip()
        code = request.POST.get("credit_code", "").strip().upper()
        if request.POST.get("enterprise"):
            enterprise = get_object_or_404(Enterprise, pk=request.POST["enterprise"])
        else:
            enterprise = Enterprise.objects.filter(credit_code=code).first()
        back = reverse("enterprises:unmatched-holders") + f"?page={request.POST.get('page', 1)}"
        if not name or enterprise is None:
            messages.error(request, _("Choose a park enterprise, or give a park enterprise's credit code."))
            return redirect(back)
        linked = link_alias(name, enterprise, request.user)
        request_recompute("holder alias")
        messages.success(
            request,
            _("“%(name)s” is now linked to %(enterprise)s; %(count)d records were linked.")
            % {"name": name, "enterprise": enterprise.name, "count": linked},
        )
        return redirect(back)
