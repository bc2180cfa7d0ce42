"""Two rows of one table 二 item whose figures come out together (``pdftotext`` default mode of a
box-drawn Word print whose lines lost their left border): the first row's label, its own figures
and the second row's but its first, then the second row's label and its first figure alone.

``规章 │`` / ``24 │`` ``24 │`` ``118 │`` ``0 │`` ``6 │`` / rule / ``规范性文件 │`` / ``2 │``: 规章 prints
five figures for its three columns, 规范性文件 one. The reading by labels leaves 规章 unknown (more
figures than columns) and reads 规范性文件 from its one figure, padded.

Gated: the first row left unknown whole; the second row of the same item the next row named
after it (only figureless records between: rule lines); the first prints exactly twice its columns
less one figures, the second exactly one, all plain numbers, the row at least two columns wide.
The first row takes its first figures, as many as its columns; the second its own figure first,
then the first row's remaining ones, in order. Nothing checks the reading (table 二's rows have no
sum), so every cell of both rows is named in ``uncertain``. Linear in records.
"""

from __future__ import annotations

from itertools import pairwise

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.header_blocks import take_block_cell
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_bare
from gongkai.report.model import Report
from gongkai.report.templates import ActiveRow, Template


def _row_named(record: Record, rows: dict[str, ActiveRow]) -> ActiveRow | None:
    """The table 二 row the record's only label names, if any."""
    if len(record.labels) != 1:
        return None
    return rows.get(cached_bare(record.labels[0].text))


def _figures(record: Record) -> list[Token] | None:
    """The record's printed figures, None where one is no plain number."""
    printed = [t for t in record.values if t.value.kind is not CellKind.BLANK]
    return printed if all(t.value.kind is CellKind.NUMBER for t in printed) else None


def read_shared_rows(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Two rows of an item read from the first's surplus figures (see the module); ``records``:
    the records of table 二, in order."""
    if not any(all(v is None for v in report.active[row.key].values()) for row in template.active_rows):
        return  # every row read (the usual case): no row left unknown whose figures these could be
    rows = {cached_bare(label): row for row in template.active_rows for label in row.labels}
    named = [(i, row) for i, record in enumerate(records) if (row := _row_named(record, rows)) is not None]
    for (i, first), (j, second) in pairwise(named):
        width = len(first.fields)
        if second.item != first.item or len(second.fields) != width or width < 2:
            continue
        if any(v is not None for v in report.active[first.key].values()):
            continue
        if any(t.value.kind is not CellKind.BLANK for record in records[i + 1 : j] for t in record.values):
            continue
        own, theirs = _figures(records[i]), _figures(records[j])
        if own is None or theirs is None or len(own) != 2 * width - 1 or len(theirs) != 1:
            continue
        for row, tokens in ((first, own[:width]), (second, [theirs[0], *own[width:]])):
            cell = f"active.{row.key}"
            evidence.uncertain[:] = [u for u in evidence.uncertain if u.cell != cell]
            for f, token in zip(row.fields, tokens, strict=True):
                take_block_cell(
                    report,
                    evidence,
                    row.key,
                    f,
                    token,
                    f"“{first.label}”行印有 {len(own)} 个数字，“{second.label}”行 1 个：前者取前 {width} 个，"
                    f"后者取其自身的数字及前者余下的数字",
                    f"row {first.label} prints {len(own)} figures, row {second.label} one: the first takes "
                    f"its first {width}, the second its own figure then the first row's remaining ones",
                )
