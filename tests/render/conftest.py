"""Shared fixtures: the corpus gold reports rendered once per session, in every format.

LibreOffice takes seconds to start, so every PDF of the session is made in one conversion.
A missing tool (soffice, pdftoppm, pdftotext) skips the tests that need it, except in CI
(``CI=true``), where it fails them: CI installs everything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from gongkai.render.batch import Job, charts_for, render_document, render_files
from gongkai.report.model import Report
from tests.environment import GOLD, SCORER, SHARED, need_tool

__all__ = ["GOLD", "SCORER", "SHARED", "need_tool"]
GOLD_FILES = sorted(GOLD.glob("*.json"))


@dataclass
class Rendered:
    source: Path
    report: Report
    html: Path
    docx: Path
    md: Path
    charts: int  # how many charts the illustrated documents carry


@pytest.fixture(scope="session")
def gold_reports() -> dict[str, Report]:
    assert GOLD_FILES, f"no gold files under {GOLD}"
    return {path.stem: Report.load(path) for path in GOLD_FILES}


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory, gold_reports: dict[str, Report]) -> dict[str, Rendered]:
    """Every gold report as illustrated HTML, DOCX and Markdown."""
    out = tmp_path_factory.mktemp("rendered")
    result = {}
    for stem, report in gold_reports.items():
        charts = charts_for(report, illustrated=True)
        paths = {}
        for fmt, ext in (("html", ".html"), ("docx", ".docx"), ("md", ".md")):
            path = out / f"{stem}{ext}"
            path.write_bytes(render_document(report, fmt, charts))
            paths[fmt] = path
        result[stem] = Rendered(GOLD / f"{stem}.json", report, paths["html"], paths["docx"], paths["md"], len(charts))
    return result


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory, gold_reports: dict[str, Report]) -> dict[str, Path]:
    """Every gold report as an illustrated PDF, all made in one LibreOffice run."""
    need_tool("soffice")
    out = tmp_path_factory.mktemp("pdf")
    jobs = [Job(report, out / f"{stem}.pdf") for stem, report in gold_reports.items()]
    render_files(jobs, "pdf", illustrated=True)
    failed = [f"{job.out}: {job.error}" for job in jobs if job.error]
    assert not failed, failed
    return {path.stem: path for path in (job.out for job in jobs)}


def gold_json(stem: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    return data
