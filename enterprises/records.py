"""The record kinds that share list, detail, form, export and API pages: one entry each."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class RecordKind:
    slug: str  # URL names: <slug>-list, -detail, -create, -edit, -export
    namespace: str  # the app's URL namespace
    model: type[models.Model]
    filterset: type
    form: type
    import_kind: str  # the import kind whose columns the export uses (round trip)
    columns: tuple[tuple[str, str], ...]  # (attribute or display method, label) for the list
    enterprise_visible: bool = True  # False: officials' pages only (403 for enterprise users)
    related: tuple[str, ...] = ("enterprise",)
    self_service_url: str = ""  # where an enterprise user adds one of its own (shown on the list)
    # Money totals over the filtered list, shown above it: queryset -> [(label, amount in yuan)].
    totals: Callable[[models.QuerySet], list[tuple[str, Decimal]]] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.verbose_name_plural

    @property
    def verbose_name(self) -> str:
        return self.model._meta.verbose_name

    @property
    def list_url(self) -> str:
        return f"{self.namespace}:{self.slug}-list"

    @property
    def create_url(self) -> str:
        return f"{self.namespace}:{self.slug}-create"

    @property
    def edit_url(self) -> str:
        return f"{self.namespace}:{self.slug}-edit"

    @property
    def export_url(self) -> str:
        return f"{self.namespace}:{self.slug}-export"


KINDS: dict[str, RecordKind] = {}


def register(kind: RecordKind) -> RecordKind:
    KINDS[kind.slug] = kind
    return kind


def enterprise_record_kinds() -> None:
    from .filters import GIProductFilter, PatentFilter, TrademarkFilter, simple_filter
    from .forms import GIProductForm, PatentForm, TrademarkForm, simple_right_form
    from .models import Copyright, GIProduct, ICLayoutDesign, Patent, PlantVariety, Trademark

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
            simple_filter(Copyright),
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
            simple_filter(ICLayoutDesign),
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
            simple_filter(PlantVariety),
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
    from .filters import CertificationFilter, HonourFilter, InnovationPilotFilter
    from .forms import CertificationForm, HonourForm, InnovationPilotForm
    from .models import Certification, Honour, InnovationPilot

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
