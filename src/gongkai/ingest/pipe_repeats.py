"""A pipe table's header row whose merged cells a converter wrote once per grid column they span.

pymupdf4llm fills a header row's spanned cells with the span's text, so where a PDF table's
first row is a row of figures whose cells each span two grid columns (the grid has them for
the rows below, whose labels are wider), the row comes out with every figure twice:
``|三、…||（一）予以公开|（一）予以公开|728|728|40|18|18|`` over ``||（二）部分公开…||286||10|5||``.
Kept, the repeats are extra cells and the row is left unread (too many cells for its columns).
The rows under it tell which cells are repeats: a cell equal to the cell left of it, in a
grid column that the rows under it leave blank, is the rest of the left cell's span, and is
read blank, so the header's figures stand in the columns the rows below use. The figures read
so are then checked like any other by the report's equations.
"""

from __future__ import annotations

from gongkai.ingest.line_kinds import PIPE_SEPARATOR as _SEPARATOR  # the row above it: the header

_MIN_BELOW = 3  # rows under the header that show the grid's blank columns
_MIN_FIGURES = 2  # repeated figures: every spanned figure cell of the row doubles, not one pair
_MOST = 5  # a repeat's column is blank in all but one in this many rows below


def _text(cell: str) -> str:
    return cell.replace("<br>", "").replace("**", "").strip()


def _repeats(header: list[str], below: list[list[str]]) -> frozenset[int]:
    """The header's grid columns that repeat the cell left of them where the rows below leave
    that column blank (all but one in five: a row whose figure slipped a column stays read); none
    if a column the rows below fill repeats (equal neighbours there are the table's own)."""
    texts = [_text(cell) for cell in header]
    out = set()
    for k in range(1, len(texts)):
        if not texts[k] or texts[k] != texts[k - 1]:
            continue
        if sum(1 for row in below if _text(row[k])) * _MOST > len(below):
            return frozenset()
        out.add(k)
    return frozenset(out)


def _has_figure(row: list[str]) -> bool:
    return any(_text(cell)[:1].isdigit() for cell in row)


def repeated_spans(lines: list[str], numbers: list[int], cells: list[list[str]]) -> dict[int, list[str]]:
    """By line number, a pipe table's header row (the separator row follows it) with the cells
    that repeat a spanned cell blanked, so its figures stand in the columns the rows under it
    use. Only where two figures at least repeat, and judged by the run of rows under it as wide
    as it that hold figures (the table's part, up to a header or note of the next one), none of
    them a table of its own (markitdown sets a separator under every row: no header to tell by)."""
    out: dict[int, list[str]] = {}
    for i, number in enumerate(numbers):
        if number + 1 >= len(lines) or not _SEPARATOR.match(lines[number + 1]) or not _has_figure(cells[i]):
            continue
        width = len(cells[i])
        below: list[list[str]] = []
        for j in range(i + 1, len(cells)):
            if len(cells[j]) != width or not _has_figure(cells[j]):
                break
            if numbers[j] + 1 < len(lines) and _SEPARATOR.match(lines[numbers[j] + 1]):
                below = []  # every row a table of its own (markitdown): no header row to tell by
                break
            below.append(cells[j])
        if len(below) < _MIN_BELOW:
            continue
        blank = _repeats(cells[i], below)
        texts = [_text(cell) for cell in cells[i]]
        if sum(1 for k in blank if texts[k][:1].isdigit()) >= _MIN_FIGURES:  # shown on figures
            out[number] = ["" if k in blank else cell for k, cell in enumerate(cells[i])]
    return out
