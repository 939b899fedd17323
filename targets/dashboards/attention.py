"""The dashboard's "needs attention" cards: counts of what waits for an official, each linking
to the list behind it. This app adds its own (indicators behind, overdue plans and reports,
overdue follow-ups of the leading group's decisions); the other
apps register theirs from their `dashboards` module (filings, imports, claims).

Each card names the models its count is made from (`sources`): any save, delete or bulk write
of their rows (core.changes) bumps the attention generation (targets.cache), under which the
dashboard keeps the counts, so a new claim or a failed import shows at once."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.changes import rows_changed

from ..cache import ATTENTION_GENERATION_KEY, bump_generation
from ..models import Deadline, Decision, FollowUp, KeyTask, Meeting, MemberUnit, Plan, ProgressReport, WorkPlan
from ..supervision import overdue


@dataclass
class Attention:
    label: str
    count: int
    url: str


AttentionCard = Callable[[Plan, int], Attention]
CARDS: list[tuple[int, AttentionCard]] = []


def attention_card(order: int, sources: tuple[type[models.Model], ...]) -> Callable[[AttentionCard], AttentionCard]:
    """Add a card, function (plan, year) -> Attention, at `order` (smaller first). `sources`: every
    model whose rows the count reads (an auto-created many-to-many table included); a change to
    any of them makes the kept counts stale. Their bulk writes must go through
    core.changes.ChangeSignallingQuerySet."""

    def add(card: AttentionCard) -> AttentionCard:
        CARDS.append((order, card))
        CARDS.sort(key=lambda entry: entry[0])
        for model in sources:
            watch(model)
        return card

    return add


def watch(model: type[models.Model]) -> None:
    """Bump the attention generation whenever a row of `model` is saved, deleted or written in bulk."""
    uid = f"attention-{model._meta.label}"
    post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
    rows_changed.connect(_changed, sender=model, dispatch_uid=f"{uid}-bulk")
    if model._meta.auto_created:  # a many-to-many table: changed through the relation's manager
        m2m_changed.connect(_changed, sender=model, dispatch_uid=f"{uid}-m2m")


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return
    bump_generation(ATTENTION_GENERATION_KEY)


def attention(plan: Plan, year: int, behind: int) -> list[Attention]:
    """Every card, in order: the indicators behind (`behind` of the tiles) first, then the registered ones."""
    cards = [
        Attention(_("indicators behind"), behind, reverse("targets:indicator-list") + f"?year={year}&status=behind")
    ]
    return cards + [card(plan, year) for _order, card in CARDS]


@attention_card(
    order=50, sources=(Plan, KeyTask, KeyTask.units.through, MemberUnit, WorkPlan, ProgressReport, Deadline)
)
def overdue_plans(plan: Plan, year: int) -> Attention:
    return Attention(_("overdue plans and reports"), len(overdue(plan)), reverse("targets:task-overdue"))


@attention_card(order=51, sources=(FollowUp, Decision, Meeting))
def overdue_follow_ups(plan: Plan, year: int) -> Attention:
    count = FollowUp.objects.overdue(timezone.localdate()).filter(decision__meeting__plan=plan).count()
    return Attention(_("overdue follow-ups"), count, reverse("targets:task-overdue") + "#follow-ups")
