from django.utils.translation import gettext_lazy as _

from enterprises.records import RecordKind, register


def finance_record_kinds() -> None:
    from .filters import PledgeFilter
    from .forms import PledgeForm
    from .models import Pledge

    register(
        RecordKind(
            "pledge",
            "finance",
            Pledge,
            PledgeFilter,
            PledgeForm,
            "pledges",
            (
                ("registration_number", _("pledge registration number")),
                ("pledgor_name", _("pledgor")),
                ("pledgee_name", _("pledgee")),
                ("get_ip_type_display", _("pledged IP type")),
                ("amount", _("financing amount (yuan)")),
                ("registration_date", _("registration date")),
            ),
        )
    )
