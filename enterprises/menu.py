"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import registry

registry.add("management", _("Enterprises"), "enterprises:list")
registry.add("targets", _("Imports"), "enterprises:import-list")
