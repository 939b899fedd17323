from .annuities import LapseRiskView
from .enterprises import (
    EnterpriseCreateView,
    EnterpriseDetailView,
    EnterpriseExportView,
    EnterpriseListView,
    EnterpriseUpdateView,
    MyEnterpriseView,
)
from .holders import LinkHolderView, UnmatchedHoldersView
from .imports import (
    ImportCancelView,
    ImportConfirmView,
    ImportDetailView,
    ImportListView,
    ImportMappingView,
    ImportProgressView,
    ImportRejectsView,
    ImportTemplateView,
    LayoutDeleteView,
    LayoutListView,
    LayoutRenameView,
)
from .qualifying import QualifyingView
from .reconciliation import MarkReconciledView, ReconciliationView
from .selfservice import (
    AttachmentView,
    EnterpriseHomeView,
    FilingCreateView,
    FilingDetailView,
    FilingEditView,
    FilingListView,
    FilingReviewView,
    NotificationListView,
)

__all__ = [
    "AttachmentView",
    "EnterpriseCreateView",
    "EnterpriseDetailView",
    "EnterpriseExportView",
    "EnterpriseHomeView",
    "EnterpriseListView",
    "EnterpriseUpdateView",
    "FilingCreateView",
    "FilingDetailView",
    "FilingEditView",
    "FilingListView",
    "FilingReviewView",
    "ImportCancelView",
    "ImportConfirmView",
    "ImportDetailView",
    "ImportListView",
    "ImportMappingView",
    "ImportProgressView",
    "ImportRejectsView",
    "ImportTemplateView",
    "LapseRiskView",
    "LayoutDeleteView",
    "LayoutListView",
    "LayoutRenameView",
    "LinkHolderView",
    "MarkReconciledView",
    "MyEnterpriseView",
    "NotificationListView",
    "QualifyingView",
    "ReconciliationView",
    "UnmatchedHoldersView",
]
