from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "enterprises"
    verbose_name = _("Enterprises and IP records")

    def ready(self) -> None:
        from . import dashboards, import_kinds, indicators, menu, record_kinds  # noqa: F401  (they register dashboard cards and charts, the import kinds, the C-series and M1–M4 calculators, menu entries and record kinds)
