"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import registry

registry.add("creation", _("Patents"), "enterprises:patent-list", officials_only=False)
registry.add("creation", _("Annuities due (lapse risk)"), "enterprises:lapse-risk", officials_only=False)
registry.add("creation", _("Trademarks"), "enterprises:trademark-list", officials_only=False)
registry.add("creation", _("Copyrights"), "enterprises:copyright-list", officials_only=False)
registry.add("creation", _("IC layout designs"), "enterprises:iclayout-list", officials_only=False)
registry.add("creation", _("Plant varieties"), "enterprises:plantvariety-list", officials_only=False)
registry.add("creation", _("GI protected products"), "enterprises:giproduct-list", officials_only=False)
registry.add("management", _("Enterprises"), "enterprises:list")
registry.add("management", _("Certifications"), "enterprises:certification-list")
registry.add("management", _("ISO 56005 pilots"), "enterprises:pilot-list")
registry.add("management", _("Honours"), "enterprises:honour-list")
registry.add("management", _("Close to qualifying"), "enterprises:qualifying")
registry.add("targets", _("Imports"), "enterprises:import-list")
registry.add("targets", _("Filings against imports"), "enterprises:reconciliation")
registry.add("targets", _("Unmatched holders"), "enterprises:unmatched-holders")
registry.add("management", _("Filings review"), "enterprises:filing-list")
