from django.conf import settings

from .navigation import registry
from .roles import enterprise_of, is_official, unit_of


def portal(request) -> dict:
    user = getattr(request, "user", None)
    official = bool(user and is_official(user))
    enterprise = enterprise_of(user) if user and user.is_authenticated and not official else None
    unit = unit_of(user) if user and user.is_authenticated and not official and enterprise is None else None
    show_menu = official or enterprise is not None
    return {
        "my_unit": unit,
        "portal_name": settings.PORTAL_NAME,
        "is_official": official,
        "my_enterprise": enterprise,
        "nav_menu": registry.for_user(official) if show_menu else [],
        "unread_notifications": _unread(user) if show_menu else 0,
    }


def _unread(user) -> int:
    return user.notifications.filter(read_at__isnull=True).count()
