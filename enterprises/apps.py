from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "enterprises"
    verbose_name = _("Enterprises and IP records")

    def ready(self) -> None:
        from . import (  # noqa: F401  (they register the import kinds, the M1–M4 calculators and the menu entries)
            import_kinds,
            indicators,
            menu,
        )
        from .records import enterprise_record_kinds, management_record_kinds

        enterprise_record_kinds()
        management_record_kinds()
