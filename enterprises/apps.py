from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "enterprises"
    verbose_name = _("Enterprises and IP records")

    def ready(self) -> None:
        from . import import_kinds, menu  # noqa: F401  (they register the import kinds and the menu entries)
        from .records import enterprise_record_kinds

        enterprise_record_kinds()
