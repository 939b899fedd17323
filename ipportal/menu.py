"""The portal's own entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from .navigation import registry

registry.add("settings", _("Change history"), "audit-log", rank=20)
