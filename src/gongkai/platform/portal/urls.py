from __future__ import annotations

from django.urls import path

from .. import inputs  # noqa: F401  (registers the <year:…> converter)
from . import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("<str:key>/", views.agency_home, name="agency"),
    path("<str:key>/guide/", views.guide, name="guide"),
    path("<str:key>/catalogue/", views.catalogue, name="catalogue"),
    path("<str:key>/statutory/", views.statutory, name="statutory"),
    path("<str:key>/reports/", views.reports, name="reports"),
    path("<str:key>/reports/<year:year>/", views.report, name="report"),
    path("<str:key>/reports/<year:year>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<str:key>/items/<str:item_key>/", views.item_page, name="item"),
    path("<str:key>/items/<str:item_key>/files/<int:pk>/", views.attachment, name="attachment"),
]
