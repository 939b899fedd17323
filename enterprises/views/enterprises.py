import csv

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView

from core.importing import KINDS
from ipportal.exports import safe_row
from ipportal.permissions import OfficialRequiredMixin, PortalUserRequiredMixin
from ipportal.roles import enterprise_of, is_official

from ..filters import EnterpriseFilter
from ..forms import EnterpriseContactForm, EnterpriseForm
from ..matching import enterprise_names_changed, relink_holders
from ..models import Enterprise


class EnterpriseListView(OfficialRequiredMixin, FilterView):
    filterset_class = EnterpriseFilter
    paginate_by = 25
    template_name = "enterprises/enterprise_list.html"

    def get_queryset(self):
        return Enterprise.objects.for_user(self.request.user)


class EnterpriseDetailView(PortalUserRequiredMixin, DetailView):
    template_name = "enterprises/enterprise_detail.html"

    def get_queryset(self):
        return Enterprise.objects.for_user(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["members"] = self.object.memberships.select_related("user") if is_official(self.request.user) else []
        context["can_edit"] = True
        context["certifications"] = self.object.certifications.all()
        context["pilots"] = self.object.innovation_pilots.all()
        context["honours"] = self.object.honours.all()
        context["ip_staff"] = self.object.people.filter(is_ip_staff=True).order_by("name")
        return context


class EnterpriseCreateView(OfficialRequiredMixin, CreateView):
    model = Enterprise
    form_class = EnterpriseForm
    template_name = "enterprises/enterprise_form.html"

    def form_valid(self, form):
        form.record_override(self.request.user)
        response = super().form_valid(form)
        relink_holders([form.instance.credit_code])
        enterprise_names_changed(form.instance)
        messages.success(self.request, _("Enterprise %(name)s created.") % {"name": form.instance.name})
        return response


class EnterpriseUpdateView(PortalUserRequiredMixin, UpdateView):
    """Officials edit everything; an enterprise user only its own contact details."""

    template_name = "enterprises/enterprise_form.html"

    def get_queryset(self):
        return Enterprise.objects.for_user(self.request.user)

    def get_form_class(self):
        return EnterpriseForm if is_official(self.request.user) else EnterpriseContactForm

    def form_valid(self, form):
        old_code = Enterprise.objects.values_list("credit_code", flat=True).get(pk=form.instance.pk)
        if isinstance(form, EnterpriseForm):
            form.record_override(self.request.user)
        response = super().form_valid(form)
        if old_code != form.instance.credit_code:
            relink_holders([old_code, form.instance.credit_code])
        if {"name", "former_names"} & set(form.changed_data):
            enterprise_names_changed(form.instance)
        messages.success(self.request, _("Changes to %(name)s saved.") % {"name": form.instance.name})
        return response


class EnterpriseExportView(OfficialRequiredMixin, View):
    """The filtered list as a CSV in the import format (it re-imports unchanged)."""

    def get(self, request):
        queryset = EnterpriseFilter(request.GET, queryset=Enterprise.objects.all()).qs
        kind = KINDS["enterprises"]
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, "enterprises.csv")
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(safe_row(kind.template_header()))
        for enterprise in queryset.iterator():
            writer.writerow(safe_row(kind.export_row(enterprise)))
        return response


class MyEnterpriseView(LoginRequiredMixin, View):
    def get(self, request):
        enterprise = enterprise_of(request.user)
        if enterprise is None:
            raise PermissionDenied
        return redirect(enterprise)
