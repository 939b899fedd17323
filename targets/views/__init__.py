from .dashboards import (
    ChartDataView,
    ChartsView,
    DashboardView,
    ReportDetailView,
    ReportFileView,
    ReportListView,
)
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
    "ChartDataView",
    "ChartsView",
    "DashboardView",
    "ForecastView",
    "IndicatorCreateView",
    "IndicatorDetailView",
    "IndicatorListView",
    "IndicatorUpdateView",
    "OverdueListView",
    "RecomputeView",
    "ReportDetailView",
    "ReportFileView",
    "ReportListView",
    "ReportedAttachmentView",
    "SubmissionAttachmentView",
    "TaskDetailView",
    "TaskListView",
    "TaskSubmitView",
    "YearlyFigureCreateView",
    "YearlyFigureListView",
    "YearlyFigureUpdateView",
]
