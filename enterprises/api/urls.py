from rest_framework.routers import DefaultRouter

from finance.api.selfservice import ClaimViewSet, FilingViewSet, SupportItemViewSet

from .annuities import LapseRiskViewSet
from .views import EnterpriseViewSet, record_viewset

router = DefaultRouter()
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("filings", FilingViewSet, basename="filing")
router.register("lapse-risk", LapseRiskViewSet, basename="lapse-risk")
router.register("support-items", SupportItemViewSet, basename="support-item")
router.register("claims", ClaimViewSet, basename="claim")
for prefix, slug in (
    ("patents", "patent"),
    ("trademarks", "trademark"),
    ("copyrights", "copyright"),
    ("iclayouts", "iclayout"),
    ("plantvarieties", "plantvariety"),
    ("giproducts", "giproduct"),
    ("pledges", "pledge"),
    ("publicity-events", "event"),
    ("cases", "case"),
    ("surveys", "survey"),
    ("transactions", "transaction"),
    ("tech-contracts", "contract"),
    ("awards", "award"),
    ("platforms", "platform"),
    ("institutions", "institution"),
    ("major-projects", "project"),
    ("navigation-projects", "navigation"),
    ("insurance-policies", "insurance"),
    ("risk-fund-entries", "riskfund"),
    ("certifications", "certification"),
    ("innovation-pilots", "pilot"),
    ("honours", "honour"),
    ("trainings", "training"),
    ("ip-staff", "person"),
    ("talents", "talent"),
):
    router.register(prefix, record_viewset(slug), basename=slug)
urlpatterns = router.urls
