from django.urls import path

from core.records import KINDS
from core.records.views import record_urls

from . import views

app_name = "enterprises"
urlpatterns = [
    path("", views.EnterpriseListView.as_view(), name="list"),
    path("new/", views.EnterpriseCreateView.as_view(), name="create"),
    path("export.csv", views.EnterpriseExportView.as_view(), name="export"),
    path("mine/", views.MyEnterpriseView.as_view(), name="mine"),
    path("close-to-qualifying/", views.QualifyingView.as_view(), name="qualifying"),
    path("<int:pk>/", views.EnterpriseDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.EnterpriseUpdateView.as_view(), name="edit"),
    path("imports/", views.ImportListView.as_view(), name="import-list"),
    path("imports/<int:pk>/", views.ImportDetailView.as_view(), name="import-detail"),
    path("imports/<int:pk>/progress/", views.ImportProgressView.as_view(), name="import-progress"),
    path("imports/<int:pk>/confirm/", views.ImportConfirmView.as_view(), name="import-confirm"),
    path("imports/<int:pk>/columns/", views.ImportMappingView.as_view(), name="import-mapping"),
    path("imports/layouts/", views.LayoutListView.as_view(), name="layout-list"),
    path("imports/layouts/<int:pk>/rename/", views.LayoutRenameView.as_view(), name="layout-rename"),
    path("imports/layouts/<int:pk>/delete/", views.LayoutDeleteView.as_view(), name="layout-delete"),
    path("imports/<int:pk>/cancel/", views.ImportCancelView.as_view(), name="import-cancel"),
    path("imports/<int:pk>/retry/", views.ImportRetryView.as_view(), name="import-retry"),
    path("imports/<int:pk>/rejects.csv", views.ImportRejectsView.as_view(), name="import-rejects"),
    path("unmatched-holders/", views.UnmatchedHoldersView.as_view(), name="unmatched-holders"),
    path("unmatched-holders/link/", views.LinkHolderView.as_view(), name="link-holder"),
    path("lapse-risk/", views.LapseRiskView.as_view(), name="lapse-risk"),
    path("reconciliation/", views.ReconciliationView.as_view(), name="reconciliation"),
    path(
        "reconciliation/<str:source>/<int:pk>/reconciled/", views.MarkReconciledView.as_view(), name="mark-reconciled"
    ),
    path("home/", views.EnterpriseHomeView.as_view(), name="home"),
    path("filings/", views.FilingListView.as_view(), name="filing-list"),
    path("filings/new/", views.FilingCreateView.as_view(), name="filing-create"),
    path("filings/<int:pk>/", views.FilingDetailView.as_view(), name="filing-detail"),
    path("filings/<int:pk>/edit/", views.FilingEditView.as_view(), name="filing-edit"),
    path("filings/<int:pk>/review/", views.FilingReviewView.as_view(), name="filing-review"),
    path("attachments/<int:pk>/", views.AttachmentView.as_view(), name="attachment"),
    path("notifications/", views.NotificationListView.as_view(), name="notifications"),
    path("imports/template/<str:kind>.csv", views.ImportTemplateView.as_view(), name="import-template"),
]

for kind in KINDS.values():
    if kind.namespace == app_name:
        urlpatterns += record_urls(kind)
