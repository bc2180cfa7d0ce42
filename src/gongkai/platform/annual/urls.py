from __future__ import annotations

from django.urls import path

from .. import inputs  # noqa: F401  (registers the <year:…> converter)
from . import views

app_name = "annual"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:agency_pk>/<year:year>/", views.report_page, name="report"),
    path("<int:agency_pk>/<year:year>/save/", views.save, name="save"),
    path("<int:agency_pk>/<year:year>/report.<str:fmt>", views.export, name="export"),
    path("<int:agency_pk>/<year:year>/publish/", views.publish, name="publish"),
    path("<int:agency_pk>/<year:year>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:agency_pk>/import/", views.import_view, name="import"),
]
