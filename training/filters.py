import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from enterprises.filters import ParkEnterpriseFilter
from ipportal.filters import BooleanFilter, YearFilter

from .models import Person, PublicityEvent, Talent, Training


class PublicityEventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    theme = django_filters.ChoiceFilter(label=_("theme"), choices=PublicityEvent.Theme.choices)
    year = YearFilter(label=_("year"), field_name="date", lookup_expr="year")

    class Meta:
        model = PublicityEvent
        fields = ["q", "theme", "year"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(title__icontains=value) | Q(venue__icontains=value) | Q(organiser__icontains=value))


def search_in(queryset, fields: tuple[str, ...], value: str):
    query = Q()
    for field in fields:
        query |= Q(**{f"{field}__icontains": value.strip()})
    return queryset.filter(query)


class TrainingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    format = django_filters.ChoiceFilter(label=_("format"), choices=Training.Format.choices)
    year = YearFilter(label=_("year"), field_name="date", lookup_expr="year")

    class Meta:
        model = Training
        fields = ["q", "format", "year"]

    def search(self, queryset, name, value):
        return search_in(queryset, ("title", "organiser", "venue"), value)


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    enterprise = ParkEnterpriseFilter()
    is_ip_staff = BooleanFilter(label=_("IP staff"))
    untrained_year = YearFilter(label=_("not trained in"), method="filter_untrained")

    class Meta:
        model = Person
        fields = ["q", "enterprise", "is_ip_staff", "untrained_year"]

    def search(self, queryset, name, value):
        return search_in(queryset, ("name", "enterprise__name", "position"), value)

    def filter_untrained(self, queryset, name, value):
        return queryset.exclude(pk__in=Person.objects.trained_in(int(value)).values("pk"))


class TalentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    category = django_filters.ChoiceFilter(label=_("category"), choices=Talent.Category.choices)

    class Meta:
        model = Talent
        fields = ["q", "category"]

    def search(self, queryset, name, value):
        return search_in(queryset, ("name", "employer", "speciality", "qualification_number"), value)
