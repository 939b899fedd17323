"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import registry

registry.add("utilization", _("Pledges"), "finance:pledge-list", officials_only=False)
registry.add("utilization", _("IP transactions"), "finance:transaction-list")
registry.add("utilization", _("Technology contracts"), "finance:contract-list")
registry.add("utilization", _("Awards"), "finance:award-list")
registry.add("utilization", _("Operation platforms"), "finance:platform-list")
registry.add("utilization", _("Service institutions"), "finance:institution-list")
registry.add("utilization", _("Major projects"), "finance:project-list")
registry.add("utilization", _("Patent navigation projects"), "finance:navigation-list")
registry.add("utilization", _("IP insurance"), "finance:insurance-list")
registry.add("utilization", _("Risk-compensation fund"), "finance:riskfund-list")
registry.add("utilization", _("Special IP fund"), "finance:item-list")
registry.add("utilization", _("Claims review queue"), "finance:claim-list")
