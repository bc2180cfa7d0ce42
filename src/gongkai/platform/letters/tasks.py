"""The letters' background job: a reply letter's PDF, rendered once when the letter is issued.

LibreOffice takes seconds per letter: the step that issues the letter (an answer, a head's signature)
queues this job after its transaction commits, and the download serves the stored file. Idempotent:
a letter whose PDF is stored is left as it is (a letter of record is never rebuilt), so a job run
twice — retried after a worker died, or queued again by a download — converts nothing twice.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError

from ...render.to_pdf import PdfConversionError, docx_bytes_to_pdf
from ..taskqueue import app
from .models import IssuedLetter

log = logging.getLogger("gongkai.letters")


@app.task(name="gongkai.letter_pdf", autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def render_letter_pdf(letter_id: int) -> str:
    """Convert the stored DOCX of letter ``letter_id`` to PDF and keep it. Returns what happened."""
    letter = IssuedLetter.objects.filter(pk=letter_id).only("pk", "number", "docx", "pdf").first()
    if letter is None:
        return "missing"
    if letter.pdf:
        return "stored already"
    try:
        data = docx_bytes_to_pdf(bytes(letter.docx), letter.number)
    except PdfConversionError as error:  # no LibreOffice here, or it failed: the download says why
        log.warning("letter %s: PDF not made: %s", letter.number, error)
        IssuedLetter.objects.filter(pk=letter_id, pdf__isnull=True).update(pdf_error=str(error)[:2000])
        return "failed"
    IssuedLetter.objects.filter(pk=letter_id, pdf__isnull=True).update(pdf=data, pdf_error="")
    return "rendered"
