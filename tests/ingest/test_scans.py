"""Scanned reports read by OCR: the geometry on drawn pages, the doubts, and the committed scans.

The scans (``scans/*.pdf``, made by ``scans/generate.py`` from the corpus gold: rendered,
rasterised at 150 or 300 dpi, turned 1–2°, blurred, noisy, grey, JPEG) are read through
``read_report`` and scored by the corpus's scorer: at least 99% of cells right, and every cell
read wrong named in ``uncertain``. OCR costs seconds a page on this machine's cores: one scan
is read by default, all of them under ``-m slow``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from gongkai.ingest.document import Cell, Document, TableBlock, TextBlock
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.ocr_doubts import note_ocr_doubts
from gongkai.ingest.read import detect_format, read_report
from gongkai.report.model import Report
from tests.environment import GOLD, SCORER, missing, need_tool

SCANS = Path(__file__).parent / "scans"
SCAN_FILES = sorted(SCANS.glob("*.pdf"))
DEFAULT_SCAN = SCANS / "000_21925bfca89cb37b-150.pdf"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    path = SCORER
    if not path.exists():
        missing(f"the corpus scorer is missing: {path}")
    spec = importlib.util.spec_from_file_location("score_reports", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold(scan: Path) -> dict[str, Any]:
    stem = scan.stem.rsplit("-", 1)[0]  # 000_21925bfca89cb37b-150 → 000_21925bfca89cb37b
    data: dict[str, Any] = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def _named(path: tuple[Any, ...], uncertain: list[dict[str, Any]]) -> bool:
    """Is the scorer's cell ``path`` (``('requests', 'new_received', 3)``) named in ``uncertain``?"""
    names = {".".join(map(str, path)), str(path[0])}
    if len(path) >= 2:
        names.add(f"{path[0]}.{path[1]}")  # a whole row
    if len(path) == 3 and isinstance(path[2], int):
        names.add(f"{path[0]}.{path[1]}[{path[2]}]")
    return any(entry["cell"] in names for entry in uncertain)


def _score(scorer: ModuleType, scan: Path) -> tuple[int, int, list[tuple[Any, ...]]]:
    """(cells right, cells scored, cells wrong or missing that ``uncertain`` does not name)."""
    result = read_report(scan)
    assert result.ok, result.error
    assert result.report is not None
    data = result.report.to_dict()
    right, wrong, missing, _, _ = scorer.score(_gold(scan), data)
    uncertain = data.get("uncertain", [])
    silent = [item for item in wrong + missing if not _named(item[0], uncertain)]
    return right, right + len(wrong) + len(missing), silent


