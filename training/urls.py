from django.urls import path

from enterprises.records import KINDS
from enterprises.views.records import record_urls

from .views import UntrainedStaffView

app_name = "training"
urlpatterns = [path("untrained/", UntrainedStaffView.as_view(), name="untrained")]
for kind in KINDS.values():
    if kind.namespace == app_name:
        urlpatterns += record_urls(kind)
