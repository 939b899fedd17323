from django.urls import path

from core.records import KINDS
from core.records.views import record_urls

from . import views

app_name = "finance"
urlpatterns = [
    path("fund/", views.ItemListView.as_view(), name="item-list"),
    path("fund/new/", views.ItemCreateView.as_view(), name="item-create"),
    path("fund/<int:pk>/", views.ItemDetailView.as_view(), name="item-detail"),
    path("fund/<int:pk>/edit/", views.ItemUpdateView.as_view(), name="item-edit"),
    path("fund/<int:item_pk>/claim/", views.ClaimCreateView.as_view(), name="claim-create"),
    path("claims/", views.ClaimListView.as_view(), name="claim-list"),
    path("claims/approved.xlsx", views.ClaimExportView.as_view(), name="claim-export"),
    path("claims/<int:pk>/", views.ClaimDetailView.as_view(), name="claim-detail"),
    path("claims/<int:pk>/edit/", views.ClaimEditView.as_view(), name="claim-edit"),
    path("claims/<int:pk>/action/", views.ClaimActionView.as_view(), name="claim-action"),
]
for kind in KINDS.values():
    if kind.namespace == app_name:
        urlpatterns += record_urls(kind)
