from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "finance"
    verbose_name = _("IP finance")

    def ready(self) -> None:
        from . import import_kinds, menu  # noqa: F401  (they register the import kinds and the menu entries)
        from .records import finance_record_kinds

        finance_record_kinds()
