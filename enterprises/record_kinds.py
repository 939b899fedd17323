"""This app's record kinds: IP rights (patents, trademarks, …) and the management records behind M1–M4."""

from django.utils.translation import gettext_lazy as _

from core.records import RecordKind, register
from core.records.filters import filterset_for

from .filters import (
    CertificationFilter,
    GIProductFilter,
    HonourFilter,
    InnovationPilotFilter,
    PatentFilter,
    SimpleRightFilter,
    TrademarkFilter,
)
from .forms import (
    CertificationForm,
    GIProductForm,
    HonourForm,
    InnovationPilotForm,
    PatentForm,
    TrademarkForm,
    simple_right_form,
)
from .models import (
    Certification,
    Copyright,
    GIProduct,
    Honour,
    ICLayoutDesign,
    InnovationPilot,
    Patent,
    PlantVariety,
    Trademark,
)


def enterprise_record_kinds() -> None:

    register(
        RecordKind(
            "patent",
            "enterprises",
            Patent,
            PatentFilter,
            PatentForm,
            "patents",
            (
                ("application_number", _("application number")),
                ("title", _("title")),
                ("get_patent_type_display", _("type")),
                ("application_date", _("application date")),
                ("grant_date", _("grant date")),
                ("get_legal_status_display", _("legal status")),
                ("holder_name", _("holder")),
            ),
        )
    )
    register(
        RecordKind(
            "trademark",
            "enterprises",
            Trademark,
            TrademarkFilter,
            TrademarkForm,
            "trademarks",
            (
                ("registration_number", _("registration number")),
                ("nice_class", _("Nice class")),
                ("mark", _("mark")),
                ("registration_date", _("registration date")),
                ("expiry_date", _("expiry date")),
                ("get_status_display", _("status")),
                ("holder_name", _("holder")),
            ),
        )
    )
    simple_columns = (
        ("registration_number", _("registration number")),
        ("title", _("title")),
        ("registration_date", _("date")),
        ("holder_name", _("holder")),
    )
    register(
        RecordKind(
            "copyright",
            "enterprises",
            Copyright,
            filterset_for(Copyright, SimpleRightFilter),
            simple_right_form(Copyright, ("kind",)),
            "copyrights",
            simple_columns,
        )
    )
    register(
        RecordKind(
            "iclayout",
            "enterprises",
            ICLayoutDesign,
            filterset_for(ICLayoutDesign, SimpleRightFilter),
            simple_right_form(ICLayoutDesign, ("application_date",)),
            "iclayouts",
            simple_columns,
        )
    )
    register(
        RecordKind(
            "plantvariety",
            "enterprises",
            PlantVariety,
            filterset_for(PlantVariety, SimpleRightFilter),
            simple_right_form(PlantVariety, ("crop",)),
            "plantvarieties",
            simple_columns,
        )
    )
    register(
        RecordKind(
            "giproduct",
            "enterprises",
            GIProduct,
            GIProductFilter,
            GIProductForm,
            "giproducts",
            (
                ("registration_number", _("announcement number")),
                ("title", _("product name")),
                ("region", _("protected area")),
                ("approval_date", _("approval date")),
                ("revoked_date", _("revoked on")),
            ),
            related=(),
        )
    )


def management_record_kinds() -> None:
    """Certifications, ISO 56005 pilots and honours behind M1–M4 (officials' pages)."""

    register(
        RecordKind(
            "certification",
            "enterprises",
            Certification,
            CertificationFilter,
            CertificationForm,
            "certifications",
            (
                ("certificate_number", _("certificate number")),
                ("get_standard_display", _("standard")),
                ("certification_body", _("certification body")),
                ("issue_date", _("issue date")),
                ("expiry_date", _("expiry date")),
            ),
            enterprise_visible=False,
        )
    )
    register(
        RecordKind(
            "pilot",
            "enterprises",
            InnovationPilot,
            InnovationPilotFilter,
            InnovationPilotForm,
            "",
            (
                ("start_date", _("joined the pilot on")),
                ("batch", _("batch or document")),
            ),
            enterprise_visible=False,
        )
    )
    register(
        RecordKind(
            "honour",
            "enterprises",
            Honour,
            HonourFilter,
            HonourForm,
            "honours",
            (
                ("get_kind_display", _("honour")),
                ("year", _("year granted")),
                ("document", _("granting document")),
            ),
            enterprise_visible=False,
        )
    )


enterprise_record_kinds()
management_record_kinds()
