from django.conf import settings

from .navigation import ENTERPRISES, OFFICIALS, UNITS, registry
from .roles import enterprise_of, is_official, unit_of


def portal(request) -> dict:
    user = getattr(request, "user", None)
    official = bool(user and is_official(user))
    enterprise = enterprise_of(user) if user and user.is_authenticated and not official else None
    unit = unit_of(user) if user and user.is_authenticated and not official and enterprise is None else None
    show_menu = official or enterprise is not None
    audience = OFFICIALS if official else ENTERPRISES if enterprise is not None else UNITS if unit is not None else ""
    return {
        "my_unit": unit,
        "portal_name": settings.PORTAL_NAME,
        "is_official": official,
        "my_enterprise": enterprise,
        "nav_sidebar": registry.sidebar(audience, request.path) if audience else "",
        "unread_notifications": _unread(user) if show_menu else 0,
    }


def _unread(user) -> int:
    return user.notifications.filter(read_at__isnull=True).count()
