from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IpportalConfig(AppConfig):
    name = "ipportal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from . import audit, authentication, menu, security  # noqa: F401  (menu entries; security connects the login signal)

        audit.register_models()
        # Revoking a token or changing who a user is must reach every process's cached lookups.
        for model in ("enterprises.Membership", "targets.UnitMembership"):
            post_save.connect(authentication._membership_changed, sender=model, weak=False)
            post_delete.connect(authentication._membership_changed, sender=model, weak=False)
