from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import APIRootView
from rest_framework.urlpatterns import format_suffix_patterns

from core.records.views import RecordSearchView
from enforcement.api.urls import router as enforcement_api
from enterprises.api.urls import router as enterprises_api
from finance.api.urls import router as finance_api
from targets.api.urls import router as targets_api
from targets.views import DashboardView
from training.api.urls import router as training_api

from . import views
from .security import PortalAdminAuthenticationForm, PortalAuthenticationForm
from .views_audit import AuditLogView

# Each app routes its own API; the indicators first, as the most polled (URLs resolve in order).
API_ROUTERS = (
    ("targets", targets_api),
    ("enterprises", enterprises_api),
    ("finance", finance_api),
    ("training", training_api),
    ("enforcement", enforcement_api),
)
api_root = {prefix: f"{basename}-list" for _, router in API_ROUTERS for prefix, _, basename in router.registry}

admin.site.login_form = PortalAdminAuthenticationForm

api_patterns = [
    *format_suffix_patterns([path("", APIRootView.as_view(api_root_dict=api_root), name="api-root")]),
    *(path("", include(f"{app}.api.urls")) for app, _ in API_ROUTERS),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

urlpatterns = [
    path("", views.HomeView.as_view(official_view=DashboardView.as_view()), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("api/v1/", include(api_patterns)),  # early: API clients poll it, and URLs resolve in order
    path("search/", RecordSearchView.as_view(), name="record-search"),
    path("audit/", AuditLogView.as_view(), name="audit-log"),
    path("accounts/login/", LoginView.as_view(authentication_form=PortalAuthenticationForm), name="login"),
    path("accounts/unlock/<str:token>/", views.LoginUnlockView.as_view(), name="login-unlock"),
    path("accounts/password_reset/", views.PortalPasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("enterprises/", include("enterprises.urls")),
    path("enforcement/", include("enforcement.urls")),
    path("finance/", include("finance.urls")),
    path("targets/", include("targets.urls")),
    path("training/", include("training.urls")),
    path("admin/", admin.site.urls),
]
