"""The reply letter of a case as a download, for the pages and the API alike.

Whoever calls it has already decided that the requester may see the case.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse

from ...render.to_pdf import PdfConversionError
from ..desk.models import Application
from .issue import issued_or_frozen_now, pdf_of
from .models import LetterKind

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def letter_response(case: Application, fmt: str, kind: str = LetterKind.REPLY) -> HttpResponse:
    """The case's letter of record as issued, DOCX or PDF (404 before it was issued or for another format)."""
    if fmt not in CONTENT_TYPES or kind not in LetterKind.values:
        raise Http404
    letter = issued_or_frozen_now(case, kind)
    if letter is None:
        raise Http404
    try:
        data = bytes(letter.docx) if fmt == "docx" else pdf_of(letter)
    except PdfConversionError as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = "reply" if kind == LetterKind.REPLY else kind
    response["Content-Disposition"] = f'attachment; filename="{name}-{case.tracking_code}.{fmt}"'
    return response
