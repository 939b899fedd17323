from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "targets"
    verbose_name = _("Plan targets and indicators")

    def ready(self) -> None:
        from . import import_kinds, menu, signals  # noqa: F401  (they register the yearly-figures import, menu entries, and the signals that ask for a recomputation)
