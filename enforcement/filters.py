import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ipportal.filters import BooleanFilter, YearFilter

from .models import AssistanceRequest, Case, Complaint, Survey


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=Case.Kind.choices)
    ip_type = django_filters.ChoiceFilter(label=_("IP type"), choices=Case.IPType.choices)
    stage = django_filters.ChoiceFilter(label=_("stage"), choices=Case.Stage.choices)
    year = YearFilter(label=_("year"), field_name="filed_date", lookup_expr="year")
    flagged = BooleanFilter(label=_("group, repeated or malicious"), method="filter_flagged")

    class Meta:
        model = Case
        fields = ["q", "kind", "ip_type", "stage", "year", "flagged"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(case_number__icontains=value)
            | Q(title__icontains=value)
            | Q(claimant__icontains=value)
            | Q(respondent__icontains=value)
        )

    def filter_flagged(self, queryset, name, value):
        flagged = queryset.flagged()
        return flagged if value else queryset.exclude(pk__in=flagged.values("pk"))


class SurveyFilter(django_filters.FilterSet):
    year = YearFilter(label=_("year"))

    class Meta:
        model = Survey
        fields = ["year"]


class AssistanceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    state = django_filters.ChoiceFilter(label=_("state"), choices=AssistanceRequest.State.choices)
    year = YearFilter(label=_("year"), field_name="created_at", lookup_expr="year")

    class Meta:
        model = AssistanceRequest
        fields = ["q", "state", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(subject__icontains=value) | Q(counterparty__icontains=value))


class ComplaintFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    state = django_filters.ChoiceFilter(label=_("state"), choices=Complaint.State.choices)

    class Meta:
        model = Complaint
        fields = ["q", "state"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(subject__icontains=value) | Q(description__icontains=value))
