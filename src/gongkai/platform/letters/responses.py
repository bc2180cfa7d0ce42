"""The reply letter of a case as a download, for the pages and the API alike.

Whoever calls it has already decided that the requester may see the case. The PDF is rendered by a
job when the letter is issued (``tasks.render_letter_pdf``) and served as stored; until the job has
stored it, the answer is a short page (HTTP 202, ``Retry-After``) that says 正在生成 and refreshes
itself — a request never waits seconds for LibreOffice.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils.html import escape

from ..desk.models import Application
from .issue import issued_or_frozen_now, queue_pdf
from .models import IssuedLetter, LetterKind

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
REFRESH_SECONDS = 3
REQUEUE_SECONDS = 60  # a download asks for the job again at most this often (a job lost with its worker)

PENDING_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="{seconds}">
<title>告知书 PDF 正在生成</title></head>
<body><main><h1>告知书 PDF 正在生成</h1>
<p>{number} 的 PDF 文件正在生成，本页将在 {seconds} 秒后自动刷新并开始下载。</p>
<p lang="en">The PDF of this letter is being rendered; this page refreshes in {seconds} seconds.</p>
</main></body></html>
"""


def pending(letter: IssuedLetter) -> HttpResponse:
    page = PENDING_PAGE.format(seconds=REFRESH_SECONDS, number=escape(letter.number))
    response = HttpResponse(page, status=202, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(REFRESH_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def letter_response(case: Application, fmt: str, kind: str = LetterKind.REPLY) -> HttpResponse:
    """The case's letter of record as issued, DOCX or PDF (404 before it was issued or for another format)."""
    if fmt not in CONTENT_TYPES or kind not in LetterKind.values:
        raise Http404
    letter = issued_or_frozen_now(case, kind)
    if letter is None:
        raise Http404
    if fmt == "pdf" and not letter.pdf:
        if cache.add(f"gongkai:letter-pdf:{letter.pk}", True, REQUEUE_SECONDS):
            queue_pdf(letter)  # its job was lost or failed, or the letter is older than the job: once more
        letter.refresh_from_db(fields=["pdf", "pdf_error"])  # embedded (no broker), the job has run here
        if letter.pdf_error and not letter.pdf:
            return HttpResponse(letter.pdf_error, status=503, content_type="text/plain; charset=utf-8")
        if not letter.pdf:
            return pending(letter)
    data = bytes(letter.docx) if fmt == "docx" else bytes(letter.pdf or b"")
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = "reply" if kind == LetterKind.REPLY else kind
    response["Content-Disposition"] = f'attachment; filename="{name}-{case.tracking_code}.{fmt}"'
    return response
