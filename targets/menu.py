"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import registry

registry.add("targets", _("Indicators"), "targets:indicator-list")
registry.add("targets", _("Year-end forecast"), "targets:forecast")
registry.add("targets", _("Key tasks"), "targets:task-list")
registry.add("targets", _("Overdue and late"), "targets:task-overdue")
registry.add("targets", _("Deadlines"), "targets:deadline-list")
registry.add("targets", _("Leading-group meetings"), "targets:meeting-list")
registry.add("targets", _("Assessment of the units"), "targets:assessment")
registry.add("targets", _("Assessment dossiers"), "targets:dossier-list")
registry.add("targets", _("Yearly reference figures"), "targets:yearly-list")
