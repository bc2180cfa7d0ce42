from __future__ import annotations

from django.urls import path

from . import views

app_name = "letters"
urlpatterns = [
    path("case/<int:pk>.<str:fmt>", views.case_letter, name="case_letter"),
    path("track/<str:code>.<str:fmt>", views.tracked_letter, name="tracked_letter"),
    path("case/<int:pk>/<slug:kind>.docx", views.case_notice, name="case_notice"),
    path("track/<str:code>/<slug:kind>.docx", views.tracked_notice, name="tracked_notice"),
    path("templates/", views.edit_templates, name="templates"),
    path("case/<int:pk>/dossier.pdf", views.case_dossier, name="dossier"),
    path("issued/<int:pk>.docx", views.issued_letter, name="issued"),
]
