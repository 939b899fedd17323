from .enterprises import (
    EnterpriseCreateView,
    EnterpriseDetailView,
    EnterpriseExportView,
    EnterpriseListView,
    EnterpriseUpdateView,
    MyEnterpriseView,
)
from .imports import (
    ImportCancelView,
    ImportConfirmView,
    ImportDetailView,
    ImportListView,
    ImportProgressView,
    ImportRejectsView,
    ImportTemplateView,
)
from .qualifying import QualifyingView

__all__ = [
    "EnterpriseCreateView",
    "EnterpriseDetailView",
    "EnterpriseExportView",
    "EnterpriseListView",
    "EnterpriseUpdateView",
    "ImportCancelView",
    "ImportConfirmView",
    "ImportDetailView",
    "ImportListView",
    "ImportProgressView",
    "ImportRejectsView",
    "ImportTemplateView",
    "MyEnterpriseView",
    "QualifyingView",
]
