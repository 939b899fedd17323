import django_filters
from django.utils.translation import gettext_lazy as _

from core.records.filters import SearchFilterSet
from enterprises.filters import ParkEnterpriseFilter
from ipportal.filters import BooleanFilter, YearFilter

from .models import Person, PublicityEvent, Talent, Training


class PublicityEventFilter(SearchFilterSet):
    search_fields = ("title", "venue", "organiser")

    theme = django_filters.ChoiceFilter(label=_("theme"), choices=PublicityEvent.Theme.choices)
    year = YearFilter(label=_("year"), field_name="date", lookup_expr="year")

    class Meta:
        model = PublicityEvent
        fields = ["q", "theme", "year"]


class TrainingFilter(SearchFilterSet):
    search_fields = ("title", "organiser", "venue")

    format = django_filters.ChoiceFilter(label=_("format"), choices=Training.Format.choices)
    year = YearFilter(label=_("year"), field_name="date", lookup_expr="year")

    class Meta:
        model = Training
        fields = ["q", "format", "year"]


class PersonFilter(SearchFilterSet):
    search_fields = ("name", "enterprise__name", "position")

    enterprise = ParkEnterpriseFilter()
    is_ip_staff = BooleanFilter(label=_("IP staff"))
    untrained_year = YearFilter(label=_("not trained in"), method="filter_untrained")

    class Meta:
        model = Person
        fields = ["q", "enterprise", "is_ip_staff", "untrained_year"]

    def filter_untrained(self, queryset, name, value):
        return queryset.exclude(pk__in=Person.objects.trained_in(int(value)).values("pk"))


class TalentFilter(SearchFilterSet):
    search_fields = ("name", "employer", "speciality", "qualification_number")

    category = django_filters.ChoiceFilter(label=_("category"), choices=Talent.Category.choices)

    class Meta:
        model = Talent
        fields = ["q", "category"]
