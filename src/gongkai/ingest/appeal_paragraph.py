"""Table 四 set as one paragraph: its header's pieces, then its figures (pymupdf4llm's text of a 公文
whose table has no rules and whose narrow header cells print a character a line).

``行政 行政 复议 诉讼 未经 复议 … 结 结 其 尚 … 果 果 他 未 总 … 维 纠 结 审 计 … 2 0 0 1 3 3 1 0 1 5 1 0 1 0 2``:
the header's lines run together, every cell a token of its own, the fifteen figures last. No
reader by rows sees a table in it (it is prose to the converter), so table 四 stays unknown.

Gated: only where not one cell of table 四 was read. Taken only from the one paragraph of the text
made of pieces of text (no digit, no sentence punctuation) naming 复议 and 诉讼 (or only 起诉 of
its groups' titles, where the converter set the first header row 行政复议 行政诉讼 as a heading of its
own) and the fields' characters, then exactly the table's number of plain figures; every group adds up to its 总计
(``report.equations``) and no total the prose states disagrees. The figures go in the template's
order: a paragraph cannot show the printed order of the groups (swapping two keeps every sum), so
the whole table is named in ``uncertain``. Linear in the text.
"""

from __future__ import annotations

import re

from gongkai.ingest.appeal_stacks import _agrees
from gongkai.ingest.document import Cell, Document
from gongkai.ingest.evidence import Evidence
from gongkai.report.equations import appeals_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_FIGURE = re.compile(r"\d{1,7}")
_DASHES = frozenset("-—－–")  # a zero printed as a dash (an Excel sheet's accounting format)
_BRACKETS = str.maketrans("[]", "  ")  # ``审结[总计]``: pymupdf4llm's mark of a span set apart
_PIECE = re.compile(r"[\u4e00-\u9fff]{1,8}")  # a header cell's piece: a few ideographs, nothing else
_MAX_CHARS = 600  # a paragraph holding table 四's header and figures is shorter
_MAX_BROKEN = 1  # groups whose figures may miss their 总计 (the report's own misprint)
_FIELD_MARKS = "维纠审"  # characters of 结果维持, 结果纠正, 尚未审结 (table 四's fields in both templates)


def _figures_after_header(text: str, cells: int) -> list[int] | None:
    """The figures ending ``text`` where it is table 四's header pieces then ``cells`` figures."""
    if len(text) > _MAX_CHARS or "复议" not in text or ("诉讼" not in text and "起诉" not in text):
        return None  # cheap tests first: most paragraphs end here (诉讼 may head the table apart)
    tokens = text.translate(_BRACKETS).split()
    if len(tokens) <= cells:
        return None
    head, tail = tokens[:-cells], tokens[-cells:]
    if not all(_FIGURE.fullmatch(t) or t in _DASHES for t in tail) or not all(_PIECE.fullmatch(t) for t in head):
        return None
    header = "".join(head)
    if not all(mark in header for mark in _FIELD_MARKS) or len(head) < cells:
        return None  # the fields' labels, a piece a cell at least: table 四's header, not a sentence
    return [0 if t in _DASHES else int(t) for t in tail]


def _rows_joined(rows: list[list[Cell]]) -> list[str]:
    """Each row's cells joined with blanks, and the cells of the rows from the table's first to
    each row, as long as no longer than a paragraph of table 四 can be (bounded)."""
    out: list[str] = []
    joined: str | None = ""
    for row in rows:
        text = " ".join(cell.text for cell in row if cell.text)
        out.append(text)
        if joined is not None and len(joined) + len(text) < _MAX_CHARS:
            joined = f"{joined} {text}".strip()
            if joined != text:
                out.append(joined)
        else:
            joined = None
    return out


def read_appeal_paragraph(
    template: Template, document: Document, report: Report, evidence: Evidence, stated: dict[str, int]
) -> None:
    """Table 四 from one paragraph of header pieces and figures (see the module)."""
    groups = [g.key for g in template.appeal_groups]
    fields = [f.key for f in template.appeal_fields]
    if any(report.appeals[g][f] is not None for g in groups for f in fields):
        return
    cells = len(groups) * len(fields)
    # A converter may set the paragraph as a table (a row of its own beside the heading 行政复议,
    # or the header's lines as rows above the row of figures): the cells of a table's rows from
    # its first, joined, are the same paragraph.
    texts = [(block.text, block.where) for block in document.paragraphs]
    for block in document.tables:
        texts += ((text, block.where) for text in _rows_joined(block.rows))
    found = list(
        {
            (tuple(figures), where): (figures, where)
            for text, where in texts
            if (figures := _figures_after_header(text, cells)) is not None
        }.values()
    )
    if len(found) != 1:
        return
    figures, where = found[0]
    width = len(fields)
    table = {g: tuple(figures[i * width : (i + 1) * width]) for i, g in enumerate(groups)}
    bound = appeals_bound(template.id, tuple(groups), tuple(fields), False)
    # Every group but one adds up: the figures are the table's, in its order (a report's own
    # misprinted total stays, for the checks to raise; the table is named in ``uncertain``).
    broken = sum(not bound.row_check(g)(table[g]) for g in groups)
    if broken > _MAX_BROKEN or not _agrees(table, fields, stated):
        return
    evidence.forget("appeals")
    for group in groups:
        for j, key in enumerate(fields):
            report.appeals[group][key] = table[group][j]
            evidence.provenance[f"appeals.{group}.{key}"] = where
    evidence.doubt(
        "appeals",
        figures,
        "表四排成一段（表头逐字拆散，其后为数字），按法定的组与列顺序读入，印出的组顺序无法确认",
        "table 四 set as one paragraph (its header in pieces, then its figures): read in the statute's "
        "order of groups and columns; the printed order of the groups cannot be checked",
        where,
    )
