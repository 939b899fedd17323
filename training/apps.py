from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Publicity and training")

    def ready(self) -> None:
        from . import import_kinds, indicators, menu, record_kinds  # noqa: F401  (they register the import kinds, the P3 and M5 calculators, menu entries and record kinds)
