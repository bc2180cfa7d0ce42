"""Read a one-cell-a-line table whose narrow label cells wrap often as blank-separated, where that
reads more of its rows whole.

A Word original whose table 三 has narrow label cells (（四）无法 / 提供, 科研 / 机构, a long item
over two or three lines) comes out of ``pdftotext`` (default mode) a cell per line with a blank
line after each cell, but with so many wrapped labels that filled lines follow each other more
often than the text reader's test of a blank-separated table allows (``adjacent * 10 <= filled``):
read as tight, every wrapped label's pieces and the blank cells fall apart and its rows lose
their figures.

The looser test (``only_labels_wrap``: filled lines touch only as label pieces, never a figure)
also holds in tables that are tight, and there it merges labels into one cell. So both readings
are made and the loose one is taken only where more of its rows hold the table's usual count of
figures (a row's worth per label, as a statutory table's rows all do) than the tight one's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from gongkai.ingest.cell_lines import is_blank_separated, touching_pairs
from gongkai.ingest.document import Block, TableBlock
from gongkai.ingest.numbers import parse_cell

_MIN_FIGURES = 3  # a row's worth of figures, at least (table 一's rows hold fewer)


def only_labels_wrap(kinds: list[str]) -> bool:
    """Filled lines (kinds as line_kinds gives them) follow each other only as label pieces, never a figure
    next to another filled line, and blank lines are as many as a blank-separated table has: in a
    tight table (a line per cell, blank cells as empty lines) a row's label and its first figure,
    and the figures, follow each other all the time."""
    filled = kinds.count("value") + kinds.count("mixed") + kinds.count("short")
    if kinds.count("empty") * 10 < filled * 6:
        return False
    # Filled lines touching, a figure among the two: touching filled lines but those of two labels.
    touching = touching_pairs(kinds, _FILLED) - touching_pairs(kinds, _LABELS)
    return touching * 20 <= filled


_FILLED = frozenset({"value", "mixed", "short"})


_LABELS = frozenset({"short"})


def _whole_rows(blocks: list[Block]) -> int:
    """Rows holding their table's usual count of figures (the commonest count of three or more)."""
    whole = 0
    for block in blocks:
        if not isinstance(block, TableBlock):
            continue
        counts = Counter(sum(1 for cell in row if parse_cell(cell.text).is_value) for row in block.rows)
        usual = [rows for figures, rows in counts.most_common() if figures >= _MIN_FIGURES]
        whole += usual[0] if usual else 0
    return whole


def better_reading(read: Callable[..., Iterator[Block]], kinds: list[str]) -> Iterator[Block]:
    """``read()`` (the text reader's own test), or ``read(loose=True)`` where the lines call for
    the looser test and it reads more rows whole (see the module)."""
    tight = list(read())
    if not only_labels_wrap(kinds) or is_blank_separated(kinds):
        return iter(tight)  # (blank-separated already: the loose reading is the same)
    loose = list(read(loose=True))
    return iter(loose if _whole_rows(loose) > _whole_rows(tight) else tight)
