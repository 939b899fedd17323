import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import PublicityEvent


class PublicityEventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    theme = django_filters.ChoiceFilter(label=_("theme"), choices=PublicityEvent.Theme.choices)
    year = django_filters.NumberFilter(label=_("year"), field_name="date", lookup_expr="year")

    class Meta:
        model = PublicityEvent
        fields = ["q", "theme", "year"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(title__icontains=value) | Q(venue__icontains=value) | Q(organiser__icontains=value))
