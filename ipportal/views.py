from collections.abc import Callable

from csp.decorators import csp_exempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import cache_control

from . import lockout, ratelimit
from .roles import enterprise_of, is_api_client, is_official, unit_of
from .security import client_ip


class HomeView(LoginRequiredMixin, View):
    """The start page: officials get `official_view` (the plan's dashboard, wired in by
    ipportal.urls); an enterprise user lands on its own enterprise's page, a member unit's user
    on its key tasks; anyone else is told there is nothing for them here (403)."""

    official_view: Callable[..., HttpResponse] | None = None

    def get(self, request, *args, **kwargs):
        user = request.user
        if is_official(user):
            return self.official_view(request)
        if enterprise_of(user) is not None:
            return redirect("enterprises:home")
        if unit_of(user) is not None:
            return redirect("targets:task-list")
        return render(request, "home_other.html", {"api_client": is_api_client(user)}, status=403)


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@csp_exempt()
@cache_control(public=True, max_age=24 * 60 * 60)
def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the browsable API, downloads).

    No Content-Security-Policy: an ICO runs nothing, and the policy would only make Chromium's
    image viewer log errors when the icon is opened on its own."""
    return FileResponse((settings.BASE_DIR / "static" / "favicon.ico").open("rb"), content_type="image/x-icon")


class LoginUnlockView(View):
    """The e-mailed unlock link of `ipportal.lockout`: GET shows a button, POST uses the link (mail
    scanners that fetch links would otherwise use it up) and sends the browser to the login page."""

    def get(self, request, token):
        return render(request, "registration/login_unlock.html")

    def post(self, request, token):
        username = lockout.unlock(request, token)
        if username is None:
            return render(request, "registration/login_unlock.html", {"invalid": True}, status=400)
        messages.success(request, _("Signing in is unlocked in this browser: sign in with your password."))
        return redirect("login")


class PortalPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, which e-mails a link, with two limits in the shared store: per
    address (PASSWORD_RESETS_PER_HOUR_ADDRESS) against one client mailing many accounts, and per
    e-mail address (PASSWORD_RESETS_PER_HOUR_EMAIL) against flooding one mailbox from many. Over
    either, the form says so; the answer is the same whether an account has that address or not."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        by_address = ratelimit.hit("reset-ip", client_ip(self.request), settings.PASSWORD_RESETS_PER_HOUR_ADDRESS, 3600)
        by_email = ratelimit.hit("reset-email", email, settings.PASSWORD_RESETS_PER_HOUR_EMAIL, 3600)
        if not (by_address and by_email):
            form.add_error(None, _("Too many password reset requests; please try again in an hour."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
