"""A row's figures printed in two pieces, the row's last cells first.

Where a table's column gap is wide, ``pdftotext``'s default mode breaks a row's figures into two
pieces (``2 0 0 0`` / ``0 0 2``); where the row's label wraps over lines the piece standing a
little higher comes first, and that may be the row's end: ``0 0 4`` over
``计这一情形，不计其他情形） 4 0 0 0`` for the row ``4 0 0 0 0 0 4``. Read in printed order the
row holds ``0 0 4 4 0 0 0``, which fails its own sum.

A line of bare figures (fewer than a row) right after a line ending in no figure (a label), and
the next line ending in the rest of a table 三 row's cells (no third line of bare figures after
it), are taken as one row in the other order where only that order satisfies the row's sum (the
row as printed breaks it): the second line gets the whole row, the first is emptied. Where both
orders hold (a row of zeros) or neither does, the lines stay as printed.
"""

from __future__ import annotations

from gongkai.ingest.wrapped_digits import is_figure, sums_hold, table_widths, trailing_figures


def _bare_figures(line: str) -> list[str] | None:
    """The figures of a line holding nothing else, else None."""
    words = line.split()
    return words if words and all(is_figure(w) for w in words) else None


def rows_with_tail_first(lines: list[str]) -> list[str]:
    """``lines`` with each row printed tail piece first set back in order (see the module)."""
    widths = table_widths()
    out = list(lines)
    previous = -1  # the last non-empty line before the one looked at
    for i, line in enumerate(out):
        stripped = line.rstrip()
        if not stripped:
            continue
        before, previous = previous, i
        if not stripped[-1].isdigit() or before < 0 or "\t" in line or out[before].rstrip()[-1:].isdigit():
            continue  # a first piece (ending in a figure) follows a label (a line ending in no figure)
        tail = _bare_figures(line)
        if tail is None or len(tail) >= max(widths):
            continue
        below = next((j for j in range(i + 1, min(len(out), i + 3)) if out[j].strip()), None)
        if below is None or "\t" in out[below]:
            continue
        _, head = trailing_figures(out[below])
        if not head or len(head) + len(tail) != max(widths):
            continue  # (a row of table 三: a group of table 四 is printed whole on its line)
        after = next((j for j in range(below + 1, min(len(out), below + 3)) if out[j].strip()), None)
        if after is not None and _bare_figures(out[after]) is not None:
            continue  # a third piece follows (``1 0 0 1`` / ``0`` / ``0 0``): not a row in two pieces
        heads = [t.group() for t in head]
        if sums_hold([int(v) for v in tail + heads]) or not sums_hold([int(v) for v in heads + tail]):
            continue
        start = head[0].start()
        out[below] = out[below][:start] + " ".join(heads + tail)
        out[i] = ""
    return out
