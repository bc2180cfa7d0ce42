"""OCR confidence into ``uncertain``: a figure read with low confidence is kept only when the
statutory arithmetic confirms it.

A cell whose OCR confidence is below ``LOW_CONFIDENCE`` is *confirmed* when it takes part in at
least one equation of the tables (a row of table 三 adds up to its 总计, a column balances, the
outcomes add up, a group of table 四 adds up) and every equation it takes part in holds. When
they do not, and two equations or more agree on the one value that would make them all hold, that
value is taken: the OCR misreading is corrected by the arithmetic, and the correction is written to
``uncertain`` with what OCR read. Otherwise the figure stays as read and is named in ``uncertain``;
it is never a silent figure. Table 二 has no equations: its low-confidence figures are always
named. The agency's name read by OCR is always named too: nothing checks a name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from gongkai.ingest.document import Document
from gongkai.ingest.evidence import Evidence
from gongkai.report.model import Report
from gongkai.report.templates import Template

LOW_CONFIDENCE = 0.9  # RapidOCR scores: right figures read ≥ 0.95 on our degraded scans


@dataclass(frozen=True)
class Equation:
    """``sum(left) == sum(right)``, over cell paths."""

    left: tuple[str, ...]
    right: tuple[str, ...]


def low_confidence(document: Document) -> dict[str, float]:
    """``where`` → confidence of every table cell OCR read with low confidence."""
    return {
        cell.where: cell.confidence
        for table in document.tables
        for row in table.rows
        for cell in row
        if cell.confidence is not None and cell.confidence < LOW_CONFIDENCE
    }


def equations(template: Template) -> list[Equation]:
    """The equations of tables 三 and 四, as in ``report.checks``."""
    out: list[Equation] = []
    total = template.total_column

    def req(row: str, column: int) -> str:
        return f"requests.{row}[{column}]"

    for row in template.request_rows:
        out.append(Equation(tuple(req(row.key, c) for c in range(total)), (req(row.key, total),)))
    for c in range(total + 1):
        out.append(Equation((req("new_received", c), req("carried_over", c)),
                            (req("total_processed", c), req("carried_forward", c))))
        out.append(Equation(tuple(req(row.key, c) for row in template.outcome_rows), (req("total_processed", c),)))
    for group in template.appeal_groups:
        parts = tuple(f"appeals.{group.key}.{f.key}" for f in template.appeal_fields if f.key != "total")
        out.append(Equation(parts, (f"appeals.{group.key}.total",)))
    return out


class _Cells:
    """Read and write report values by path (``requests.row[3]``, ``appeals.group.field``, ``active.row.field``)."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def get(self, path: str) -> int | float | None:
        table, rest = path.split(".", 1)
        if table == "requests":
            row, column = rest.rstrip("]").split("[")
            return self.report.requests[row][int(column)]
        first, second = rest.split(".", 1)
        value: int | float | None = getattr(self.report, table)[first][second]
        return value

    def set(self, path: str, value: int) -> None:
        table, rest = path.split(".", 1)
        if table == "requests":
            row, column = rest.rstrip("]").split("[")
            self.report.requests[row][int(column)] = value
            return
        first, second = rest.split(".", 1)
        getattr(self.report, table)[first][second] = value


def _holds(eq: Equation, cells: _Cells) -> bool | None:
    values = [cells.get(p) for p in (*eq.left, *eq.right)]
    if any(v is None for v in values):
        return None  # an unknown figure: the equation says nothing
    return sum(cells.get(p) or 0 for p in eq.left) == sum(cells.get(p) or 0 for p in eq.right)


def _solve(eq: Equation, path: str, cells: _Cells) -> int | float | None:
    """The value of ``path`` that makes ``eq`` hold, the other cells as read."""
    others = [p for p in (*eq.left, *eq.right) if p != path]
    if any(cells.get(p) is None for p in others):
        return None
    left = sum(cells.get(p) or 0 for p in eq.left if p != path)
    right = sum(cells.get(p) or 0 for p in eq.right if p != path)
    return right - left if path in eq.left else left - right


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
            evidence.doubt("agency", report.agency,
                           f"机关名称由文字识别（OCR）读出（置信度 {block.confidence:.2f}），请核对",
                           f"the agency's name was read by OCR (confidence {block.confidence:.2f}); check it",
                           where)
            return


def note_ocr_doubts(document: Document, report: Report, evidence: Evidence) -> None:
    _note_agency(document, report, evidence)
    low = low_confidence(document)
    if not low:
        return
    cells = _Cells(report)
    involving: dict[str, list[Equation]] = defaultdict(list)
    for eq in equations(report.template):
        for path in (*eq.left, *eq.right):
            involving[path].append(eq)
    for path, where in list(evidence.provenance.items()):
        confidence = _confidence(low, where)
        if confidence is None or cells.get(path) is None:
            continue  # read with confidence, or already unknown (null): nothing silent
        mine = involving.get(path, [])
        checked = [_holds(eq, cells) for eq in mine]
        if mine and all(checked):
            continue  # the arithmetic confirms the figure
        read = cells.get(path)
        solutions = {_solve(eq, path, cells) for eq in mine}
        if len(mine) >= 2 and len(solutions) == 1:
            (fixed,) = solutions
            if isinstance(fixed, int) and fixed >= 0 and fixed != read:
                cells.set(path, fixed)
                evidence.doubt(path, fixed,
                               f"文字识别（OCR）读作 {read}（置信度 {confidence:.2f}），与勾稽关系不符；"
                               f"{len(mine)} 个等式一致给出 {fixed}，按 {fixed} 记",
                               f"OCR read {read} (confidence {confidence:.2f}), which breaks the arithmetic; "
                               f"its {len(mine)} equations all give {fixed}, taken", where)
                continue
        evidence.doubt(path, read,
                       f"文字识别（OCR）读作 {read}，置信度 {confidence:.2f}，勾稽关系无法印证",
                       f"OCR read {read} with confidence {confidence:.2f}; the arithmetic does not confirm it",
                       where)
