"""Table 四's merged header cells as a PDF-to-Markdown converter sets them in pipe rows.

Where a Word table stacks 行政复议's five columns over 行政诉讼's ten on one grid of ten columns,
each of 行政复议's cells spans two grid columns. pymupdf4llm prints a merged cell as its text in
the first grid cell and blanks in the others: ``|结果维持||结果纠正||其他结果||尚未审结||总计||``
over ``|||||||1||1||``, and ``|行政复议|||||||||`` above them. Kept, the spans' blanks are cells: the
figure row holds ten cells for five columns, and which blank is a zero printed as blank and which
the rest of a span the row alone cannot tell. The header row tells: its labels stand at the start
of equal spans, and a figure row under it whose figures all stand at those starts is the spans'
row, one cell per span (the blank starts are its zeros printed blank, as the Word file has them).
Only for rows naming table 四's headers: elsewhere a label over blank cells is a row of blank zeros.
"""

from __future__ import annotations

from functools import cache

from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.labels import label_key


@cache
def _group_keys() -> frozenset[str]:
    vocab = vocabulary()
    return frozenset(label_key(label) for label in (*vocab.appeal_groups, vocab.appeal_parent))


@cache
def _field_keys() -> frozenset[str]:
    return frozenset(label_key(label) for label in vocabulary().appeal_fields)


def _text(cell: str) -> str:
    return cell.replace("<br>", "").replace("**", "").strip()


def _is_figure(text: str) -> bool:
    return bool(text) and parse_cell(text).kind in (CellKind.NUMBER, CellKind.DASH)


def _span(row: list[str]) -> int | None:
    """The width of the equal spans a row of table 四's header cells stands on (its labels each at
    the start of one, the rest of each span blank), or None. A lone label spanning the row must
    name a group (行政复议, 行政诉讼), never a column (a lone 总计 may be a row of blank zeros)."""
    texts = [_text(cell) for cell in row]
    filled = [k for k, text in enumerate(texts) if text]
    if not filled or filled[0] != 0 or len(filled) == len(row):
        return None
    keys = [label_key(texts[k]) for k in filled]
    if len(filled) == 1:
        return len(row) if keys[0] in _group_keys() else None
    if not all(key in _group_keys() or key in _field_keys() for key in keys):
        return None
    span = filled[1]
    if span < 2 or len(row) != span * len(filled) or filled != list(range(0, len(row), span)):
        return None
    return span


def _under_spans(row: list[str], width: int, span: int) -> bool:
    """A row of figures (no label) on the header's grid whose figures all stand at span starts."""
    texts = [_text(cell) for cell in row]
    filled = [k for k, text in enumerate(texts) if text]
    return (
        len(row) == width
        and bool(filled)
        and all(_is_figure(texts[k]) for k in filled)
        and all(k % span == 0 for k in filled)
    )


def span_blanks(rows: list[list[str]]) -> list[frozenset[int]]:
    """For each pipe row (its raw cells), the cells that are the rest of a merged table 四 header
    cell, or of a figure's cell under one: blanks of the grid, not cells of the table."""
    out: list[frozenset[int]] = [frozenset()] * len(rows)
    i = 0
    while i < len(rows):
        span = _span(rows[i])
        if span is None:
            i += 1
            continue
        width = len(rows[i])
        rest = frozenset(k for k in range(width) if k % span)
        out[i] = rest
        i += 1
        while span < width and i < len(rows) and _under_spans(rows[i], width, span):
            out[i] = rest
            i += 1
    return out
