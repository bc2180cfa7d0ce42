"""The reply letter of a case as a download, for the pages and the API alike.

Whoever calls it has already decided that the requester may see the case.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse

from ...render.to_pdf import PdfConversionError
from ..desk.models import Application
from .render import letter_docx, letter_pdf

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def letter_response(case: Application, fmt: str) -> HttpResponse:
    """The answered case's letter as DOCX or PDF (404 before an answer or for another format)."""
    if fmt not in CONTENT_TYPES or not case.outcome:
        raise Http404
    try:
        data = letter_docx(case) if fmt == "docx" else letter_pdf(case)
    except PdfConversionError as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="reply-{case.tracking_code}.{fmt}"'
    return response
