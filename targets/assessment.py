"""The yearly assessment of the member units: a row per unit and key task it is responsible for,
a column per rubric item, and the weighted total (Σ score × weight ÷ Σ weight of the items
scored), as on the page and in the XLSX export."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from .models import AssessmentItem, AssessmentScore, KeyTask, MemberUnit, Plan


@dataclass
class ScoreRow:
    unit: MemberUnit
    task: KeyTask
    scores: list[Decimal | None] = field(default_factory=list)
    total: Decimal | None = None


def items_for(plan: Plan, year: int):
    return AssessmentItem.objects.filter(plan=plan, year=year)


def weighted_total(scores: list[Decimal | None], weights: list[Decimal]) -> Decimal | None:
    pairs = [(score, weight) for score, weight in zip(scores, weights, strict=True) if score is not None]
    if not pairs:
        return None
    total = sum(score * weight for score, weight in pairs) / sum(weight for _, weight in pairs)
    return total.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def score_table(plan: Plan, year: int) -> tuple[list[AssessmentItem], list[ScoreRow]]:
    """The rubric's items and a row per (unit, task), units in order, tasks by number."""
    items = list(items_for(plan, year))
    weights = [item.weight for item in items]
    stored = {
        (score.unit_id, score.task_id, score.item_id): score.score
        for score in AssessmentScore.objects.filter(item__in=items)
    }
    rows = []
    tasks = plan.key_tasks.prefetch_related("units").order_by("number")
    pairs = sorted(
        ((unit, task) for task in tasks for unit in task.units.all()),
        key=lambda pair: (not pair[0].is_lead, pair[0].name, pair[1].number),
    )
    for unit, task in pairs:
        scores = [stored.get((unit.pk, task.pk, item.pk)) for item in items]
        rows.append(ScoreRow(unit, task, scores, weighted_total(scores, weights)))
    return items, rows


def total_weight(plan: Plan, year: int) -> Decimal:
    return items_for(plan, year).aggregate(total=Sum("weight"))["total"] or Decimal(0)


def record_score(item: AssessmentItem, unit: MemberUnit, task: KeyTask, score: Decimal, user, comment: str = ""):
    """An official's score for a unit on a task for one item (0–100); a unit must be responsible for the task."""
    if not task.units.filter(pk=unit.pk).exists():
        raise ValueError("the unit is not responsible for the task")
    row, _created = AssessmentScore.objects.update_or_create(
        item=item, unit=unit, task=task, defaults={"score": score, "comment": comment, "scored_by": user}
    )
    return row
