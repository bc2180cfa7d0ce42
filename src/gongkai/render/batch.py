"""Rendering reports to files, one or many: the entry point of the render layer.

``render_document`` turns one report into the bytes of one format. ``render_files`` writes many,
each file on its own (one that fails never stops the rest) except PDF, whose LibreOffice
conversion is done for all files in one call at the end.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..report.model import Report
from .compose import Chart, compose
from .to_docx import NOTO_FONTS, OFFICIAL_FONTS, FontSet, render_docx
from .to_html import render_html
from .to_markdown import render_markdown
from .to_pdf import PdfConversionError, docx_bytes_to_pdf, docx_to_pdf

FORMATS: dict[str, str] = {"html": ".html", "docx": ".docx", "pdf": ".pdf", "md": ".md"}


def charts_for(report: Report, illustrated: bool, history: Sequence[Report] = ()) -> list[Chart]:
    if not illustrated:
        return []
    from .charts import report_charts  # matplotlib only when charts are asked for

    return report_charts(report, history)


def render_document(report: Report, fmt: str, charts: Sequence[Chart] = (), fonts: FontSet | None = None) -> bytes:
    """One report in one format (``pdf`` is not one: it is made from DOCX, see ``docx_to_pdf``)."""
    doc = compose(report, charts)
    if fmt == "html":
        return render_html(doc).encode("utf-8")
    if fmt == "md":
        return render_markdown(doc).encode("utf-8")
    if fmt == "docx":
        return render_docx(doc, fonts or OFFICIAL_FONTS)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(f for f in FORMATS if f != 'pdf')}")


def render_pdf(report: Report, charts: Sequence[Chart] = (), fonts: FontSet | None = None) -> bytes:
    """One report as PDF: its DOCX in fonts this machine has (Noto CJK), through LibreOffice.

    For many reports use ``render_files`` (one LibreOffice run for all of them).
    """
    return docx_bytes_to_pdf(render_document(report, "docx", charts, fonts or NOTO_FONTS), "report")


@dataclass
class Job:
    report: Report
    out: Path
    error: str | None = None  # bilingual, when this file could not be written


def render_files(
    jobs: Sequence[Job],
    fmt: str,
    illustrated: bool = False,
    history: Sequence[Report] = (),
    fonts: FontSet | None = None,
    advance: Callable[[Job], None] = lambda job: None,
) -> None:
    """Write every job's report to ``job.out`` in ``fmt``; failures are recorded on the job."""
    if fmt == "pdf":
        _render_pdfs(jobs, illustrated, history, fonts, advance)
        return
    for job in jobs:
        try:
            data = render_document(job.report, fmt, charts_for(job.report, illustrated, history), fonts)
            job.out.parent.mkdir(parents=True, exist_ok=True)
            job.out.write_bytes(data)
        except OSError as error:
            job.error = f"无法写入 {job.out}：{error.strerror} / cannot write {job.out}: {error.strerror}"
        advance(job)


def _render_pdfs(
    jobs: Sequence[Job],
    illustrated: bool,
    history: Sequence[Report],
    fonts: FontSet | None,
    advance: Callable[[Job], None],
) -> None:
    # The PDF embeds its fonts, so it is made from a DOCX in fonts the converting machine has.
    with tempfile.TemporaryDirectory(prefix="gongkai-pdf-") as tmp:
        work = Path(tmp)
        docx_files: list[Path] = []
        for i, job in enumerate(jobs):
            docx = work / f"{i:06d}.docx"
            docx.write_bytes(
                render_document(job.report, "docx", charts_for(job.report, illustrated, history), fonts or NOTO_FONTS)
            )
            docx_files.append(docx)
        try:
            pdfs = docx_to_pdf(docx_files, work / "pdf")
        except PdfConversionError as error:
            pdfs = [work / "pdf" / f"{d.stem}.pdf" for d in docx_files]
            reason = str(error)
        else:
            reason = ""
        for job, pdf in zip(jobs, pdfs, strict=True):
            if not pdf.exists():
                job.error = reason or "LibreOffice 未生成 PDF / LibreOffice made no PDF"
            else:
                try:
                    job.out.parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(str(pdf), job.out)
                except OSError as error:
                    job.error = f"无法写入 {job.out}：{error.strerror} / cannot write {job.out}: {error.strerror}"
            advance(job)
