"""The targets app's models, by subject: ``plan`` (the plan, its indicators, yearly figures),
``values`` (computed and entered values, recompute runs), ``supervision`` (member units, key
tasks, work plans and progress reports) and ``reports`` (annual reports)."""

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
from .reports import AnnualReport
from .supervision import (
    KeyTask,
    KeyTaskQuerySet,
    MemberUnit,
    MemberUnitQuerySet,
    ProgressReport,
    UnitMembership,
    UnitSubmission,
    WorkPlan,
)
from .values import IndicatorValue, RecomputeRun, ReportedValue, Status

__all__ = [
    "EXACT",
    "MONEY",
    "Aggregation",
    "AnnualReport",
    "Area",
    "Direction",
    "Indicator",
    "IndicatorValue",
    "KeyTask",
    "KeyTaskQuerySet",
    "MemberUnit",
    "MemberUnitQuerySet",
    "Plan",
    "PlanQuerySet",
    "ProgressReport",
    "RecomputeRun",
    "ReportedValue",
    "ReportingDay",
    "Status",
    "Unit",
    "UnitMembership",
    "UnitSubmission",
    "WorkPlan",
    "YearlyFigure",
]
