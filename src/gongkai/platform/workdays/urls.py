from __future__ import annotations

from django.urls import path

from . import views

app_name = "workdays"
urlpatterns = [path("", views.calendar_page, name="page")]
