from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Publicity and training")

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from enterprises.importing import register
        from enterprises.records import RecordKind
        from enterprises.records import register as register_kind
        from ipportal.navigation import registry

        from . import indicators  # noqa: F401  (registers the P3 calculator)
        from .filters import PublicityEventFilter
        from .forms import PublicityEventForm
        from .importing import PublicityEventImport
        from .models import PublicityEvent

        register(PublicityEventImport())
        register_kind(
            RecordKind(
                "event",
                "training",
                PublicityEvent,
                PublicityEventFilter,
                PublicityEventForm,
                "publicity_events",
                (
                    ("date", _("date")),
                    ("title", _("title")),
                    ("get_theme_display", _("theme")),
                    ("audience", _("audience")),
                    ("attendance", _("attendance")),
                    ("venue", _("venue")),
                ),
                enterprise_visible=False,
                related=(),
            )
        )
        registry.add("publicity", _("Publicity events"), "training:event-list")
