from django.urls import path

from core.records import KINDS
from core.records.views import record_urls

from . import views

app_name = "enforcement"
urlpatterns = [
    path("report/", views.PublicComplaintView.as_view(), name="complaint-public"),
    path("assistances/request/", views.AssistanceRequestCreateView.as_view(), name="assistance-request"),
    path("assistances/<int:pk>/evidence/", views.AssistanceAttachmentView.as_view(), name="assistance-evidence"),
    path("surveys/<int:pk>/responses/new/", views.SurveyResponseCreateView.as_view(), name="survey-response-create"),
]
for kind in KINDS.values():
    if kind.namespace == app_name:
        urlpatterns += record_urls(kind)
