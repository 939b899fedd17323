"""Record changes made one at a time (forms, admin, API) ask for a recomputation after commit;
edits of the plan and its indicators make what is cached with the values stale (targets.cache).

Imports write in bulk without signals and ask once themselves when they commit.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import bump_values_generation
from .tasks import request_recompute


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    instance = kwargs.get("instance")
    request_recompute(f"edit {sender._meta.label} {getattr(instance, 'pk', '') or ''}".strip())


def _shown_with_values(sender, **kwargs) -> None:
    """An indicator's target or name, or the plan, changed: pages kept with the values are stale."""
    if kwargs.get("raw"):
        return
    bump_values_generation()


def connect() -> None:
    for label in ("targets.Plan", "targets.Indicator"):
        model = apps.get_model(label)
        post_save.connect(_shown_with_values, sender=model, dispatch_uid=f"values-generation-{label}-save")
        post_delete.connect(_shown_with_values, sender=model, dispatch_uid=f"values-generation-{label}-delete")
    for label in (
        "enterprises.Enterprise",
        "enterprises.Patent",
        "enterprises.Trademark",
        "enterprises.GIProduct",
        "finance.Pledge",
        "finance.PledgedItem",
        "targets.YearlyFigure",
        "targets.Indicator",
        "targets.ReportedValue",
        "training.PublicityEvent",
        "enforcement.Case",
        "enforcement.Survey",
        "enforcement.SurveyResponse",
        "finance.IPTransaction",
        "finance.TechContract",
        "finance.Award",
        "finance.OperationPlatform",
        "finance.ServiceInstitution",
        "finance.MajorProject",
        "finance.NavigationProject",
        "enterprises.Certification",
        "enterprises.InnovationPilot",
        "enterprises.Honour",
        "training.Training",
        "training.Person",
        "training.Attendance",
    ):
        model = apps.get_model(label)
        post_save.connect(_changed, sender=model, dispatch_uid=f"recompute-{label}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"recompute-{label}-delete")
    # Attendees added or removed on a training's form change M5 without saving an Attendance one by one.
    m2m_changed.connect(_changed, sender=apps.get_model("training.Attendance"), dispatch_uid="recompute-attendees")


connect()
