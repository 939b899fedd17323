"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import registry

registry.add("publicity", _("Publicity events"), "training:event-list")
registry.add("publicity", _("Trainings"), "training:training-list")
registry.add("publicity", _("IP staff roster"), "training:person-list")
registry.add("publicity", _("IP staff not yet trained"), "training:untrained")
registry.add("publicity", _("Talent pool"), "training:talent-list")
