"""五(四) 加强督导考核: the plan's key tasks, the member units responsible, their yearly work plans
(due at each year end for the next year) and progress reports, and what is overdue."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from .models import KeyTask, MemberUnit, Plan, WorkPlan


@dataclass
class Overdue:
    task: KeyTask
    unit: MemberUnit
    year: int
    due: dt.date

    @property
    def days_late(self) -> int:
        return (timezone.localdate() - self.due).days


def work_plan_due(year: int) -> dt.date:
    """A member unit hands in the work plan for a year by 31 December of the year before."""
    return dt.date(year - 1, 12, 31)


def overdue_work_plans(plan: Plan, *, units: QuerySet | None = None, today: dt.date | None = None) -> list[Overdue]:
    """Work plans past their due date and not handed in, for each task and responsible unit."""
    today = today or timezone.localdate()
    tasks = plan.key_tasks.prefetch_related("units")
    submitted = set(
        WorkPlan.objects.filter(task__plan=plan, submitted_at__isnull=False).values_list("task_id", "unit_id", "year")
    )
    allowed = set(units.values_list("pk", flat=True)) if units is not None else None
    late = []
    for year in range(plan.first_year, plan.last_year + 1):
        due = work_plan_due(year)
        if due >= today:
            continue
        for task in tasks:
            for unit in task.units.all():
                if allowed is not None and unit.pk not in allowed:
                    continue
                if (task.pk, unit.pk, year) not in submitted:
                    late.append(Overdue(task, unit, year, due))
    return late
