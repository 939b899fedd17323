"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import ENTERPRISES, OFFICIALS, registry

BOTH = (OFFICIALS, ENTERPRISES)

registry.add("overview", _("My enterprise"), "enterprises:home", audiences=(ENTERPRISES,), rank=0)
registry.add("overview", _("My filings"), "enterprises:filing-list", audiences=(ENTERPRISES,), rank=10)
registry.add("review", _("Filings review"), "enterprises:filing-list", rank=20)
registry.add("imports", _("Imports"), "enterprises:import-list", rank=0)
registry.add("imports", _("Filings against imports"), "enterprises:reconciliation", rank=10)
registry.add("imports", _("Unmatched holders"), "enterprises:unmatched-holders", rank=20)
registry.add("imports", _("Column layouts"), "enterprises:layout-list", rank=30)
registry.add("records", _("Patents"), "enterprises:patent-list", audiences=BOTH, section="creation", rank=0)
registry.add(
    "records", _("Annuities due (lapse risk)"), "enterprises:lapse-risk", audiences=BOTH, section="creation", rank=5
)
registry.add("records", _("Trademarks"), "enterprises:trademark-list", audiences=BOTH, section="creation", rank=10)
registry.add("records", _("Copyrights"), "enterprises:copyright-list", audiences=BOTH, section="creation", rank=20)
registry.add(
    "records", _("IC layout designs"), "enterprises:iclayout-list", audiences=BOTH, section="creation", rank=30
)
registry.add(
    "records", _("Plant varieties"), "enterprises:plantvariety-list", audiences=BOTH, section="creation", rank=40
)
registry.add(
    "records", _("GI protected products"), "enterprises:giproduct-list", audiences=BOTH, section="creation", rank=50
)
registry.add("records", _("Enterprises"), "enterprises:list", section="management", rank=0)
registry.add("records", _("Certifications"), "enterprises:certification-list", section="management", rank=10)
registry.add("records", _("ISO 56005 pilots"), "enterprises:pilot-list", section="management", rank=20)
registry.add("records", _("Honours"), "enterprises:honour-list", section="management", rank=30)
registry.add("records", _("Close to qualifying"), "enterprises:qualifying", section="management", rank=40)
