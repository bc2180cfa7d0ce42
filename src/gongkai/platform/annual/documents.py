"""The annual report's PDF as a download: rendered by a job, kept under the digest of what it shows.

LibreOffice takes seconds per report, so a request never converts: it looks the file up by the
digest of the report it would show (``digest``: sha256 of the report's canonical JSON, the format and
``RENDERER_VERSION``), serves it when stored, and otherwise queues the job and answers at once with a
page (HTTP 202, ``Retry-After``) that says 正在生成 and refreshes itself — or 503 with the reason when
the conversion failed. The same figures are never rendered twice (the job, run twice, renders once);
any change to the records changes the digest, so a file rendered from older figures is never served.
A download asks for a lost or failed job again at most once a minute (``REQUEUE_SECONDS``).

HTML, Markdown and DOCX take milliseconds (DOCX 7 ms warm, 45 ms cold): they stay in the request.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse
from django.utils.html import escape

from ..agencies.models import Agency
from .models import RenderedReport

# Bump when the same report would render to a different document (templates, fonts, converter):
# every stored file is then rendered again on its next download.
RENDERER_VERSION = "1"
JOB_FORMATS = frozenset({"pdf"})  # the formats rendered by the job, not in the request
REFRESH_SECONDS = 3
REQUEUE_SECONDS = 60  # a download asks for the job again at most this often (a job lost with its worker)
KEEP = 3  # renderings kept per agency, year and format besides the published report's (older ones pruned)

PENDING_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="{seconds}">
<title>年度报告 PDF 正在生成</title></head>
<body><main><h1>年度报告 PDF 正在生成</h1>
<p>{name} 的 PDF 文件正在生成，本页将在 {seconds} 秒后自动刷新并开始下载。</p>
<p lang="en">The PDF of this annual report is being rendered; this page refreshes in {seconds} seconds.</p>
</main></body></html>
"""


def canonical(data: dict[str, Any]) -> bytes:
    """The report's JSON in one spelling only: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def digest(data: dict[str, Any], fmt: str) -> str:
    """What a rendering is stored under: the report as it would be rendered, the format, the renderer."""
    hashed = hashlib.sha256(canonical(data))
    hashed.update(f"\n{fmt}\n{RENDERER_VERSION}".encode())
    return hashed.hexdigest()


def rendering_for(
    agency: Agency, year: int, data: dict[str, Any], fmt: str = "pdf", aggregate: bool = False
) -> RenderedReport:
    """The rendering of report ``data`` in ``fmt``: stored, pending or failed (created pending)."""
    rendering, _ = RenderedReport.objects.get_or_create(
        digest=digest(data, fmt),
        defaults={"fmt": fmt, "agency": agency, "year": year, "aggregate": aggregate, "data": data},
    )
    return rendering


def queue(rendering: RenderedReport) -> None:
    """Queue the job that renders ``rendering`` once the current transaction commits (embedded, with
    no broker: in this process right then)."""
    from ..taskqueue import enqueue
    from .tasks import render_report_document

    enqueue(render_report_document, rendering.digest)


def pending(name: str) -> HttpResponse:
    page = PENDING_PAGE.format(seconds=REFRESH_SECONDS, name=escape(name))
    response = HttpResponse(page, status=202, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(REFRESH_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def download(rendering: RenderedReport, filename: str, title: str, content_type: str) -> HttpResponse:
    """The stored file (200); else the job is queued (at most once a minute) and the answer is 202
    while it renders, or 503 with the reason when it failed."""
    if rendering.file is None:
        if cache.add(f"gongkai:annual-doc:{rendering.digest}", True, REQUEUE_SECONDS):
            queue(rendering)  # new, or its job was lost or failed: once more
        rendering.refresh_from_db(fields=["file", "error"])  # embedded (no broker), the job has run here
        if rendering.file is None and rendering.error:
            return HttpResponse(rendering.error, status=503, content_type="text/plain; charset=utf-8")
        if rendering.file is None:
            return pending(title)
    response = HttpResponse(bytes(rendering.file), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def prune(rendering: RenderedReport) -> int:
    """Keep the renderings of ``rendering``'s agency, year and format bounded: the ``KEEP`` newest, and
    the current publication's. Returns how many were deleted."""
    from .publishing import current_publication

    same = RenderedReport.objects.filter(
        agency=rendering.agency, year=rendering.year, aggregate=rendering.aggregate, fmt=rendering.fmt
    )
    keep = set(same.order_by("-pk").values_list("pk", flat=True)[:KEEP]) | {rendering.pk}
    published = current_publication(rendering.agency, rendering.year) if not rendering.aggregate else None
    spare = Q(pk__in=keep)
    if published is not None:
        spare |= Q(digest=digest(published.data, rendering.fmt))
    deleted, _ = same.exclude(spare).delete()
    return deleted
