from core.api import AppRouter
from core.records.api import record_viewset

from .annuities import LapseRiskViewSet
from .views import EnterpriseViewSet, FilingViewSet

router = AppRouter()
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("filings", FilingViewSet, basename="filing")
router.register("lapse-risk", LapseRiskViewSet, basename="lapse-risk")
for prefix, slug in (
    ("patents", "patent"),
    ("trademarks", "trademark"),
    ("copyrights", "copyright"),
    ("iclayouts", "iclayout"),
    ("plantvarieties", "plantvariety"),
    ("giproducts", "giproduct"),
    ("certifications", "certification"),
    ("innovation-pilots", "pilot"),
    ("honours", "honour"),
):
    router.register(prefix, record_viewset(slug), basename=slug)
urlpatterns = router.urls
