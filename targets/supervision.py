"""五(四) 加强督导考核: what each member unit owes for each of its key tasks and by when, what is
overdue or was handed in late, the officials' review of plans and reports, and the follow-ups
of the leading group's decisions.

Deadlines: a Deadline row for the year and kind, the most specific one for the task and unit
(task and unit > task > unit > every task and unit); without one the defaults apply (work plan
31 January, half-year report 15 July, year report 15 December of the year).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ReviewState
from core.review import TransitionRefused, move

from .models import Deadline, FollowUp, KeyTask, MemberUnit, Plan, ProgressReport, WorkPlan
from .models.supervision import UnitSubmission, default_due

KINDS = (Deadline.Kind.WORK_PLAN, Deadline.Kind.HALF_YEAR, Deadline.Kind.YEAR)
REVIEWABLE = (ReviewState.SUBMITTED, ReviewState.UNDER_REVIEW)
EDITABLE = (ReviewState.DRAFT, ReviewState.SUBMITTED, ReviewState.RETURNED)
REVIEW_ACTIONS = ("accept", "return")


@dataclass
class Due:
    """One thing a unit owes on a task for a year, with its deadline and what was handed in."""

    task: KeyTask
    unit: MemberUnit
    year: int
    kind: str
    due: dt.date
    submission: UnitSubmission | None = None
    today: dt.date | None = None

    @property
    def kind_label(self) -> str:
        return str(Deadline.Kind(self.kind).label)

    @property
    def submitted_on(self) -> dt.date | None:
        if self.submission is None or self.submission.submitted_at is None:
            return None
        return timezone.localdate(self.submission.submitted_at)

    @property
    def missing(self) -> bool:
        return self.submitted_on is None

    @property
    def late(self) -> bool:
        """Handed in after the deadline."""
        return self.submitted_on is not None and self.submitted_on > self.due

    @property
    def overdue(self) -> bool:
        """Not handed in and the deadline has passed."""
        return self.missing and self.due < (self.today or timezone.localdate())

    @property
    def days_late(self) -> int:
        end = self.submitted_on or self.today or timezone.localdate()
        return max(0, (end - self.due).days)

    @property
    def state_label(self) -> str:
        return self.submission.get_state_display() if self.submission and not self.missing else ""


# The earlier name: the overdue list once held work plans only.
Overdue = Due


class Deadlines:
    """Every deadline row of some years, asked for one task and unit at a time."""

    def __init__(self, years):
        self.rows: dict[tuple[int, str], list[Deadline]] = {}
        for row in Deadline.objects.filter(year__in=list(years)):
            self.rows.setdefault((row.year, row.kind), []).append(row)

    def due(self, kind: str, year: int, task_id: int, unit_id: int) -> dt.date:
        best = None
        for row in self.rows.get((year, kind), ()):
            if row.task_id not in (None, task_id) or row.unit_id not in (None, unit_id):
                continue
            if best is None or row.specificity > best.specificity:
                best = row
        return best.due if best else default_due(kind, year)


def due_date(kind: str, year: int, task: KeyTask, unit: MemberUnit) -> dt.date:
    return Deadlines([year]).due(kind, year, task.pk, unit.pk)


def work_plan_due(year: int) -> dt.date:
    """The default deadline of the work plan for a year (a Deadline row may set another)."""
    return default_due(Deadline.Kind.WORK_PLAN, year)


def obligations(plan: Plan, *, years=None, units: QuerySet | None = None, today: dt.date | None = None) -> list[Due]:
    """Everything owed on the plan's tasks, for each responsible unit, year and kind, with the
    submission if there is one. `units` narrows to some units."""
    today = today or timezone.localdate()
    years = list(years or range(plan.first_year, plan.last_year + 1))
    deadlines = Deadlines(years)
    allowed = set(units.values_list("pk", flat=True)) if units is not None else None
    plans = {
        (w.task_id, w.unit_id, w.year): w
        for w in WorkPlan.objects.filter(task__plan=plan, year__in=years).select_related("task", "unit")
    }
    reports = {
        (r.task_id, r.unit_id, r.year, r.period): r
        for r in ProgressReport.objects.filter(task__plan=plan, year__in=years).select_related("task", "unit")
    }
    owed = []
    for task in plan.key_tasks.prefetch_related("units").order_by("number"):
        for unit in task.units.all():
            if allowed is not None and unit.pk not in allowed:
                continue
            for year in years:
                for kind in KINDS:
                    if kind == Deadline.Kind.WORK_PLAN:
                        submission = plans.get((task.pk, unit.pk, year))
                    else:
                        submission = reports.get((task.pk, unit.pk, year, kind))
                    owed.append(
                        Due(task, unit, year, kind, deadlines.due(kind, year, task.pk, unit.pk), submission, today)
                    )
    return owed


def overdue(plan: Plan, *, units: QuerySet | None = None, today: dt.date | None = None) -> list[Due]:
    """Plans and reports past their deadline and not handed in."""
    return [item for item in obligations(plan, units=units, today=today) if item.overdue]


def late(plan: Plan, *, units: QuerySet | None = None, today: dt.date | None = None) -> list[Due]:
    """Plans and reports handed in after their deadline."""
    return [item for item in obligations(plan, units=units, today=today) if item.late]


def overdue_work_plans(plan: Plan, *, units: QuerySet | None = None, today: dt.date | None = None) -> list[Due]:
    return [item for item in overdue(plan, units=units, today=today) if item.kind == Deadline.Kind.WORK_PLAN]


def hand_in(submission: UnitSubmission, user) -> UnitSubmission:
    """A unit hands in a new plan or report, or hands it in again after changes: the first
    hand-in time is kept (it decides lateness); a move to "submitted" is recorded and the office told."""
    if submission.pk and submission.state not in EDITABLE:
        raise TransitionRefused(_("It has been accepted and can no longer be changed."))
    with transaction.atomic():
        if submission.submitted_at is None:
            submission.submitted_at = timezone.now()
        submission.submitted_by = user
        previous = submission.state if submission.pk else ReviewState.DRAFT
        if previous == ReviewState.SUBMITTED:
            submission.save()
            return submission
        submission.state = previous
        submission.save()
        move(
            submission,
            ReviewState.SUBMITTED,
            user,
            allowed_from=(ReviewState.DRAFT, ReviewState.RETURNED),
            officials_only=False,
        )
    return submission


def review(submission: UnitSubmission, action: str, user, comment: str = "") -> UnitSubmission:
    """An official accepts a plan or report, or returns it with a comment saying what to change.
    Raises PermissionDenied for anyone else (a unit cannot accept its own), TransitionRefused if
    the state does not allow it or the comment is missing, ValueError for an unknown action."""
    if action not in REVIEW_ACTIONS:
        raise ValueError(action)
    comment = comment.strip()
    if action == "return" and not comment:
        raise TransitionRefused(_("Say what needs to change."))
    target = ReviewState.APPROVED if action == "accept" else ReviewState.RETURNED
    with transaction.atomic():
        locked = type(submission).objects.select_for_update().get(pk=submission.pk)
        move(locked, target, user, comment, allowed_from=REVIEWABLE, officials_only=True)
    return locked


def mark_done(follow_up: FollowUp, user, note: str) -> FollowUp:
    """The unit says how a follow-up was done; it leaves the overdue counts."""
    note = note.strip()
    if not note:
        raise TransitionRefused(_("Say how it was done."))
    follow_up.done_at, follow_up.done_by, follow_up.done_note = timezone.now(), user, note
    follow_up.save(update_fields=["done_at", "done_by", "done_note"])
    return follow_up
