"""Table 三's applicant titles in a pipe table whose converter split and joined them.

A PDF-to-Markdown converter that sets a table from its text's positions (markitdown) loses the
header's spans and cuts its narrow titles into lines: 自然 over 人, 商业 over 企业, each line in a
header row of its own, interleaved where two titles share a column (自然 / 商业 / 人 / 企业), or
two titles' lines joined in one cell (``其 小`` over ``他 计``). Its rows join two columns'
figures the same way (``72 5``, ``81 166``). Where the header rows' pieces, read down each column
in order (left to right within a cell), make up whole titles of table 三 (every applicant column
exactly once, a 小计 at most once), they give the printed order; a row is read under it only where
its last cells split into exactly one figure per title after its label. Anything else leaves the
table as printed.
"""

from __future__ import annotations

from gongkai.ingest.document import Cell
from gongkai.ingest.numbers import parse_cell

_MAX_PIECES = 24  # header pieces of one column looked at (a header of a few rows: bounded search)


def _is_figure(text: str) -> bool:
    return bool(text) and parse_cell(text).is_value


Piece = tuple[str, int, int]  # a piece of header text, its place in its cell (0: leftmost), its row


def _column_titles(
    pieces: list[Piece], titles: dict[str, int | None], rows: set[int]
) -> list[tuple[int | None, int | None]]:
    """The titles ``pieces`` (one column's header pieces, top to bottom) make up, each with its
    pieces' one place in their cells (None where they stand at several), the rows they stand in
    added to ``rows``; pieces of no title (项目, 申请人情况) are passed over."""
    used = [False] * len(pieces)
    found: list[tuple[int | None, int | None]] = []
    for i, (first, _place, _row) in enumerate(pieces):
        if used[i]:
            continue
        for title in sorted((t for t in titles if t.startswith(first)), key=len):
            taken, made = [i], first
            for j in range(i + 1, len(pieces)):
                if made == title:
                    break
                if not used[j] and title.startswith(made + pieces[j][0]):
                    taken.append(j)
                    made += pieces[j][0]
            if made == title:
                for j in taken:
                    used[j] = True
                places = {pieces[j][1] for j in taken}
                rows.update(pieces[j][2] for j in taken)
                found.append((titles[title], places.pop() if len(places) == 1 else None))
                break
    return found


def _template_key(index: int | None) -> float:
    return 5.5 if index is None else index  # the 小计 after the five organisations, before 总计


def _in_column_order(found: list[tuple[int | None, int | None]]) -> list[int | None]:
    """Titles sharing a column left to right: by their places in the cells where each stands
    at one place of its own (``其 小`` over ``他 计``); titles stacked (自然 / 商业 / 人 / 企业)
    state no order between them, and keep the template's."""
    places = [place for _index, place in found]
    if None not in places and len(set(places)) == len(places):
        return [index for index, _place in sorted(found, key=lambda f: f[1] or 0)]
    return sorted((index for index, _place in found), key=_template_key)


def pieced_order(header: list[list[Cell]], titles: dict[str, int | None]) -> list[int | None] | None:
    """The template column of each title the header rows' pieces make up, left to right; None
    where the rows holding them differ in width (the converter lost a row's columns: their
    places say nothing)."""
    width = max((len(row) for row in header), default=0)
    order: list[int | None] = []
    rows: set[int] = set()
    for col in range(width):
        pieces = [
            (piece, k, r)
            for r, row in enumerate(header)
            if col < len(row)
            for k, piece in enumerate(row[col].text.split())
        ]
        order.extend(_in_column_order(_column_titles(pieces[:_MAX_PIECES], titles, rows)))
    return order if len({len(header[r]) for r in rows}) <= 1 else None


def pieced_row(row: list[Cell], count: int) -> list[Cell] | None:
    """``row`` with its last cells split into ``count`` one-figure cells (``72 5`` → 72, 5), if
    they hold exactly that many figures and no figure stands before them (a label, or blanks
    where the converter set the label on a line of its own)."""
    figures: list[Cell] = []
    cut = len(row)
    while cut > 0 and len(figures) < count:
        cell = row[cut - 1]
        parts = cell.text.split()
        if not parts or not all(_is_figure(p) for p in parts):
            return None
        figures[:0] = [cell._replace(text=p) for p in parts]
        cut -= 1
    rest = [cell.text.strip() for cell in row[:cut]]
    if len(figures) != count or not rest or any(t and _is_figure(t) for t in rest):
        return None  # (a figure before them: the row holds more figures than titles)
    return [*row[:cut], *figures]
