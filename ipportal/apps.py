from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IpportalConfig(AppConfig):
    name = "ipportal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from . import audit, menu, security  # noqa: F401  (menu entries; security connects the login signal)

        audit.register_models()
