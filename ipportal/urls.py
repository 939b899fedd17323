from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views
from .security import PortalAdminAuthenticationForm, PortalAuthenticationForm
from .views_audit import AuditLogView

admin.site.login_form = PortalAdminAuthenticationForm

api_patterns = [
    path("", include("targets.api.urls")),
    path("", include("enterprises.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", include(api_patterns)),  # early: API clients poll it, and URLs resolve in order
    path("audit/", AuditLogView.as_view(), name="audit-log"),
    path("accounts/login/", LoginView.as_view(authentication_form=PortalAuthenticationForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("enterprises/", include("enterprises.urls")),
    path("enforcement/", include("enforcement.urls")),
    path("finance/", include("finance.urls")),
    path("targets/", include("targets.urls")),
    path("training/", include("training.urls")),
    path("admin/", admin.site.urls),
]
