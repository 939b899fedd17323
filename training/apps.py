from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Publicity and training")

    def ready(self) -> None:
        from . import import_kinds, indicators, menu  # noqa: F401  (register imports, P3 and M5, menu entries)
        from .records import training_record_kinds

        training_record_kinds()
