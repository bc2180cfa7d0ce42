"""Column titles a pipe header prints only in pieces (issue 9: markitdown's Word headers).

A converter that cuts a header into the page's grid may set the lines of two narrow titles
interleaved in one cell (``科研`` over ``公益`` over ``机构``: 科研机构 and 社会公益组织), the
title's other pieces (``社会``, ``组织``) printed outside the pipe rows as loose lines. No whole
title is then found in the cell, yet a word that is part of one column's title and of no other's
names that column as well as the whole title would: its figures stand in that cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.report.labels import bare_label_key

_MIN_PIECE = 2  # characters: one character (``社``, ``构``) is part of too many titles to name one


def pieces_anchored(
    cells: list[tuple[int, int]], words: dict[int, set[str]], titles: Sequence[Sequence[str]]
) -> list[tuple[int, int]]:
    """``cells`` (column, cell) and each column no whole title anchored whose title's piece
    stands in one cell only (``words``: each header cell's words, as label keys). A piece of
    several titles (``机构``) anchors nothing; one out of the anchored columns' order is left out."""
    keys = [[bare_label_key(name) for name in names] for names in titles]
    anchored = dict(cells)
    for column, own in enumerate(keys):
        if column in anchored:
            continue
        others = [key for other, names in enumerate(keys) if other != column for key in names]
        at = {
            cell
            for cell, found in words.items()
            for word in found
            if len(word) >= _MIN_PIECE and any(word in key for key in own) and not any(word in key for key in others)
        }
        if len(at) != 1:
            continue
        cell = at.pop()
        if all(c <= cell for col, c in anchored.items() if col < column) and all(
            c >= cell for col, c in anchored.items() if col > column
        ):
            anchored[column] = cell
    return sorted(anchored.items())
