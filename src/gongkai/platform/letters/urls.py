from __future__ import annotations

from django.urls import path

from . import views

app_name = "letters"
urlpatterns = [
    path("case/<int:pk>.<str:fmt>", views.case_letter, name="case_letter"),
    path("track/<str:code>.<str:fmt>", views.tracked_letter, name="tracked_letter"),
    path("templates/", views.edit_templates, name="templates"),
]
