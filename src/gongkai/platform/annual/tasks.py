"""The annual report's background job: its PDF, rendered once per digest of the report it shows.

Queued by a download that finds no stored file (``documents.download``) and by publishing. Idempotent:
a rendering whose file is stored is left as it is, so a job run twice — retried after a worker died,
or queued again by a download — converts nothing twice.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError
from django.utils import timezone

from ...render.batch import render_pdf
from ...render.to_pdf import PdfConversionError
from ...report.model import Report, ReportDataError
from ..taskqueue import app
from .documents import prune
from .models import RenderedReport

log = logging.getLogger("gongkai.annual")


@app.task(name="gongkai.annual_document", autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def render_report_document(key: str) -> str:
    """Render the report stored under digest ``key`` and keep the file. Returns what happened."""
    rendering = RenderedReport.objects.filter(digest=key).defer("file").first()
    if rendering is None:
        return "missing"  # pruned since it was queued: a later download asks again
    if RenderedReport.objects.filter(pk=rendering.pk, file__isnull=False).exists():
        return "stored already"
    pending = RenderedReport.objects.filter(pk=rendering.pk, file__isnull=True)
    try:
        data = render_pdf(Report.from_dict(rendering.data, source=f"annual report {rendering.digest[:12]}"))
    except (PdfConversionError, ReportDataError) as error:  # no LibreOffice here, or it failed: the download says why
        log.warning("annual report %s (%s): PDF not made: %s", rendering.digest[:12], rendering.year, error)
        pending.update(error=str(error)[:2000])
        prune(rendering)  # bounded even while LibreOffice is missing and the records keep changing
        return "failed"
    pending.update(file=data, error="", rendered_at=timezone.now())
    prune(rendering)
    return "rendered"
