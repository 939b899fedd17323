"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import registry

registry.add("protection", _("Enforcement cases"), "enforcement:case-list")
registry.add("protection", _("Rights assistance"), "enforcement:assistance-list", officials_only=False)
registry.add("protection", _("Complaints and reports"), "enforcement:complaint-list")
registry.add("protection", _("Satisfaction surveys"), "enforcement:survey-list")
