"""The dashboard's "needs attention" cards: counts of what waits for an official, each linking
to the list behind it. This app adds its own (indicators behind, overdue plans and reports,
overdue follow-ups of the leading group's decisions); the other
apps register theirs from their `dashboards` module (filings, imports, claims)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import FollowUp, Plan
from ..supervision import overdue


@dataclass
class Attention:
    label: str
    count: int
    url: str


AttentionCard = Callable[[Plan, int], Attention]
CARDS: list[tuple[int, AttentionCard]] = []


def attention_card(order: int) -> Callable[[AttentionCard], AttentionCard]:
    """Add a card, function (plan, year) -> Attention, at `order` (smaller first)."""

    def add(card: AttentionCard) -> AttentionCard:
        CARDS.append((order, card))
        CARDS.sort(key=lambda entry: entry[0])
        return card

    return add


def attention(plan: Plan, year: int, behind: int) -> list[Attention]:
    """Every card, in order: the indicators behind (`behind` of the tiles) first, then the registered ones."""
    cards = [
        Attention(_("indicators behind"), behind, reverse("targets:indicator-list") + f"?year={year}&status=behind")
    ]
    return cards + [card(plan, year) for _order, card in CARDS]


@attention_card(order=50)
def overdue_plans(plan: Plan, year: int) -> Attention:
    return Attention(_("overdue plans and reports"), len(overdue(plan)), reverse("targets:task-overdue"))


@attention_card(order=51)
def overdue_follow_ups(plan: Plan, year: int) -> Attention:
    count = FollowUp.objects.overdue(timezone.localdate()).filter(decision__meeting__plan=plan).count()
    return Attention(_("overdue follow-ups"), count, reverse("targets:task-overdue") + "#follow-ups")
