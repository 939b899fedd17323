"""This app's entries in the site navigation."""

from django.utils.translation import gettext_lazy as _

from ipportal.navigation import ENTERPRISES, OFFICIALS, registry

registry.add("overview", _("Support items"), "finance:item-list", audiences=(ENTERPRISES,), rank=20)
registry.add("overview", _("My claims"), "finance:claim-list", audiences=(ENTERPRISES,), rank=30)
registry.add("review", _("Claims review queue"), "finance:claim-list", rank=10)
registry.add(
    "records", _("Pledges"), "finance:pledge-list", audiences=(OFFICIALS, ENTERPRISES), section="utilization", rank=0
)
registry.add("records", _("IP transactions"), "finance:transaction-list", section="utilization", rank=10)
registry.add("records", _("Technology contracts"), "finance:contract-list", section="utilization", rank=20)
registry.add("records", _("Awards"), "finance:award-list", section="utilization", rank=30)
registry.add("records", _("Operation platforms"), "finance:platform-list", section="utilization", rank=40)
registry.add("records", _("Service institutions"), "finance:institution-list", section="utilization", rank=50)
registry.add("records", _("Major projects"), "finance:project-list", section="utilization", rank=60)
registry.add("records", _("Patent navigation projects"), "finance:navigation-list", section="utilization", rank=70)
registry.add("records", _("IP insurance"), "finance:insurance-list", section="utilization", rank=80)
registry.add("records", _("Risk-compensation fund"), "finance:riskfund-list", section="utilization", rank=90)
registry.add("plan", _("Special IP fund"), "finance:item-list", rank=60)
