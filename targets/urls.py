from django.urls import path

from . import views

app_name = "targets"
urlpatterns = [
    path("yearly/", views.YearlyFigureListView.as_view(), name="yearly-list"),
    path("yearly/new/", views.YearlyFigureCreateView.as_view(), name="yearly-create"),
    path("yearly/<int:year>/", views.YearlyFigureUpdateView.as_view(), name="yearly-edit"),
]
