from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IpportalConfig(AppConfig):
    name = "ipportal"
    verbose_name = _("Portal")
