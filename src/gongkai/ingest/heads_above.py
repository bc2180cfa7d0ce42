"""Figures a narrow cell wrapped over lines, their heads printed above the row's label.

A WPS print's table with narrow columns and a figure too wide for its cell wraps it digit by
digit, centred on the row: ``160`` in a cell one digit wide prints ``1`` over ``6`` over ``0``. In
``pdftotext``'s default flow the lines above the row's middle come before the row's label
(``1`` / ``2`` / ``一、本年新收政府信息公开申请数量``), the row's line holds the middle pieces among the
figures of one line (``6 3 25 0 13 9 1``) and the last pieces follow, a line each (``0`` / ``0``),
for the row ``160 3 25 0 13 9 210``.

The heads (lines of a few bare figures right after a line ending in no figure, then up to two
lines of label) join, in order, distinct figures of the row's line as their first digits, the
tails (the lines of a few bare figures after it, up to the next line of words) as their last, in
every way that keeps their order; no head is 0 (no figure starts with 0). Exactly one joining
satisfying the row's sum, where the row as printed breaks it, is taken: the row's line gets the
joined figures, the heads' and tails' lines are emptied. Otherwise the lines stay as printed.
"""

from __future__ import annotations

import itertools

from gongkai.ingest.wrapped_digits import MIN_FIGURES, is_figure, sums_hold, table_widths, trailing_figures

MAX_HEAD_LINES = 3  # lines of heads above a row (a figure wrapped over four lines at most)
MAX_LABEL_LINES = 2  # lines of the row's label between its heads and its figures
MAX_TAIL_LINES = 3  # lines of tails under the row
MAX_READINGS = 4000  # joinings tried on one row (7 figures, 3 heads and 3 tails: 1,225)


def _bare(line: str) -> list[str] | None:
    """The figures of a line of a few bare figures (fewer than a row), else None."""
    words = line.split()
    if not words or len(words) >= MIN_FIGURES or not all(is_figure(w) for w in words):
        return None
    return words


def _readings(values: list[str], heads: list[str], tails: list[str]) -> list[list[int]]:
    """Every row of figures with ``heads`` before and ``tails`` after distinct ``values``, each
    in order, satisfying the row's sum (an empty list when there are too many to try). As many
    heads as tails: only the readings joining each head and a tail to the same figure, where
    some do (a figure wrapped over three lines has both; in a row three lines high, a figure of
    two lines stands centred, not a head over the row's line)."""
    found: list[list[int]] = []
    stacked: list[list[int]] = []
    tried = 0
    for above in itertools.combinations(range(len(values)), len(heads)):
        for below in itertools.combinations(range(len(values)), len(tails)):
            tried += 1
            if tried > MAX_READINGS:
                return []
            row = list(values)
            for place, head in zip(above, heads, strict=True):
                row[place] = head + row[place]
            for place, tail in zip(below, tails, strict=True):
                row[place] += tail
            figures = [int(v) for v in row]
            if sums_hold(figures):
                found.append(figures)
                if above == below:
                    stacked.append(figures)
    return stacked or found


def rows_with_heads_above(lines: list[str]) -> list[str]:
    """``lines`` with each row whose wrapped figures' heads stand above its label joined (see the
    module)."""
    widths = table_widths()
    out = list(lines)
    filled = [k for k, line in enumerate(out) if line.strip()]
    for at, i in enumerate(filled):
        line = out[i]
        if "\t" in line or not line.rstrip()[-1:].isdigit():
            continue
        _, row = trailing_figures(line)
        if len(row) not in widths:
            continue
        values = [t.group() for t in row]
        if sums_hold([int(v) for v in values]):
            continue
        # the label's lines above, then the heads' lines, then a line ending in no figure
        k = at - 1
        labels = 0
        while k >= 0 and labels < MAX_LABEL_LINES and _bare(out[filled[k]]) is None:
            if out[filled[k]].rstrip()[-1:].isdigit() or "\t" in out[filled[k]] or not out[filled[k]]:
                break  # a row's figures, a table's cells, or lines a row before took
            labels += 1
            k -= 1
        head_lines: list[int] = []
        while k >= 0 and len(head_lines) < MAX_HEAD_LINES and _bare(out[filled[k]]) is not None:
            head_lines.insert(0, filled[k])
            k -= 1
        if not head_lines or (k >= 0 and out[filled[k]].rstrip()[-1:].isdigit()):
            continue  # no heads, or a row's figures above them (their tails, not these heads)
        heads = [w for j in head_lines for w in out[j].split()]
        if len(heads) > len(values) or any(h.startswith("0") for h in heads):
            continue
        tail_lines: list[int] = []
        k = at + 1
        while k < len(filled) and len(tail_lines) < MAX_TAIL_LINES and _bare(out[filled[k]]) is not None:
            tail_lines.append(filled[k])
            k += 1
        tails = [w for j in tail_lines for w in out[j].split()]
        if len(tails) > len(values):
            continue
        found = _readings(values, heads, tails)
        if len(found) != 1:
            continue
        out[i] = line[: row[0].start()] + " ".join(str(f) for f in found[0])
        for j in (*head_lines, *tail_lines):
            out[j] = ""
    return out
