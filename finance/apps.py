from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "finance"
    verbose_name = _("IP finance")

    def ready(self) -> None:
        from . import dashboards, filings, import_kinds, indicators, matching, menu, record_kinds  # noqa: F401  (they register dashboard cards and charts, award and pledge filings, the import kinds, the U-series and M6 calculators, pledge links, menu entries and record kinds)
