from core.api import AppRouter
from core.records.api import record_viewset

router = AppRouter()
for prefix, slug in (("cases", "case"), ("surveys", "survey")):
    router.register(prefix, record_viewset(slug), basename=slug)
urlpatterns = router.urls
