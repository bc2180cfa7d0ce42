from __future__ import annotations

from django.urls import path

from .. import inputs  # noqa: F401  (registers the <year:…> converter)
from . import views

app_name = "registry"
urlpatterns = [
    path("", views.item_list, name="list"),
    path("new/", views.item_new, name="new"),
    path("<int:pk>/", views.item_detail, name="detail"),
    path("<int:pk>/edit/", views.item_edit, name="edit"),
    path("<int:pk>/<slug:action>/", views.item_action, name="action"),
    path("files/<int:pk>/", views.attachment_file, name="file"),
    path("files/<int:pk>/remove/", views.detach, name="detach"),
    path("table/<int:agency_pk>/<year:year>/", views.table, name="table"),
]
