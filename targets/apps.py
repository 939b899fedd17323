from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "targets"
    verbose_name = _("Plan targets and indicators")

    def ready(self) -> None:
        from core.importing import register
        from ipportal.navigation import registry

        from . import signals
        from .importing import YearlyFigureImport

        register(YearlyFigureImport())
        signals.connect()
        registry.add("targets", _("Indicators"), "targets:indicator-list")
        registry.add("targets", _("Year-end forecast"), "targets:forecast")
        registry.add("targets", _("Key tasks"), "targets:task-list")
        registry.add("targets", _("Overdue work plans"), "targets:task-overdue")
        registry.add("targets", _("Yearly reference figures"), "targets:yearly-list")
