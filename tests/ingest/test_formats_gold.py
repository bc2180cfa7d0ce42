"""Every format, end to end: files made from the gold data read back to the gold data.

Through ``read_report`` (dispatch, format reader, recogniser), scored with the corpus's own
scorer (``shared/tools/score_reports.py``): every cell right, agency, year and template too.
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from gongkai.ingest.read import read_report
from tests.environment import SHARED, missing

from .files import need_pdfs, report_files
from .make_files import Fixtures, chromium, print_with_chromium, soffice

__all__ = ["report_files"]


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    path = SHARED / "tools" / "score_reports.py"
    if not path.exists():
        missing(f"the corpus scorer is missing: {path}")
    spec = importlib.util.spec_from_file_location("score_reports", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _assert_scores_perfectly(scorer: ModuleType, path: Path, gold: dict[str, Any]) -> None:
    result = read_report(path)
    assert result.ok, result.error
    assert result.report is not None
    right, wrong, missing, _, _ = scorer.score(gold, result.report.to_dict())
    assert (wrong, missing) == ([], []), f"{path.name}: {right} right"
    assert right > 150


@pytest.mark.parametrize("kind", ["html", "gbk_html", "docx"])
def test_html_and_docx_read_back_to_gold(report_files: Fixtures, scorer: ModuleType, kind: str) -> None:
    files: dict[str, Path] = getattr(report_files, kind)
    for name, path in files.items():
        _assert_scores_perfectly(scorer, path, report_files.reports[name])


def test_pdf_reads_back_to_gold(report_files: Fixtures, scorer: ModuleType) -> None:
    need_pdfs(report_files)
    for name, report in report_files.reports.items():
        _assert_scores_perfectly(scorer, report_files.pdf[name], report)
    base = report_files.reports["000_21925bfca89cb37b"]
    for variant in (Fixtures.SPLIT, Fixtures.SPLIT_HEADER, Fixtures.LONG):
        _assert_scores_perfectly(scorer, report_files.pdf[variant], base)


@pytest.mark.browser
def test_web_page_printed_to_pdf_by_chromium_reads_back_to_gold(
    report_files: Fixtures, scorer: ModuleType, tmp_path: Path
) -> None:
    if chromium() is None:
        missing("chromium is not installed (./scripts/install installs it)")
    name = "000_21925bfca89cb37b"
    pdf = tmp_path / f"{name}.pdf"
    print_with_chromium(report_files.html[name], pdf)
    # The printed page breaks table 三 (and 二) across pages, drawn open at the cut; each still
    # comes out as one table.
    from gongkai.ingest.pdf import read_pdf

    tables = read_pdf(pdf, pdf.read_bytes()).tables
    assert len(tables) == 3 and any(t.where.startswith("pages ") for t in tables)
    _assert_scores_perfectly(scorer, pdf, report_files.reports[name])


def test_old_binary_word_file_is_converted_and_read_back_to_gold(
    report_files: Fixtures, scorer: ModuleType, tmp_path: Path
) -> None:
    """Many agencies still publish .doc: LibreOffice turns it into .docx for the DOCX reader."""
    binary = soffice()
    if binary is None:
        missing("LibreOffice is not installed (./scripts/install installs it)")
    name = "shuyang-fgj-2023"
    subprocess.run(
        [
            binary,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(report_files.docx[name]),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    doc = tmp_path / f"{report_files.docx[name].stem}.doc"
    assert doc.read_bytes().startswith(b"\xd0\xcf\x11\xe0")  # really the old binary format
    _assert_scores_perfectly(scorer, doc, report_files.reports[name])
