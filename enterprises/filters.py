import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Enterprise, Industry

FLAG_CHOICES = [(flag, Enterprise._meta.get_field(flag).verbose_name) for flag in Enterprise.FLAGS]


class EnterpriseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    industry = django_filters.ChoiceFilter(label=_("industry"), choices=Industry.choices)
    flag = django_filters.ChoiceFilter(label=_("flag"), choices=FLAG_CHOICES, method="with_flag")

    class Meta:
        model = Enterprise
        fields = ["q", "industry", "flag"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(credit_code__icontains=value.upper()))

    def with_flag(self, queryset, name, value):
        return queryset.filter(Enterprise.flag_filter(value))
