"""The targets app's models, by subject: ``plan`` (the plan, its indicators, yearly figures),
``values`` (computed and entered values, recompute runs), ``approval``
(approved years, value history, official statistics), ``supervision`` (member units, key
tasks, work plans and progress reports, deadlines, reminders, meetings and follow-ups),
``assessment`` (the yearly rubric and scores of the units) and ``reports`` (annual reports, assessment dossiers and the
officials' per-task narratives for them)."""

from .approval import ApprovedValue, OfficialStatistic, ValueChange, YearApproval
from .assessment import AssessmentItem, AssessmentScore
from .plan import (
    EXACT,
    MONEY,
    Aggregation,
    Area,
    Direction,
    Indicator,
    Plan,
    PlanQuerySet,
    ReportingDay,
    Unit,
    YearlyFigure,
)
from .reports import AnnualReport, Dossier, TaskNarrative
from .supervision import (
    Deadline,
    Decision,
    FollowUp,
    KeyTask,
    KeyTaskQuerySet,
    Meeting,
    MemberUnit,
    MemberUnitQuerySet,
    ProgressReport,
    Reminder,
    UnitMembership,
    UnitSubmission,
    WorkPlan,
)
from .values import EarlyWarning, IndicatorMute, IndicatorValue, RecomputeRun, ReportedValue, Status

__all__ = [
    "EXACT",
    "MONEY",
    "Aggregation",
    "AnnualReport",
    "ApprovedValue",
    "Area",
    "AssessmentItem",
    "AssessmentScore",
    "Deadline",
    "Decision",
    "Direction",
    "Dossier",
    "EarlyWarning",
    "FollowUp",
    "Indicator",
    "IndicatorMute",
    "IndicatorValue",
    "KeyTask",
    "KeyTaskQuerySet",
    "Meeting",
    "MemberUnit",
    "MemberUnitQuerySet",
    "OfficialStatistic",
    "Plan",
    "PlanQuerySet",
    "ProgressReport",
    "RecomputeRun",
    "Reminder",
    "ReportedValue",
    "ReportingDay",
    "Status",
    "TaskNarrative",
    "Unit",
    "UnitMembership",
    "UnitSubmission",
    "ValueChange",
    "WorkPlan",
    "YearApproval",
    "YearlyFigure",
]
