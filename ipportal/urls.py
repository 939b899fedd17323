from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from . import views

api_patterns = [
    path("", include("targets.api.urls")),
    path("", include("enterprises.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", include(api_patterns)),  # early: API clients poll it, and URLs resolve in order
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("enterprises/", include("enterprises.urls")),
    path("enforcement/", include("enforcement.urls")),
    path("finance/", include("finance.urls")),
    path("targets/", include("targets.urls")),
    path("training/", include("training.urls")),
    path("admin/", admin.site.urls),
]
