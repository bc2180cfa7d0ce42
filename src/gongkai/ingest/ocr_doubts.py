"""OCR confidence into ``uncertain``: a figure read with low confidence is kept only when the
statutory arithmetic confirms it.

A cell whose OCR confidence is below ``LOW_CONFIDENCE`` is *confirmed* when it takes part in at
least one equation of the tables (a row of table 三 adds up to its 总计, a column balances, the
outcomes add up, a group of table 四 adds up) and every equation it takes part in holds. When
they do not, and two equations or more agree on the one value that would make them all hold, that
value is taken: the OCR misreading is corrected by the arithmetic, and the correction is written to
``uncertain`` with what OCR read; unless the prose states the figure as read (a report contradicting
itself: its 总计 printed, and repeated in the text, other than its parts add up to). Otherwise the
figure stays as read and is named in ``uncertain``;
it is never a silent figure. Table 二 has no equations: its low-confidence figures are always
named. The agency's name read by OCR is always named too: nothing checks a name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from itertools import product

from gongkai.ingest.document import Document
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.ocr_figures import CONFIDENCE as MENDED_CONFIDENCE
from gongkai.ingest.stated import STATED_TOTALS
from gongkai.report.equations import Cell, Equation, Value, cell_value, equations
from gongkai.report.model import Report

LOW_CONFIDENCE = 0.9  # RapidOCR scores: right figures read ≥ 0.95 on our degraded scans


def low_confidence(document: Document) -> dict[str, float]:
    """``where`` → confidence of every table cell OCR read with low confidence (and of every line of
    a text whose figures ``ocr_figures`` mended)."""
    return {where: MENDED_CONFIDENCE for where in document.doubtful} | {
        cell.where: cell.confidence
        for table in document.tables
        for row in table.rows
        for cell in row
        if cell.confidence is not None and cell.confidence < LOW_CONFIDENCE
    }


def _cell(path: str) -> Cell | None:
    """The cell a provenance path names (``requests.granted[3]``, ``appeals.review.total``,
    ``active.rules.made``); None for a path that is no table cell (``agency``)."""
    table, _, rest = path.partition(".")
    if table == "requests" and rest.endswith("]"):
        row, _, column = rest[:-1].partition("[")
        return Cell(table, row, int(column)) if column.isdigit() else None
    row, _, field = rest.partition(".")
    return Cell(table, row, field) if table in ("appeals", "active") and field else None


def _set(report: Report, cell: Cell, value: int) -> None:
    if cell.table == "requests" and isinstance(cell.column, int):
        report.requests[cell.row][cell.column] = value
    else:
        getattr(report, cell.table)[cell.row][str(cell.column)] = value


def _confidence(low: dict[str, float], where: str) -> float | None:
    """The confidence of the cell a provenance ``where`` points at (it may add ``(split)``)."""
    found = low.get(where)
    if found is not None:
        return found
    for cell_where, confidence in low.items():
        if where.startswith(cell_where + " "):
            return confidence
    return None


def _note_agency(document: Document, report: Report, evidence: Evidence) -> None:
    """The agency's name read by OCR: no arithmetic checks a name, and a rare character of a place
    name (沭阳 read as 沐阳) is misread with confidence; so it is always named for a person to check."""
    where = evidence.provenance.get("agency")
    for block in document.paragraphs:
        if block.where == where and block.confidence is not None:
            evidence.doubt(
                "agency",
                report.agency,
                f"机关名称由文字识别（OCR）读出（置信度 {block.confidence:.2f}），请核对",
                f"the agency's name was read by OCR (confidence {block.confidence:.2f}); check it",
                where,
            )
            return


MAX_CHOICES = 6  # cells of one broken equation read two ways: at most 2**6 readings tried


def _choose_readings(
    readings: dict[str, int],
    report: Report,
    evidence: Evidence,
    involving: dict[Cell, list[Equation]],
    value: Callable[[Cell], Value],
) -> None:
    """Cells an OCR read two ways (``ocr_figures.other_reading``: a border's ``l`` a rule's mark or a
    1) in an equation that breaks as read: the one combination of readings, if only one, under which
    every equation of the cells changed holds is taken and named in ``uncertain``."""
    two_ways: dict[Cell, tuple[int, int, str, str]] = {}
    for path, where in evidence.provenance.items():
        other = readings.get(where)
        cell = _cell(path)
        read = value(cell) if cell is not None else None
        if other is not None and cell is not None and isinstance(read, int) and other != read:
            two_ways[cell] = (read, other, path, where)
    for eq in {eq for cell in two_ways for eq in involving.get(cell, [])}:
        if eq.holds(value) is not False:
            continue
        cells = [cell for cell in eq.cells if cell in two_ways and value(cell) == two_ways[cell][0]]
        if not cells or len(cells) > MAX_CHOICES:
            continue
        touched = {e for cell in cells for e in involving[cell]}
        fits = []
        for choice in product((0, 1), repeat=len(cells)):
            if not any(choice):
                continue
            for cell, pick in zip(cells, choice, strict=True):
                _set(report, cell, two_ways[cell][1] if pick else two_ways[cell][0])
            if all(e.holds(value) for e in touched):
                fits.append(choice)
        for cell in cells:
            _set(report, cell, two_ways[cell][0])
        if len(fits) != 1:
            continue
        for cell, pick in zip(cells, fits[0], strict=True):
            read, other, path, where = two_ways[cell]
            if pick:
                _set(report, cell, other)
                evidence.doubt(
                    path,
                    other,
                    f"文字识别（OCR）读作 {read}，单元格边上的“l”或“|”可能是表格线也可能是 1；按勾稽关系取 {other}",
                    f"OCR read {read}; an l or | at the cell's border is a rule or a 1: the arithmetic "
                    f"gives {other}, taken",
                    where,
                )


# The formats whose readers may run OCR (a scanned PDF's pages, an image): only OCR sets a
# confidence on a cell or a paragraph, so the other formats' documents hold none to note.
OCR_FORMATS = frozenset({"pdf", "image"})


def _said(report: Report, stated: dict[str, int]) -> dict[Cell, int]:
    """The cells the prose's figures repeat one for one (新收 N 件: table 三's 总计 of 一、本年新收), with
    the figure; not the sums of several cells (行政诉讼 N 件)."""
    last = report.template.total_column
    said: dict[Cell, int] = {}
    for place, figure in stated.items():
        cells = STATED_TOTALS.get(place, ())
        if len(cells) == 1:
            cell = cells[0]
            said[cell._replace(column=last) if cell.column == -1 else cell] = figure
    return said


def note_ocr_doubts(
    document: Document, report: Report, evidence: Evidence, stated: dict[str, int] | None = None
) -> None:
    """``stated``: the prose's figures (``stated.stated_figures``); a figure read as the prose
    states it is not corrected by the arithmetic."""
    if document.format not in OCR_FORMATS and not document.mended:
        return  # no OCR, no confidence: nothing to note (checked in test_read_speed_gates)
    _note_agency(document, report, evidence)
    low = low_confidence(document)
    if not low:
        return
    # The statutory equations of tables 三 and 四 (report/equations: the ones checks report).
    involving: dict[Cell, list[Equation]] = defaultdict(list)
    for eq in equations(report.template):
        for member in eq.cells:
            involving[member].append(eq)

    def value(cell: Cell) -> Value:
        return cell_value(report, cell)

    said = _said(report, stated or {})
    if document.readings:
        _choose_readings(document.readings, report, evidence, involving, value)

    for path, where in list(evidence.provenance.items()):
        confidence = _confidence(low, where)
        cell = _cell(path)
        if confidence is None or cell is None or value(cell) is None:
            continue  # read with confidence, or already unknown (null): nothing silent
        mine = involving.get(cell, [])
        if mine and all(eq.holds(value) for eq in mine):
            continue  # the arithmetic confirms the figure
        read = value(cell)
        solutions = {eq.solve(cell, value) for eq in mine}
        if said.get(cell) == read:
            # The text states the figure as OCR read it: the report contradicts itself, read as
            # printed (the broken equations are reported), not mended to fit.
            evidence.doubt(
                path,
                read,
                f"文字识别（OCR）读作 {read}（置信度 {confidence:.2f}），"
                "与勾稽关系不符，但与正文所述数字相同，照印读入",
                f"OCR read {read} (confidence {confidence:.2f}), which breaks the arithmetic but is the figure "
                "the text states: read as printed",
                where,
            )
            continue
        if len(mine) >= 2 and len(solutions) == 1:
            (fixed,) = solutions
            if isinstance(fixed, int) and fixed >= 0 and fixed != read:
                _set(report, cell, fixed)
                evidence.doubt(
                    path,
                    fixed,
                    f"文字识别（OCR）读作 {read}（置信度 {confidence:.2f}），与勾稽关系不符；"
                    f"{len(mine)} 个等式一致给出 {fixed}，按 {fixed} 记",
                    f"OCR read {read} (confidence {confidence:.2f}), which breaks the arithmetic; "
                    f"its {len(mine)} equations all give {fixed}, taken",
                    where,
                )
                continue
        evidence.doubt(
            path,
            read,
            f"文字识别（OCR）读作 {read}，置信度 {confidence:.2f}，勾稽关系无法印证",
            f"OCR read {read} with confidence {confidence:.2f}; the arithmetic does not confirm it",
            where,
        )
