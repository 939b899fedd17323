import datetime as dt

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.records.filters import SearchFilterSet
from ipportal.filters import BooleanFilter, YearFilter

from .indicators import high_value_q
from .models import (
    Certification,
    Enterprise,
    GIProduct,
    Honour,
    Industry,
    InnovationPilot,
    LegalStatus,
    Patent,
    PatentType,
    Trademark,
    TrademarkStatus,
)

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


class ParkEnterpriseFilter(django_filters.CharFilter):
    """The park enterprise, by id (drill-down links), credit code or part of its name.

    A text field rather than a list of every enterprise: a province-scale registry has thousands,
    and a select of them all would cost more than the page's query."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("enterprise (name or credit code)"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        value = (value or "").strip()
        if not value:
            return queryset
        if value.isdigit() and len(value) < 18:
            return queryset.filter(enterprise_id=int(value))
        code = value.upper()
        return queryset.filter(Q(enterprise__credit_code=code) | Q(enterprise__name__icontains=value))


class RecordFilter(SearchFilterSet):
    """Shared by every held record: search, enterprise, in park or not, year."""

    year_field = ""

    enterprise = ParkEnterpriseFilter()
    in_park = BooleanFilter(label=_("in the park"), method="filter_in_park")
    reconciled = BooleanFilter(label=_("reconciled"), field_name="reconciled")
    year = YearFilter(label=_("year"), method="filter_year")

    def filter_in_park(self, queryset, name, value):
        return queryset.filter(enterprise__isnull=not value)

    def filter_year(self, queryset, name, value):
        return queryset.filter(**{f"{self.year_field}__year": value})


def year_end(value) -> dt.date:
    return dt.date(int(value), 12, 31)


class PatentFilter(RecordFilter):
    search_fields = ("application_number", "title", "holder_name")
    year_field = "application_date"

    patent_type = django_filters.ChoiceFilter(label=_("type"), choices=PatentType.choices)
    legal_status = django_filters.ChoiceFilter(label=_("legal status"), choices=LegalStatus.choices)
    grant_year = YearFilter(label=_("grant year"), field_name="grant_date", lookup_expr="year")
    pct_year = YearFilter(label=_("PCT filing year"), method="filter_pct_year")
    in_force_year = YearFilter(label=_("in force at the end of"), method="filter_in_force")
    high_value_year = YearFilter(label=_("high-value at the end of"), method="filter_high_value")
    lapse_date_unknown = BooleanFilter(label=_("lapse date unknown"), method="filter_lapse_unknown")

    class Meta:
        model = Patent
        fields = ["q", "enterprise", "patent_type", "legal_status", "in_park", "year", "grant_year"]

    def filter_pct_year(self, queryset, name, value):
        return queryset.filter(pct_filing_date__year=value).exclude(pct_number="")

    def filter_in_force(self, queryset, name, value):
        return queryset.in_force_on(year_end(value))

    def filter_lapse_unknown(self, queryset, name, value):
        """Lapsed patents whose lapse date nobody knows (they count as not in force in any year)."""
        unknown = Q(legal_status=LegalStatus.LAPSED, lapse_date__isnull=True)
        return queryset.filter(unknown) if value else queryset.exclude(unknown)

    def filter_high_value(self, queryset, name, value):
        return queryset.in_force_on(year_end(value)).filter(high_value_q(int(value)))


class TrademarkFilter(RecordFilter):
    search_fields = ("registration_number", "mark", "holder_name")
    year_field = "registration_date"

    status = django_filters.ChoiceFilter(label=_("status"), choices=TrademarkStatus.choices)
    nice_class = django_filters.NumberFilter(label=_("Nice class"), min_value=1, max_value=45)
    geographical_indication = BooleanFilter(label=_("geographical indication"))
    in_force_year = YearFilter(label=_("in force at the end of"), method="filter_in_force")

    class Meta:
        model = Trademark
        fields = ["q", "enterprise", "status", "nice_class", "in_park", "year", "geographical_indication"]

    def filter_in_force(self, queryset, name, value):
        return queryset.in_force_on(year_end(value))


class SimpleRightFilter(RecordFilter):
    search_fields = ("registration_number", "title", "holder_name")
    year_field = "registration_date"


class GIProductFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("search"), method="search")
    year = YearFilter(label=_("approval year"), field_name="approval_date", lookup_expr="year")
    in_force_year = YearFilter(label=_("in force at the end of"), method="filter_in_force")

    class Meta:
        model = GIProduct
        fields = ["q", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(registration_number__icontains=value) | Q(title__icontains=value))

    def filter_in_force(self, queryset, name, value):
        return queryset.in_force_on(year_end(value))


class ManagementRecordFilter(SearchFilterSet):
    """Certifications, pilots and honours: search, enterprise, year."""

    search_fields: tuple[str, ...] = ("enterprise__name", "enterprise__credit_code")

    enterprise = ParkEnterpriseFilter()


class CertificationFilter(ManagementRecordFilter):
    search_fields = ("enterprise__name", "enterprise__credit_code", "certificate_number", "certification_body")

    standard = django_filters.ChoiceFilter(label=_("standard"), choices=Certification.Standard.choices)
    year = YearFilter(label=_("issue year"), field_name="issue_date", lookup_expr="year")
    valid_year = YearFilter(label=_("valid at the end of"), method="filter_valid")

    class Meta:
        model = Certification
        fields = ["q", "enterprise", "standard", "year", "valid_year"]

    def filter_valid(self, queryset, name, value):
        return queryset.valid_on(year_end(value))


class InnovationPilotFilter(ManagementRecordFilter):
    search_fields = ("enterprise__name", "enterprise__credit_code", "batch")

    year = YearFilter(label=_("year joined"), field_name="start_date", lookup_expr="year")

    class Meta:
        model = InnovationPilot
        fields = ["q", "enterprise", "year"]


class HonourFilter(ManagementRecordFilter):
    search_fields = ("enterprise__name", "enterprise__credit_code", "document")

    kind = django_filters.ChoiceFilter(label=_("honour"), choices=Honour.Kind.choices)
    year = YearFilter(label=_("year granted"), field_name="year")

    class Meta:
        model = Honour
        fields = ["q", "enterprise", "kind", "year"]
