from collections.abc import Callable

from csp.decorators import csp_exempt
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.views import View
from django.views.decorators.cache import cache_control

from .roles import enterprise_of, is_api_client, is_official, unit_of


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
