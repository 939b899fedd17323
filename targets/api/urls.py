from core.api import AppRouter

from .views import IndicatorViewSet

router = AppRouter()
router.register("indicators", IndicatorViewSet, basename="indicator")
urlpatterns = router.urls
