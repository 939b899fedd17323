"""Small pieces of the portal's hardening that settings alone cannot express.

- `client_ip`: the one client-address function (login lockout, every rate limit, API throttling,
  the audit trail).
- `RequestLimitsMiddleware`: a size bound on every request body and a rate limit on every write
  outside the API (the API has DRF's throttles).
- The login forms: web roles only, and the per-user cap that asks for an e-mailed unlock link
  (`ipportal.lockout`).
"""

from auditlog.middleware import AuditlogMiddleware
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import logout
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.http import HttpRequest
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext_lazy as _

from . import lockout, ratelimit
from .roles import has_web_pages, is_official

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def client_ip(request: HttpRequest) -> str:
    """The client's address, for the login lockout (django-axes' AXES_CLIENT_IP_CALLABLE), every
    rate limit, the API throttles and the audit trail: the one place the portal reads it.

    With TRUSTED_PROXY_COUNT proxies in front, the address the outermost trusted proxy saw is
    that many entries from the right of X-Forwarded-For; entries further left were written by
    the client and are ignored. Without proxies (or with fewer entries than proxies), REMOTE_ADDR.
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
    """Login forms (the portal's and the admin's) refuse accounts whose role has no web pages, and
    a user name over the per-user cap of failed logins unless this browser opened its unlock link
    (`ipportal.lockout`)."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and self.request is not None and lockout.needs_unlock(self.request, username):
            lockout.send_unlock_link(self.request, username)
            raise ValidationError(
                _(
                    "Signing in to this account failed many times from several places, so it now needs an unlock "
                    "link: one has been e-mailed to the account's address. Open it in this browser, then sign in. "
                    "Without access to that mailbox, ask the park IP office."
                ),
                code="needs_unlock",
            )
        return super().clean()

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


class PortalAuditlogMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware with the address read by `client_ip`: its own takes the first
    X-Forwarded-For entry, which any client can write."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request) or None


def refusal(request: HttpRequest, status: int, message: str, retry_after: int | None = None):
    """A page in the reader's language saying why the request was refused (413 or 429)."""
    response = render(request, "refused.html", {"message": message}, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


class RequestLimitsMiddleware(MiddlewareMixin):
    """Bounds what one client can send, before any view (or CSRF) reads the body.

    - Size: a request body over its bound is refused with 413 from its Content-Length (Django
      reads no more than Content-Length; a body without one is read as empty). Anonymous
      requests: REQUEST_MAX_BYTES_ANONYMOUS (the login, password and complaint forms are small);
      signed-in users and API requests with a token: REQUEST_MAX_BYTES (documents of 10 MB each); a view may name the setting
      that bounds its upload in `max_request_setting` (the import upload's IMPORT_MAX_UPLOAD_BYTES).
    - Rate: every POST, PUT, PATCH and DELETE outside the API counts against
      WRITES_PER_MINUTE_ANONYMOUS per address (`client_ip`) or WRITES_PER_MINUTE_USER per user;
      over it, 429 with Retry-After. The API's writes are throttled by DRF, to the same rate
      (ipportal.throttling). Views that send e-mail or take anonymous reports add their own,
      tighter limits (password reset, the complaint form, the login unlock link).
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        api = request.path_info.startswith("/api/")
        # An API token is checked later, by DRF (before it parses the body: a bad token is a 401
        # with the body unread); a request that carries one is bounded as a signed-in user's.
        signed_in = request.user.is_authenticated or (api and "HTTP_AUTHORIZATION" in request.META)
        own_limit = getattr(getattr(view_func, "view_class", None), "max_request_setting", None)
        if own_limit and signed_in:
            limit = getattr(settings, own_limit) + 1024 * 1024  # the file, and the form around it
        else:
            limit = settings.REQUEST_MAX_BYTES if signed_in else settings.REQUEST_MAX_BYTES_ANONYMOUS
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return refusal(
                request,
                413,
                _("The request is too large: at most %(size)s can be sent here.") % {"size": filesizeformat(limit)},
            )
        if request.method in UNSAFE_METHODS and not api:
            if signed_in:
                allowed = ratelimit.hit("writes-user", str(request.user.pk), settings.WRITES_PER_MINUTE_USER, 60)
            else:
                allowed = ratelimit.hit("writes-anon", client_ip(request), settings.WRITES_PER_MINUTE_ANONYMOUS, 60)
            if not allowed:
                return refusal(
                    request,
                    429,
                    _("Too many requests in a short time; please wait a minute."),
                    ratelimit.seconds_left(60),
                )
        return None


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
