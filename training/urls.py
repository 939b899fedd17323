from django.urls import path

from core.records import KINDS
from core.records.views import record_urls

from .views import UntrainedStaffView

app_name = "training"
urlpatterns = [path("untrained/", UntrainedStaffView.as_view(), name="untrained")]
for kind in KINDS.values():
    if kind.namespace == app_name:
        urlpatterns += record_urls(kind)
