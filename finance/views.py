"""The special IP fund's pages: support items, claims, the review queue and payment export."""

import datetime as dt

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from django_filters.views import FilterView

from core.models import ReviewState
from core.records.views import xlsx_response
from core.review import TransitionRefused, attach, timeline
from enterprises.forms import ReviewForm
from enterprises.views.selfservice import EnterpriseUserRequiredMixin
from ipportal.filters import BooleanFilter
from ipportal.permissions import OfficialRequiredMixin, PortalUserRequiredMixin
from ipportal.roles import enterprise_of, is_official

from . import claims as rules
from .forms import ApprovalForm, ClaimForm, PaymentForm, SupportItemForm
from .models import Claim, SupportItem


class ItemListView(PortalUserRequiredMixin, ListView):
    """Officials: every item with its budget, committed, paid and left. Enterprises: what they can claim."""

    template_name = "finance/item_list.html"

    def get_queryset(self):
        items = rules.with_spending(SupportItem.objects.all())
        if not is_official(self.request.user):
            today = timezone.localdate()
            items = items.filter(opens_on__lte=today, closes_on__gte=today)
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = context["object_list"]
        context["rows"] = [
            (item, item.committed_amount, item.paid_amount, item.budget - item.committed_amount) for item in items
        ]
        by_year: dict[int, list] = {}
        for item in items:
            totals = by_year.setdefault(item.year, [0, 0, 0])
            totals[0] += item.budget
            totals[1] += item.committed_amount
            totals[2] += item.paid_amount
        context["years"] = sorted(by_year.items(), reverse=True)
        return context


class ItemCreateView(OfficialRequiredMixin, CreateView):
    model = SupportItem
    form_class = SupportItemForm
    template_name = "finance/item_form.html"


class ItemUpdateView(OfficialRequiredMixin, UpdateView):
    model = SupportItem
    form_class = SupportItemForm
    template_name = "finance/item_form.html"


class ItemDetailView(PortalUserRequiredMixin, DetailView):
    model = SupportItem
    template_name = "finance/item_detail.html"

    def get_context_data(self, **kwargs):
        item = self.object
        context = super().get_context_data(**kwargs)
        context.update(committed=rules.committed(item), paid=rules.paid(item), left=rules.remaining(item))
        context["claims"] = Claim.objects.for_user(self.request.user).filter(item=item).select_related("enterprise")
        context["open_now"] = item.is_open_on(timezone.localdate())
        return context


class ClaimFilter(django_filters.FilterSet):
    item = django_filters.ModelChoiceFilter(label=gettext_lazy("support item"), queryset=SupportItem.objects.all())
    state = django_filters.ChoiceFilter(label=gettext_lazy("state"), choices=ReviewState.choices)
    waiting = BooleanFilter(label=gettext_lazy("awaiting review"), method="awaiting_review")
    waiting_days = django_filters.NumberFilter(
        label=gettext_lazy("submitted at least … days ago"), method="waiting_since", min_value=0, max_value=36500
    )

    class Meta:
        model = Claim
        fields = ["item", "state", "enterprise"]

    def awaiting_review(self, queryset, name, value):
        waiting = Q(state__in=rules.IN_REVIEW)
        return queryset.filter(waiting) if value else queryset.exclude(waiting)

    def waiting_since(self, queryset, name, value):
        return queryset.filter(submitted_at__lte=timezone.now() - dt.timedelta(days=int(value)))


class ClaimListView(PortalUserRequiredMixin, FilterView):
    """Enterprises: their claims. Officials: the review queue, oldest submissions first."""

    filterset_class = ClaimFilter
    template_name = "finance/claim_list.html"
    paginate_by = 25

    def get_queryset(self):
        claims = Claim.objects.for_user(self.request.user).select_related("enterprise", "item")
        if is_official(self.request.user):
            return claims.exclude(state=ReviewState.DRAFT).order_by("submitted_at", "pk")
        return claims


class ClaimExportView(OfficialRequiredMixin, View):
    """Approved claims (as filtered), for the finance office to pay: XLSX."""

    def get(self, request):
        claims = ClaimFilter(request.GET, queryset=Claim.objects.select_related("enterprise", "item")).qs
        claims = claims.filter(state=ReviewState.APPROVED).order_by("item__name", "enterprise__name")
        header = [
            _("claim"),
            _("support item"),
            _("enterprise"),
            _("unified social credit code"),
            _("amount claimed (yuan)"),
            _("amount approved (yuan)"),
            _("approved on"),
        ]
        rows = []
        for claim in claims:
            approved = claim.events.filter(to_state=ReviewState.APPROVED).last()
            rows.append(
                [
                    claim.pk,
                    claim.item.name,
                    claim.enterprise.name,
                    claim.enterprise.credit_code,
                    claim.amount,
                    claim.approved_amount,
                    timezone.localtime(approved.at).date() if approved else None,
                ]
            )
        return xlsx_response(f"approved-claims-{timezone.localdate():%Y-%m-%d}", header, rows)


