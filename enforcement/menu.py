"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import ENTERPRISES, OFFICIALS, registry

registry.add("review", _("Complaints and reports"), "enforcement:complaint-list", rank=30)
registry.add("review", _("Rights assistance"), "enforcement:assistance-list", rank=40)
registry.add(
    "records",
    _("Rights assistance"),
    "enforcement:assistance-list",
    audiences=(ENTERPRISES,),
    section="protection",
    rank=10,
)
registry.add("records", _("Enforcement cases"), "enforcement:case-list", audiences=(OFFICIALS,), section="protection")
registry.add("records", _("Satisfaction surveys"), "enforcement:survey-list", section="protection", rank=60)
