from __future__ import annotations

from django.urls import path

from . import views

app_name = "oversight"
urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_files, name="import"),
    path("batches/<int:batch_pk>/", views.batch_page, name="batch"),
    path("batches/<int:batch_pk>/resume/", views.resume, name="resume"),
    path("files/<int:file_pk>/match/", views.match, name="match"),
    path("reports/<int:report_pk>/", views.report_page, name="report"),
]
