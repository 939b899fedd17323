from rest_framework.routers import DefaultRouter

from .views import IndicatorViewSet


class IndicatorRouter(DefaultRouter):
    # No root view of its own: /api/v1/ is enterprises.api's. These routes are included first,
    # as the most polled ones, and URLs resolve in order.
    include_root_view = False


router = IndicatorRouter()
router.register("indicators", IndicatorViewSet, basename="indicator")
urlpatterns = router.urls
