"""The PDF (DOCX through LibreOffice): pages, real text in CJK fonts, the table labels, the charts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from gongkai.report.model import Report
from gongkai.report.templates import (
    ACTIVE_CORNER,
    LITIGATION,
    ORGANISATION_GROUP,
    REQUESTS_CORNER,
    REQUESTS_NOTE,
    SECTIONS,
)

from .conftest import GOLD_FILES, need_tool


def _compact(text: str) -> str:
    return "".join(text.split())


def _pdf_text(pdf: Path) -> str:
    tool = need_tool("pdftotext")
    return subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _pages(pdf: Path) -> int:
    tool = need_tool("pdfinfo")
    info = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def _table_cells(pdf: Path) -> set[str]:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return {
            _compact(cell)
            for page in document.pages
            for table in page.extract_tables()
            for row in table
            for cell in row
            if cell
        }


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_pdf_pages_render_to_images(pdfs: dict[str, Path], stem: str, tmp_path: Path) -> None:
    from PIL import Image

    pdf = pdfs[stem]
    pages = _pages(pdf)
    assert 3 <= pages <= 8  # text + tables take two or three pages, the charts one or two more
    tool = need_tool("pdftoppm")
    subprocess.run([tool, "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages
    for image in images:
        with Image.open(image) as png:
            assert png.size[0] < png.size[1]  # portrait A4
            dark = sum(png.convert("L").histogram()[:128])
            assert dark > 200, f"{image.name} is blank"


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_pdf_text_has_agency_sections_and_table_labels(
    pdfs: dict[str, Path], gold_reports: dict[str, Report], stem: str
) -> None:
    report = gold_reports[stem]
    text = _compact(_pdf_text(pdfs[stem]))
    assert _compact(report.agency) in text
    assert f"{report.year}年度政府信息公开工作年度报告" in text
    for section in SECTIONS:
        assert _compact(section.heading) in text
    # Table cells wrap (结果/维持) and pdftotext interleaves neighbouring cells: read the tables as
    # tables, by their ruling lines, as a reader of published PDFs does.
    cells = _table_cells(pdfs[stem])
    labels = [ACTIVE_CORNER, REQUESTS_CORNER, ORGANISATION_GROUP, LITIGATION, _compact(REQUESTS_NOTE)]
    labels += [row.label for row in report.template.active_rows]
    labels += [f.label for f in report.template.appeal_fields]
    labels += [g.label for g in report.template.appeal_groups]
    labels += [_compact(row.printed) for row in report.template.request_rows]
    missing = [label for label in labels if label not in cells]
    assert not missing


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_pdf_embeds_cjk_fonts_and_the_charts(pdfs: dict[str, Path], stem: str) -> None:
    pdf = pdfs[stem]
    fonts = subprocess.run([need_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and any("CJK" in row[0] for row in rows), fonts
    assert all("yes" in row[-5:-2][0] for row in rows), f"a font is not embedded:\n{fonts}"
    images = subprocess.run(
        [need_tool("pdfimages"), "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pictures = [line for line in images.splitlines()[2:] if " image " in line]
    assert len(pictures) >= 4


def test_one_report_to_pdf_bytes(gold_reports: dict[str, Report]) -> None:
    need_tool("soffice")
    from gongkai.render.batch import render_pdf

    data = render_pdf(gold_reports["shuyang-fgj-2023"])
    assert data.startswith(b"%PDF") and len(data) > 20_000
