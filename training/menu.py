"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import registry

registry.add("records", _("Publicity events"), "training:event-list", section="publicity", rank=0)
registry.add("records", _("Trainings"), "training:training-list", section="publicity", rank=10)
registry.add("records", _("IP staff roster"), "training:person-list", section="publicity", rank=20)
registry.add("records", _("IP staff not yet trained"), "training:untrained", section="publicity", rank=30)
registry.add("records", _("Talent pool"), "training:talent-list", section="publicity", rank=40)