def test_the_committed_scans_are_image_only_pdfs() -> None:
    import pypdfium2 as pdfium

    assert len(SCAN_FILES) >= 6 and DEFAULT_SCAN in SCAN_FILES
    pdf = pdfium.PdfDocument(DEFAULT_SCAN)
    try:
        assert all(not pdf[i].get_textpage().get_text_range().strip() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_a_scanned_report_reads_back_to_gold(scorer: ModuleType) -> None:
    right, total, silent = _score(scorer, DEFAULT_SCAN)
    assert right >= 0.99 * total and total > 150, f"{right}/{total}"
    assert silent == []


OTHER_SCANS = [p for p in SCAN_FILES if p != DEFAULT_SCAN]


@pytest.mark.slow
@pytest.mark.parametrize("scan", OTHER_SCANS, ids=[p.stem for p in OTHER_SCANS])
def test_every_scan_reads_back_to_gold(scorer: ModuleType, scan: Path) -> None:
    right, total, silent = _score(scorer, scan)
    assert right >= 0.99 * total, f"{right}/{total}"
    assert silent == []


@pytest.mark.slow
def test_a_pdf_of_typed_and_scanned_pages_reads_both(scorer: ModuleType, tmp_path: Path) -> None:
    """Page 1 typed (table 二 from the text layer), pages 2–3 scanned (table 三 and 四 by OCR)."""
    import pypdfium2 as pdfium

    from gongkai.ingest.pdf import read_pdf
    from gongkai.render.batch import render_pdf

    need_tool("soffice", "libreoffice")
    typed = pdfium.PdfDocument(render_pdf(Report.load(GOLD / "000_21925bfca89cb37b.json")))
    scan = pdfium.PdfDocument(DEFAULT_SCAN)
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(typed, [0])
    mixed.import_pages(scan, [1, 2])
    path = tmp_path / "000_21925bfca89cb37b-mixed.pdf"  # the gold report it is scored against, by name
    mixed.save(path)
    for pdf in (mixed, scan, typed):
        pdf.close()
    right, total, silent = _score(scorer, path)
    assert right >= 0.99 * total and total > 150, f"{right}/{total}"
    assert silent == []
    tables = read_pdf(path, path.read_bytes()).tables
    ocr_read = [t.where for t in tables if any(c.confidence is not None for row in t.rows for c in row)]
    assert ocr_read and all(where.startswith("page 2 ") for where in ocr_read)
    assert any(t.where.startswith("page 1 ") for t in tables)


@pytest.mark.slow
def test_a_page_image_is_read_like_the_pdf(tmp_path: Path) -> None:
    """Page 2 of a scan (tables 三 and 四) as a PNG: read by OCR to the gold figures of table 三."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(DEFAULT_SCAN)
    try:
        pdf[1].render(scale=150 / 72, grayscale=True).to_pil().save(tmp_path / "page.png", dpi=(150, 150))
    finally:
        pdf.close()
    data = (tmp_path / "page.png").read_bytes()
    assert detect_format(tmp_path / "page.png", data) == "image"
    result = read_report(tmp_path / "page.png")
    assert result.ok, result.error
    assert result.report is not None and result.format == "image"
    assert result.report.requests == _gold(DEFAULT_SCAN)["requests"]
    where = (result.report.provenance or {})["requests.new_received[0]"]
    assert where.startswith("page 1 table 1 row ")


# ---------------------------------------------------------------------------------------------
# The geometry, on pages drawn here (no OCR: fast)
# ---------------------------------------------------------------------------------------------


def _drawn_grid(angle: float) -> np.ndarray:
    """A 150 dpi page with a 4×5 ruled table whose top-left 2×2 cells are merged, turned."""
    import cv2

    page = np.full((1200, 900), 215, np.uint8)
    xs = [100, 300, 450, 600, 750]
    ys = [200, 260, 320, 380, 440, 500]
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), 30, 2)
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 30, 2)
    page[ys[1] - 3 : ys[1] + 4, xs[0] + 3 : xs[2] - 3] = 215  # the merged cell has no inner rules
    page[ys[0] + 3 : ys[2] - 3, xs[1] - 3 : xs[1] + 4] = 215
    turn = cv2.getRotationMatrix2D((450, 600), angle, 1.0)
    turned: np.ndarray = cv2.warpAffine(page, turn, (900, 1200), borderValue=215)
    return turned


@pytest.mark.parametrize("angle", [-1.8, 0.0, 1.3])
def test_skew_is_measured_on_the_rules(angle: float) -> None:
    from gongkai.ingest.ocr_grid import binarise, skew_angle

    measured = skew_angle(binarise(_drawn_grid(angle), 150), 150)
    assert measured == pytest.approx(-angle, abs=0.1)


def test_cells_come_from_the_rules_with_merged_cells_spanned() -> None:
    from gongkai.ingest.ocr_grid import binarise, rotate, skew_angle, tables
    from gongkai.ingest.pdf_blocks import items_to_blocks
    from gongkai.ingest.pdf_page import Item, RawCell, RawTable

    gray = _drawn_grid(1.5)
    gray = rotate(gray, skew_angle(binarise(gray, 150), 150))
    (table,) = tables(binarise(gray, 150), 150)
    assert len(table.cells) == 4 * 5 - 3  # 20 grid cells, four of them one merged cell
    scale = 72 / 150
    raw = RawTable(
        [RawCell(x0 * scale, y0 * scale, x1 * scale, y1 * scale, f"{x0},{y0}", 0) for x0, y0, x1, y1 in table.cells],
        0,
        0.0,
        0.0,
        842.0,
        [0],
    )
    (block,) = items_to_blocks([Item(0, 0, raw)])
    assert isinstance(block, TableBlock)
    assert [[(c.rowspan, c.colspan) for c in row] for row in block.rows] == [
        [(2, 2), (1, 1), (1, 1)],
        [(1, 1), (1, 1)],
        [(1, 1)] * 4,
        [(1, 1)] * 4,
        [(1, 1)] * 4,
    ]


def test_image_signatures_are_told_apart() -> None:
    for head in (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"II*\x00", b"MM\x00*"):
        assert detect_format(Path("scan.bin"), head + b"\x00" * 64) == "image"
    assert detect_format(Path("scan.TIF"), b"??") == "image"


# ---------------------------------------------------------------------------------------------
# Confidence into uncertain
# ---------------------------------------------------------------------------------------------


def _doubted(confidence: float, change: dict[str, int]) -> tuple[Report, Evidence]:
    """A gold report as if OCR had read the cells of ``change`` (path → value) with ``confidence``."""
    report = Report.load(GOLD / "000_21925bfca89cb37b.json")
    evidence = Evidence()
    cells = []
    for n, (path, value) in enumerate(change.items()):
        where = f"page 2 table 2 row {n + 1} cell 3"
        evidence.provenance[path] = where
        cells.append(Cell(str(value), where, confidence=confidence))
        table, rest = path.split(".", 1)
        if table == "requests":
            row, column = rest.rstrip("]").split("[")
            report.requests[row][int(column)] = value
        else:
            first, second = rest.split(".")
            getattr(report, table)[first][second] = value
    document = Document("scan.pdf", "pdf", [TableBlock([cells], "page 2 table 2")])
    note_ocr_doubts(document, report, evidence)
    return report, evidence


def test_a_low_confidence_figure_the_arithmetic_confirms_is_kept_silently() -> None:
    gold = Report.load(GOLD / "000_21925bfca89cb37b.json")
    report, evidence = _doubted(0.6, {"requests.new_received[0]": gold.requests["new_received"][0]})
    assert evidence.uncertain == []
    assert report.requests == gold.requests


def test_a_low_confidence_misreading_is_corrected_by_the_arithmetic_and_noted() -> None:
    gold = Report.load(GOLD / "000_21925bfca89cb37b.json")
    assert gold.requests["new_received"][0] == 180
    report, evidence = _doubted(0.6, {"requests.new_received[0]": 130})  # 8 read as 3
    assert report.requests["new_received"][0] == 180  # the row sum and the column balance agree
    (entry,) = evidence.uncertain
    assert entry.cell == "requests.new_received[0]" and entry.value == 180
    assert "130" in entry.reason_zh and "130" in entry.reason_en


def test_a_low_confidence_figure_nothing_confirms_is_named() -> None:
    # Two misread cells in one row: the row sum alone cannot say which; both are named.
    _, evidence = _doubted(0.5, {"requests.new_received[0]": 130, "requests.new_received[6]": 134})
    assert sorted(e.cell for e in evidence.uncertain) == ["requests.new_received[0]", "requests.new_received[6]"]
    # Table 二 has no equations: a doubtful figure there is always named; a sure one never.
    _, evidence = _doubted(0.5, {"active.regulations.new_made": 7})
    assert [e.cell for e in evidence.uncertain] == ["active.regulations.new_made"]
    _, evidence = _doubted(0.99, {"active.regulations.new_made": 7})
    assert evidence.uncertain == []


def test_an_agency_read_by_ocr_is_named_for_a_person_to_check() -> None:
    report = Report.load(GOLD / "000_21925bfca89cb37b.json")
    for confidence, named in ((0.99, True), (None, False)):  # OCR'd, or from a text layer
        evidence = Evidence()
        evidence.provenance["agency"] = "page 1 line 1"
        document = Document("scan.pdf", "pdf", [TextBlock(report.agency, "page 1 line 1", confidence)])
        note_ocr_doubts(document, report, evidence)
        assert [e.cell for e in evidence.uncertain] == (["agency"] if named else [])


def test_a_row_label_misread_by_one_character_is_mended_figures_never() -> None:
    from gongkai.ingest.ocr_labels import mend_label

    assert mend_label("上年结转政府信息公开中请数量") == "上年结转政府信息公开申请数量"  # 申 read as 中
    assert mend_label("其他对外管理服务事顶") == "其他对外管理服务事项"
    for text in ("二、上年结转政府信息公开申请数量", "180", "规章", "规草", "本报告数据未附此部分文字说明"):
        assert mend_label(text) == text  # right already, a figure, too short to tell, or no label


def test_ocr_reports_its_pages_and_stops_at_the_deadline() -> None:
    import time

    from gongkai.ingest.ocr import ocr_session

    calls: list[tuple[int, int]] = []
    with ocr_session(progress=lambda done, total: calls.append((done, total)), deadline=time.monotonic() - 1):
        result = read_report(DEFAULT_SCAN)
    assert not result.ok
    assert "OCR ran out of time: 0 of 3 pages" in (result.error_en or "")
    assert "超时" in (result.error_zh or "")
    assert calls == [(0, 3)]  # told before the first page; no page was read
