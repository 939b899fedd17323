import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from enterprises.filters import RecordFilter
from ipportal.filters import YearFilter

from .models import Pledge, PledgedIPType


class PledgeFilter(RecordFilter):
    search_fields = ("registration_number", "pledgor_name", "pledgee_name", "items__number")
    year_field = "registration_date"

    ip_type = django_filters.ChoiceFilter(label=_("pledged IP type"), choices=PledgedIPType.choices)
    pledgee = django_filters.CharFilter(label=_("pledgee"), field_name="pledgee_name", lookup_expr="icontains")

    class Meta:
        model = Pledge
        fields = ["q", "enterprise", "ip_type", "in_park", "year", "pledgee"]

    def search(self, queryset, name, value):
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(query).distinct()


def simple_filterset(model_class, date_field: str, search: tuple[str, ...], extra: dict | None = None):
    """A filterset with a search box, a year (on date_field) and the given extra filters."""

    def search_method(self, queryset, name, value):
        query = Q()
        for field in search:
            query |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(query)

    attrs = {
        "q": django_filters.CharFilter(label=_("search"), method="search"),
        "year": YearFilter(label=_("year"), field_name=date_field, lookup_expr="year"),
        "search": search_method,
        **(extra or {}),
        "Meta": type("Meta", (), {"model": model_class, "fields": ["q", "year", *(extra or {})]}),
    }
    return type(f"{model_class.__name__}Filter", (django_filters.FilterSet,), attrs)