class ClaimFormMixin(EnterpriseUserRequiredMixin):
    template_name = "finance/claim_form.html"

    def render_form(self, form, item, claim=None):
        return render(self.request, self.template_name, {"form": form, "item": item, "claim": claim})

    def save(self, form, claim) -> bool:
        try:
            with transaction.atomic():
                claim.note = form.cleaned_data["note"]
                claim.save()
                rules.save_lines(claim, form.choices())
                attach(claim, form.cleaned_data["documents"], self.request.user)
        except TransitionRefused as refusal:
            form.add_error("records", str(refusal))
            return False
        return True


class ClaimCreateView(ClaimFormMixin, View):
    def item(self, pk) -> SupportItem:
        item = get_object_or_404(SupportItem, pk=pk)
        if not item.is_open_on(timezone.localdate()):
            raise Http404
        return item

    def get(self, request, item_pk):
        item = self.item(item_pk)
        return self.render_form(ClaimForm(item=item, enterprise=self.enterprise), item)

    def post(self, request, item_pk):
        item = self.item(item_pk)
        form = ClaimForm(request.POST, request.FILES, item=item, enterprise=self.enterprise)
        if form.is_valid():
            claim = Claim(enterprise=self.enterprise, item=item, created_by=request.user)
            if self.save(form, claim):
                messages.success(request, _("Draft saved. Check the amount, then submit it."))
                return redirect(claim)
        return self.render_form(form, item)


class ClaimEditView(ClaimFormMixin, View):
    def claim(self, request, pk) -> Claim:
        claim = get_object_or_404(Claim.objects.for_user(request.user).select_related("item"), pk=pk)
        if claim.state not in rules.EDITABLE:
            raise PermissionDenied
        return claim

    def get(self, request, pk):
        claim = self.claim(request, pk)
        initial = {"records": [str(line.object_id) for line in claim.lines.all()], "note": claim.note}
        initial.update({f"cost_{line.object_id}": line.cost for line in claim.lines.all()})
        form = ClaimForm(initial=initial, item=claim.item, enterprise=self.enterprise, claim=claim)
        return self.render_form(form, claim.item, claim)

    def post(self, request, pk):
        claim = self.claim(request, pk)
        form = ClaimForm(request.POST, request.FILES, item=claim.item, enterprise=self.enterprise, claim=claim)
        if form.is_valid() and self.save(form, claim):
            messages.success(request, _("Changes saved. Check the amount, then submit it."))
            return redirect(claim)
        return self.render_form(form, claim.item, claim)


class ClaimDetailView(PortalUserRequiredMixin, DetailView):
    template_name = "finance/claim_detail.html"

    def get_queryset(self):
        return Claim.objects.for_user(self.request.user).select_related("enterprise", "item")

    def get_context_data(self, **kwargs):
        claim = self.object
        official = is_official(self.request.user)
        mine = enterprise_of(self.request.user) == claim.enterprise
        # The enterprise edits and submits only while the item takes claims: `claims.submit` refuses otherwise.
        item_open = claim.item.is_open_on(timezone.localdate())
        return {
            **super().get_context_data(**kwargs),
            "lines": claim.lines.all(),
            "attachments": claim.attachments.all(),
            "timeline": timeline(claim),
            "left": rules.remaining(claim.item),
            "can_edit": mine and claim.state in rules.EDITABLE and item_open,
            "item_closed": mine and claim.state in rules.EDITABLE and not item_open,
            "items_url": reverse("finance:item-list"),
            "can_start": official and claim.state == ReviewState.SUBMITTED,
            "can_decide": official and claim.state in rules.IN_REVIEW,
            "can_pay": official and claim.state == ReviewState.APPROVED,
            "review_form": ReviewForm(),
            "approval_form": ApprovalForm(initial={"amount": claim.amount}),
            "payment_form": PaymentForm(initial={"payment_date": timezone.localdate()}),
        }


class ClaimActionView(PortalUserRequiredMixin, View):
    """One transition of a claim, from the buttons of its page."""

    def post(self, request, pk):
        claim = get_object_or_404(Claim.objects.for_user(request.user).select_related("item"), pk=pk)
        action = request.POST.get("action")
        comment = request.POST.get("comment", "")
        user = request.user
        if action not in rules.ENTERPRISE_ACTIONS + rules.OFFICIALS_ACTIONS:
            raise Http404
        if (action in rules.OFFICIALS_ACTIONS) != is_official(user):
            raise PermissionDenied
        values = {}
        try:
            if action in ("approve", "pay"):
                form = (ApprovalForm if action == "approve" else PaymentForm)(request.POST)
                if not form.is_valid():
                    raise TransitionRefused(
                        _("Give the amount approved.")
                        if action == "approve"
                        else _("Give the payment date and reference.")
                    )
                values = form.cleaned_data
            claim = rules.act(
                claim.pk,
                action,
                user,
                comment=values.get("comment", comment),
                amount=values.get("amount"),
                payment_date=values.get("payment_date"),
                payment_reference=values.get("payment_reference", ""),
            )
        except TransitionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Done: the claim is now %(state)s.") % {"state": claim.get_state_display()})
        return HttpResponseRedirect(claim.get_absolute_url())
