"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import OFFICIALS, UNITS, registry

registry.add("overview", _("Dashboard"), "home", rank=0)
registry.add("overview", _("Year-end forecast"), "targets:forecast", rank=10)
registry.add("overview", _("Charts"), "targets:charts", rank=20)
registry.add("overview", _("Annual reports"), "targets:report-list", rank=30)
registry.add("plan", _("Indicators"), "targets:indicator-list", rank=0)
registry.add("plan", _("Key tasks"), "targets:task-list", rank=10)
registry.add("plan", _("Our key tasks"), "targets:task-list", audiences=(UNITS,), rank=10)
registry.add("plan", _("Overdue and late"), "targets:task-overdue", rank=20)
registry.add("plan", _("Deadlines"), "targets:deadline-list", rank=30)
registry.add("plan", _("Leading-group meetings"), "targets:meeting-list", rank=40)
registry.add("plan", _("Assessment of the units"), "targets:assessment", rank=50, audiences=(OFFICIALS,))
registry.add("plan", _("Assessment dossiers"), "targets:dossier-list", rank=60, audiences=(OFFICIALS,))
registry.add("settings", _("Yearly reference figures"), "targets:yearly-list", rank=10)
