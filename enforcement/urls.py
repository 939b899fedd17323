from django.urls import path

from enterprises.records import KINDS
from enterprises.views.records import record_urls

from . import views

app_name = "enforcement"
urlpatterns = [
    path("surveys/<int:pk>/responses/new/", views.SurveyResponseCreateView.as_view(), name="survey-response-create"),
]
for kind in KINDS.values():
    if kind.namespace == app_name:
        urlpatterns += record_urls(kind)
