import django_filters
from django.utils.translation import gettext_lazy as _

from enterprises.filters import RecordFilter

from .models import Pledge, PledgedIPType


class PledgeFilter(RecordFilter):
    search_fields = ("registration_number", "pledgor_name", "pledgee_name", "items__number")
    year_field = "registration_date"

    ip_type = django_filters.ChoiceFilter(label=_("pledged IP type"), choices=PledgedIPType.choices)
    pledgee = django_filters.CharFilter(label=_("pledgee"), field_name="pledgee_name", lookup_expr="icontains")

    class Meta:
        model = Pledge
        fields = ["q", "enterprise", "ip_type", "in_park", "year", "pledgee"]

    distinct_search = True  # a pledge of several numbers matches once
