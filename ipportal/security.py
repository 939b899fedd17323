"""Small pieces of the portal's hardening that settings alone cannot express."""

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import logout
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .roles import has_web_pages, is_official


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


class WebRolesOnly:
    """Login forms (the portal's and the admin's) refuse accounts whose role has no web pages."""

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if not has_web_pages(user):
            raise ValidationError(
                _(
                    "This account is an API client: it reads the park's data through the API with its token and cannot sign in here."
                ),
                code="api_only",
            )


class PortalAuthenticationForm(WebRolesOnly, AuthenticationForm):
    pass


class PortalAdminAuthenticationForm(WebRolesOnly, AdminAuthenticationForm):
    pass


class WebSessionRolesMiddleware:
    """A web session of a role without web pages (an API client's, however it was made) is ended
    before any view runs, so the request goes on as anonymous: no page, attachment, admin page or
    API answer through the session. Token requests are authenticated later, by DRF."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.user.is_authenticated and not has_web_pages(request.user):
            logout(request)
        return self.get_response(request)
