from __future__ import annotations

from django.urls import path

from .. import inputs  # noqa: F401  (registers the <year:…> converter)
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
urlpatterns += [
    path("dashboard/<int:root_pk>/<year:year>/", views.dashboard_page, name="dashboard"),
    path("findings/<int:root_pk>/<year:year>/", views.findings_page, name="findings"),
    path("findings/<int:finding_pk>/decide/", views.decide_view, name="decide"),
    path("answers/", views.answers_page, name="answers"),
    path("answers/<int:finding_pk>/", views.answer_view, name="answer"),
]
urlpatterns += [
    path("filings/", views.filings_page, name="filings"),
    path("filings/submit/", views.filing_action, {"action": "submit"}, name="filing_submit"),
    path("filings/<int:filing_pk>/<str:action>/", views.filing_action, name="filing_action"),
]
urlpatterns += [
    path("compare/<int:root_pk>/<year:year>/", views.compare_page, name="compare"),
    path("agency/<int:agency_pk>/years/", views.agency_years_page, name="agency_years"),
]
urlpatterns += [path("hierarchy/<int:root_pk>/<year:year>/", views.hierarchy_view, name="hierarchy")]
urlpatterns += [path("queue/", views.queue_page, name="queue")]
