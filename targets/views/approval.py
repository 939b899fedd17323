"""Approving and withdrawing a year's figures, and officials' entries of official statistics."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from ipportal.permissions import OfficialRequiredMixin
from ipportal.uploads import document_response

from ..approval import ApprovalRefused, approve_year, can_approve, unapprove_year
from ..forms import OfficialStatisticForm, WithdrawApprovalForm
from ..models import OfficialStatistic
from .indicators import IndicatorDetailView, current_plan


class ApproverRequiredMixin(OfficialRequiredMixin):
    """Officials with the "approve figures" permission; other officials get 403."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_approve(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def year_page(year: int) -> str:
    return f"{reverse('targets:indicator-list')}?year={year}"


class YearActionView(ApproverRequiredMixin, View):
    """A POST-only action on a year; a GET (a bookmarked or reloaded address) goes to the year's
    indicator list, where the action's form is, instead of an empty 405."""

    def get(self, request, year: int):
        return redirect(year_page(year))


class ApproveYearView(YearActionView):
    def post(self, request, year: int):
        try:
            approve_year(current_plan(), year, request.user)
        except ApprovalRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The figures of %(year)s are approved.") % {"year": year})
        return redirect(year_page(year))


class UnapproveYearView(YearActionView):
    def post(self, request, year: int):
        form = WithdrawApprovalForm(request.POST)
        if not form.is_valid():
            for error in form.errors["reason"]:
                messages.error(request, error)
            return redirect(year_page(year))
        try:
            unapprove_year(current_plan(), year, request.user, form.cleaned_data["reason"])
        except ApprovalRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request, _("Approval of %(year)s withdrawn; the live values apply again.") % {"year": year}
            )
        return redirect(year_page(year))


class OfficialStatisticView(OfficialRequiredMixin, View):
    def post(self, request, code: str):
        """Record (or correct) the official statistic of the indicator for a year."""
        indicator = get_object_or_404(current_plan().indicators, code__iexact=code)
        if not indicator.calculator or indicator.is_reported:
            messages.error(request, _("Official statistics are recorded for computed indicators only."))
            return redirect(indicator)
        existing = OfficialStatistic.objects.filter(indicator=indicator, year=request.POST.get("year")).first()
        form = OfficialStatisticForm(request.POST, request.FILES, instance=existing)
        if not form.is_valid():
            view = IndicatorDetailView(request=request, kwargs={"code": code}, args=())
            return view.render_to_response(view.get_context_data(official_form=form, code=code), status=400)
        form.instance.indicator = indicator
        form.instance.entered_by = request.user
        form.save()
        messages.success(request, _("Official statistic for %(year)s saved.") % {"year": form.instance.year})
        return redirect(indicator)


class OfficialStatisticAttachmentView(OfficialRequiredMixin, View):
    def get(self, request, pk: int):
        entry = get_object_or_404(OfficialStatistic, pk=pk)
        if not entry.attachment:
            raise Http404
        return document_response(entry.attachment, f"{entry.indicator.code}-{entry.year}-official")
