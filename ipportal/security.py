"""Small pieces of the portal's hardening that settings alone cannot express."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from .roles import is_official


def client_ip(request: HttpRequest) -> str:
    """The client's address for the login lockout.

    With TRUSTED_PROXY_COUNT proxies in front, the address the outermost trusted proxy saw is
    that many entries from the right of X-Forwarded-For; entries further left were written by
    the client and are ignored. Without proxies, REMOTE_ADDR.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")


@receiver(user_logged_in)
def officials_session_ends_with_the_browser(sender, request, user, **kwargs) -> None:
    """Officials change park-wide data, often from shared office machines: their session cookie
    lasts until the browser closes (and at most SESSION_COOKIE_AGE on the server)."""
    if request is not None and hasattr(request, "session") and is_official(user):
        request.session.set_expiry(0)
