from enterprises.records import KINDS
from enterprises.views.records import record_urls

app_name = "training"
urlpatterns = []
for kind in KINDS.values():
    if kind.namespace == app_name:
        urlpatterns += record_urls(kind)
