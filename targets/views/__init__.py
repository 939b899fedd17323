from .forecast import ForecastView
from .indicators import (
    IndicatorCreateView,
    IndicatorDetailView,
    IndicatorListView,
    IndicatorUpdateView,
    RecomputeView,
    ReportedAttachmentView,
    YearlyFigureCreateView,
    YearlyFigureListView,
    YearlyFigureUpdateView,
)
from .supervision import (
    OverdueListView,
    SubmissionAttachmentView,
    TaskDetailView,
    TaskListView,
    TaskSubmitView,
)

__all__ = [
    "ForecastView",
    "IndicatorCreateView",
    "IndicatorDetailView",
    "IndicatorListView",
    "IndicatorUpdateView",
    "OverdueListView",
    "RecomputeView",
    "ReportedAttachmentView",
    "SubmissionAttachmentView",
    "TaskDetailView",
    "TaskListView",
    "TaskSubmitView",
    "YearlyFigureCreateView",
    "YearlyFigureListView",
    "YearlyFigureUpdateView",
]
