from __future__ import annotations

from django.urls import path

from . import views

app_name = "appeals"
urlpatterns = [
    path("", views.appeal_list, name="list"),
    path("new/<int:case_pk>/", views.new_appeal, name="new"),
    path("<int:pk>/result/", views.set_result, name="result"),
    path("<int:pk>/edit/", views.edit_appeal, name="edit"),
]
