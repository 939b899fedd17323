from django.urls import path

from . import views

app_name = "targets"
urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="indicator-list"),
    path("forecast/", views.ForecastView.as_view(), name="forecast"),
    path("indicators/new/", views.IndicatorCreateView.as_view(), name="indicator-create"),
    path("indicators/<str:code>/", views.IndicatorDetailView.as_view(), name="indicator-detail"),
    path("indicators/<str:code>/edit/", views.IndicatorUpdateView.as_view(), name="indicator-edit"),
    path("indicators/<str:code>/mute/", views.IndicatorMuteView.as_view(), name="indicator-mute"),
    path("warnings/<int:pk>/", views.WarningDetailView.as_view(), name="warning-detail"),
    path("charts/", views.ChartsView.as_view(), name="charts"),
    path("charts/<slug:slug>.xlsx", views.ChartDataView.as_view(), name="chart-data"),
    path("reports/", views.ReportListView.as_view(), name="report-list"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report-detail"),
    path("reports/<int:pk>/<str:fmt>/", views.ReportFileView.as_view(), name="report-file"),
    path("recompute/", views.RecomputeView.as_view(), name="recompute"),
    path("reported/<int:pk>/attachment/", views.ReportedAttachmentView.as_view(), name="reported-attachment"),
    path("tasks/", views.TaskListView.as_view(), name="task-list"),
    path("tasks/overdue/", views.OverdueListView.as_view(), name="task-overdue"),
    path("tasks/<int:number>/", views.TaskDetailView.as_view(), name="task-detail"),
    path("tasks/<int:number>/<str:kind>/", views.TaskSubmitView.as_view(), name="task-submit"),
    path("submissions/<str:kind>/<int:pk>/", views.SubmissionDetailView.as_view(), name="submission-detail"),
    path("submissions/<str:kind>/<int:pk>/review/", views.SubmissionReviewView.as_view(), name="submission-review"),
    path("deadlines/", views.DeadlineListView.as_view(), name="deadline-list"),
    path("deadlines/<int:pk>/", views.DeadlineUpdateView.as_view(), name="deadline-edit"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("follow-ups/<int:pk>/done/", views.FollowUpDoneView.as_view(), name="follow-up-done"),
    path("assessment/", views.AssessmentView.as_view(), name="assessment"),
    path("assessment.xlsx", views.AssessmentExportView.as_view(), name="assessment-export"),
    path(
        "submissions/<str:kind>/<int:pk>/attachment/",
        views.SubmissionAttachmentView.as_view(),
        name="submission-attachment",
    ),
    path("yearly/", views.YearlyFigureListView.as_view(), name="yearly-list"),
    path("yearly/new/", views.YearlyFigureCreateView.as_view(), name="yearly-create"),
    path("yearly/<int:year>/", views.YearlyFigureUpdateView.as_view(), name="yearly-edit"),
]
