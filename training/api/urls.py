from core.api import AppRouter
from core.records.api import record_viewset

router = AppRouter()
for prefix, slug in (
    ("publicity-events", "event"),
    ("trainings", "training"),
    ("ip-staff", "person"),
    ("talents", "talent"),
):
    router.register(prefix, record_viewset(slug), basename=slug)
urlpatterns = router.urls
