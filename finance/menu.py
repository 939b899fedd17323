"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import registry

registry.add("utilization", _("Pledges"), "finance:pledge-list", officials_only=False)
