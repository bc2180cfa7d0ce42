"""Table 四 set with its groups down the first column (行政复议, 行政诉讼's 未经复议直接起诉 and
复议后起诉 a row each, the five results as the header row), read column by column.

``pdftotext`` prints such a table's columns as blocks, one after the other: the figures of one
column down the three rows, then the next column's, and the columns it could not tell apart
(right-aligned figures close together, ``10 36``) as one block printed row by row. The header's
result labels come out beside blocks they do not head (a label wider than its figures lands a
column off), so they cannot say which block is whose; the blocks' sizes can: a block of ``k``
figures per group is ``k`` columns. Read in the printed order of the blocks, the figures are one
more candidate for the fifteen cells, which the group totals (each group's parts add up to its
总计) decide like any other reading.
"""

from __future__ import annotations

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.ingest.row_reading import Slot


def column_block_slots(records: list[Record], groups: int, width: int) -> list[Slot] | None:
    """The figures of ``records`` (table 四's records, in order) as one row of the ``groups ×
    width`` cells, groups after one another, when they are column blocks: at least two records of
    figures, each holding a whole number of columns (a multiple of ``groups`` figures, printed
    row by row within the block), all of them every cell once. None otherwise."""
    blocks = _columns_rejoined(
        [[t for t in record.values if t.value.kind is not CellKind.BLANK] for record in records], groups
    )
    if len(blocks) < 2 or any(len(block) % groups for block in blocks):
        return None
    if sum(len(block) for block in blocks) != groups * width:
        return None
    rows: list[list[Slot]] = [[] for _ in range(groups)]
    for block in blocks:
        columns = len(block) // groups
        for g in range(groups):
            rows[g].extend(Slot(t.value, t.where) for t in block[g * columns : (g + 1) * columns])
    return [slot for row in rows for slot in row]


def _columns_rejoined(blocks: list[list[Token]], groups: int) -> list[list[Token]]:
    """The blocks with a column cut by a header put back together: a table 四 set as two tables
    (行政复议's row under its header, then 行政诉讼's two rows under theirs) prints each column's
    figure of the upper table, then the lower header's title, then the column's two lower figures.
    Consecutive blocks of fewer figures than ``groups`` that together make exactly ``groups`` are
    one column; any other run of short blocks is left as it is (and the table is no column blocks)."""
    out: list[list[Token]] = []
    pending: list[Token] = []
    for block in blocks:
        if not block:
            continue
        if not pending and len(block) % groups == 0:
            out.append(block)
            continue
        pending = pending + block
        if len(pending) >= groups:
            out.append(pending)
            pending = []
    if pending:
        out.append(pending)
    return out
