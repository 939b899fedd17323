from csp.decorators import csp_exempt
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control

from .roles import enterprise_of, is_api_client, is_official, unit_of


@login_required
def home(request):
    """Officials land on their overview; an enterprise user on its own enterprise's page."""
    user = request.user
    if is_official(user):
        from targets.views import DashboardView

        return DashboardView.as_view()(request)
    enterprise = enterprise_of(user)
    if enterprise is not None:
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
