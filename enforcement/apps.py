from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "enforcement"
    verbose_name = _("IP protection")

    def ready(self) -> None:
        from . import import_kinds, indicators, menu, record_kinds  # noqa: F401  (they register the import kinds, the P1 and P2 calculators, menu entries and record kinds)
