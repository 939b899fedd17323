"""The enterprises' own side: their home, filings and notices; the officials' review of filings."""

import datetime as dt

import django_filters
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from core.models import Attachment, Notification, ReviewState
from core.review import OPEN, TransitionRefused, attach, move, timeline
from ipportal.filters import BooleanFilter
from ipportal.permissions import PortalUserRequiredMixin
from ipportal.roles import enterprise_of, is_official
from ipportal.uploads import document_response
from targets.models import Plan

from .. import filings as filing_rules
from ..filings import REVIEW_ACTIONS, SPECS, ApprovalRefused, review, subtypes_of
from ..forms import FilingForm, ReviewForm
from ..models import Enterprise, Filing, Patent, PatentType, Trademark


class EnterpriseUserRequiredMixin(LoginRequiredMixin):
    """Pages an enterprise user acts on for its own enterprise (officials have the review side)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.enterprise = enterprise_of(request.user)
            if self.enterprise is None:
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EnterpriseHomeView(EnterpriseUserRequiredMixin, TemplateView):
    template_name = "enterprises/self_home.html"

    def get_context_data(self, **kwargs):
        enterprise = self.enterprise
        # The year the park's indicators are being counted for: this year, within the plan's years.
        reporting = Plan.objects.reporting_day()
        plan = reporting.plan
        year = max(reporting.year, plan.first_year) if plan else reporting.year
        today = min(reporting.day, dt.date(year, 12, 31))
        patents = Patent.objects.filter(enterprise=enterprise)
        by_type = {
            row["patent_type"]: row
            for row in patents.values("patent_type").annotate(
                total=Count("id"),
                in_force=Count("id", filter=Q(id__in=Patent.objects.in_force_on(today).values("id"))),
                granted_this_year=Count("id", filter=Q(grant_date__year=year)),
            )
        }
        pledges = enterprise.pledges.all()
        filings = Filing.objects.filter(enterprise=enterprise)
        claims = enterprise.claims.select_related("item")
        return {
            **super().get_context_data(**kwargs),
            "enterprise": enterprise,
            "year": year,
            "as_of": today,
            "reporting": reporting,
            "patent_rows": [(value, label, by_type.get(value, {})) for value, label in PatentType.choices],
            "trademarks_in_force": Trademark.objects.filter(enterprise=enterprise).in_force_on(today).count(),
            "trademarks_this_year": Trademark.objects.filter(
                enterprise=enterprise, registration_date__year=year
            ).count(),
            "pledges_this_year": pledges.filter(registration_date__year=year).aggregate(
                n=Count("id"), amount=Sum("amount")
            ),
            "pledges_total": pledges.aggregate(n=Count("id"), amount=Sum("amount")),
            "counting": contributions(enterprise, year, today),
            "filings": filings[:10],
            "claims": claims[:10],
            "to_act": [
                *filings.filter(state=ReviewState.RETURNED),
                # A draft or returned claim needs the enterprise only while its item takes claims.
                *claims.filter(
                    state__in=(ReviewState.DRAFT, ReviewState.RETURNED),
                    item__opens_on__lte=timezone.localdate(),
                    item__closes_on__gte=timezone.localdate(),
                ),
            ],
            "notifications": Notification.objects.filter(user=self.request.user, read_at__isnull=True).select_related(
                "event", "event__actor"
            )[:10],
        }


# Pledges are the finance app's, which builds on this one: the page reaches them through the
# enterprise's reverse relation rather than by importing finance.
PLEDGES = Enterprise.pledges.field.model


def contributions(enterprise, year: int, today) -> list[tuple[str, object, object, object, bool]]:
    """The enterprise's part in what the park's indicators count this year: (label, own, park,
    share %, is money). Money (CNY) is shown in 万元 like the indicator it counts towards."""
    park_patents = Patent.objects.filter(enterprise__isnull=False)
    park_marks = Trademark.objects.filter(enterprise__isnull=False)
    park_pledges = PLEDGES.objects.filter(enterprise__isnull=False, registration_date__year=year)
    inventions = park_patents.filter(patent_type=PatentType.INVENTION)
    measures = [
        (_("patents granted this year (C1)"), park_patents.filter(grant_date__year=year), None),
        (_("invention patents granted this year (C6)"), inventions.filter(grant_date__year=year), None),
        (_("invention patents in force (C3)"), inventions.in_force_on(today), None),
        (_("trademarks registered this year (C7)"), park_marks.filter(registration_date__year=year), None),
        (_("trademarks in force (C8)"), park_marks.in_force_on(today), None),
        (_("patent pledges registered this year (U4)"), park_pledges.filter(ip_type="patent"), None),
        (_("pledge financing this year (U6)"), park_pledges, "amount"),
    ]
    rows = []
    for label, park, amount in measures:
        if amount:
            park_total = park.aggregate(total=Sum(amount))["total"] or 0
            own = park.filter(enterprise=enterprise).aggregate(total=Sum(amount))["total"] or 0
        else:
            park_total, own = park.count(), park.filter(enterprise=enterprise).count()
        share = round(own * 100 / park_total, 1) if park_total else None
        rows.append((label, own, park_total, share, bool(amount)))
    return rows


class FilingFilter(django_filters.FilterSet):
    # A filing is never paid: only claims are.
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("state"), choices=[(v, label) for v, label in ReviewState.choices if v != ReviewState.PAID]
    )
    kind = django_filters.ChoiceFilter(label=gettext_lazy("what is filed"), choices=Filing.Kind.choices)
    waiting = BooleanFilter(label=gettext_lazy("awaiting review"), method="awaiting_review")
    q = django_filters.CharFilter(label=gettext_lazy("search"), method="search")

    class Meta:
        model = Filing
        fields = ["state", "kind", "enterprise"]

    def awaiting_review(self, queryset, name, value):
        waiting = Q(state__in=OPEN)
        return queryset.filter(waiting) if value else queryset.exclude(waiting)

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(number__icontains=value) | Q(title__icontains=value) | Q(enterprise__name__icontains=value)
        )


class FilingListView(PortalUserRequiredMixin, FilterView):
    filterset_class = FilingFilter
    template_name = "enterprises/filing_list.html"
    paginate_by = 25

    def get_queryset(self):
        return Filing.objects.for_user(self.request.user).select_related("enterprise")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "kinds": Filing.Kind.choices}


class FilingCreateView(EnterpriseUserRequiredMixin, View):
    template_name = "enterprises/filing_form.html"

    def kind(self, request) -> str:
        kind = request.GET.get("kind") or request.POST.get("kind")
        if kind not in SPECS:
            raise Http404
        return kind

    def get(self, request):
        if not request.GET.get("kind"):
            return render(request, "enterprises/filing_choose.html", {"kinds": Filing.Kind.choices})
        kind = self.kind(request)
        return render(
            request, self.template_name, {"form": FilingForm(kind=kind), "kind": kind, "label": Filing.Kind(kind).label}
        )

    def post(self, request):
        kind = self.kind(request)
        form = FilingForm(request.POST, request.FILES, kind=kind)
        if form.is_valid():
            if filing_rules.number_taken(self.enterprise, kind, form.cleaned_data.get("number")):
                form.add_error("number", filing_rules.DUPLICATE_NUMBER)
            else:
                try:
                    with transaction.atomic():
                        filing = form.save(commit=False)
                        filing.kind, filing.enterprise, filing.submitted_by = kind, self.enterprise, request.user
                        filing.state = ReviewState.DRAFT
                        filing.save()
                        attach(filing, form.cleaned_data["documents"], request.user)
                        move(
                            filing,
                            ReviewState.SUBMITTED,
                            request.user,
                            allowed_from=(ReviewState.DRAFT,),
                            officials_only=False,
                        )
                except IntegrityError:  # a parallel post filed the number first (unique_filing_number)
                    form.add_error("number", filing_rules.DUPLICATE_NUMBER)
                else:
                    messages.success(request, _("Your filing was sent to the IP office."))
                    return redirect(filing)
        return render(request, self.template_name, {"form": form, "kind": kind, "label": Filing.Kind(kind).label})


class FilingDetailView(PortalUserRequiredMixin, DetailView):
    template_name = "enterprises/filing_detail.html"

    def get_queryset(self):
        return Filing.objects.for_user(self.request.user).select_related("enterprise")

    def get_context_data(self, **kwargs):
        filing = self.object
        official = is_official(self.request.user)
        spec = SPECS[filing.kind]
        fields = [
            (spec.labels.get(name) or Filing._meta.get_field(name).verbose_name, display(filing, name))
            for name in spec.fields
        ]
        return {
            **super().get_context_data(**kwargs),
            "fields": fields,
            "timeline": timeline(filing),
            "attachments": filing.attachments.all(),
            "can_review": official and filing.state in OPEN,
            "can_start_review": official and filing.state == ReviewState.SUBMITTED,
            "can_edit": not official and filing.state == ReviewState.RETURNED,
            "review_form": ReviewForm(),
        }


def display(filing: Filing, name: str):
    if name == "subtype":
        return dict(subtypes_of(filing.kind)).get(filing.subtype, filing.subtype)
    return getattr(filing, name)


class FilingEditView(EnterpriseUserRequiredMixin, View):
    """A returned filing, corrected and sent again."""

    def filing(self, request, pk) -> Filing:
        filing = get_object_or_404(Filing.objects.for_user(request.user), pk=pk)
        if filing.state != ReviewState.RETURNED:
            raise PermissionDenied
        return filing

    def get(self, request, pk):
        filing = self.filing(request, pk)
        form = FilingForm(instance=filing, kind=filing.kind)
        return render(
            request,
            "enterprises/filing_form.html",
            {"form": form, "kind": filing.kind, "filing": filing, "label": filing.get_kind_display()},
        )

    def post(self, request, pk):
        filing = self.filing(request, pk)
        form = FilingForm(request.POST, request.FILES, instance=filing, kind=filing.kind)
        if form.is_valid() and filing_rules.number_taken(filing.enterprise, filing.kind, filing.number, filing):
            form.add_error("number", filing_rules.DUPLICATE_NUMBER)
        elif form.is_valid():
            try:
                with transaction.atomic():
                    form.save()
                    attach(filing, form.cleaned_data["documents"], request.user)
                    move(
                        filing,
                        ReviewState.SUBMITTED,
                        request.user,
                        request.POST.get("comment", ""),
                        allowed_from=(ReviewState.RETURNED,),
                        officials_only=False,
                    )
            except IntegrityError:  # a parallel post filed the number first (unique_filing_number)
                form.add_error("number", filing_rules.DUPLICATE_NUMBER)
            else:
                messages.success(request, _("Your filing was sent to the IP office again."))
                return redirect(filing)
        return render(
            request,
            "enterprises/filing_form.html",
            {"form": form, "kind": filing.kind, "filing": filing, "label": filing.get_kind_display()},
        )


class FilingReviewView(PortalUserRequiredMixin, View):
    """Officials: start the review, approve (the record joins the registry), return or reject."""

    def post(self, request, pk):
        if not is_official(request.user):
            raise PermissionDenied
        filing = get_object_or_404(Filing, pk=pk)
        action = request.POST.get("action")
        if action not in REVIEW_ACTIONS:
            raise Http404
        try:
            filing = review(filing.pk, action, request.user, request.POST.get("comment", ""))
        except (TransitionRefused, ApprovalRefused) as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Done: the filing is now %(state)s.") % {"state": filing.get_state_display()})
        return HttpResponseRedirect(filing.get_absolute_url())


class AttachmentView(LoginRequiredMixin, View):
    """A supporting document, only to users who may see what it supports."""

    def get(self, request, pk):
        attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
        model = attachment.content_type.model_class()
        if not model.objects.for_user(request.user).filter(pk=attachment.object_id).exists():
            raise Http404
        return document_response(attachment.file, f"attachment-{attachment.pk}")


class NotificationListView(LoginRequiredMixin, TemplateView):
    template_name = "enterprises/notifications.html"

    def get_context_data(self, **kwargs):
        notices = Notification.objects.filter(user=self.request.user).select_related(
            "event", "event__actor", "event__content_type"
        )
        context = {**super().get_context_data(**kwargs), "notifications": list(notices[:100])}
        notices.filter(read_at__isnull=True).update(read_at=timezone.now())
        return context
