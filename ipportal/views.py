from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

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
