from rest_framework import serializers

from core.api import AppRouter
from core.records.api import record_viewset

from .views import ClaimViewSet, SupportItemViewSet

router = AppRouter()
router.register("support-items", SupportItemViewSet, basename="support-item")
router.register("claims", ClaimViewSet, basename="claim")
pledge_numbers = serializers.SlugRelatedField(source="items", many=True, read_only=True, slug_field="number")
router.register("pledges", record_viewset("pledge", {"numbers": pledge_numbers}, ("items",)), basename="pledge")
for prefix, slug in (
    ("transactions", "transaction"),
    ("tech-contracts", "contract"),
    ("awards", "award"),
    ("platforms", "platform"),
    ("institutions", "institution"),
    ("major-projects", "project"),
    ("navigation-projects", "navigation"),
    ("insurance-policies", "insurance"),
    ("risk-fund-entries", "riskfund"),
):
    router.register(prefix, record_viewset(slug), basename=slug)
urlpatterns = router.urls
