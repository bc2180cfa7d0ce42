"""Table 三's last rows' last columns printed among table 四's labels in runs of rows
(``pdftotext`` default mode).

Where a page ends table 三 and begins table 四, chromium's print may come out of ``pdftotext``
as table 三's last rows with their first columns only, by their labels (``166 2 68``), and their
other columns only after table 四's heading, among its labels, in blocks of lines between blank
lines: each block one or more columns of a run of those rows (``6`` / ``—`` / ``7``: one column
of three rows; ``— 15 250`` / ``— — —`` / … three columns of four rows). The page sets the rows
in strips of unequal height, so the blocks are not of one height (``spilled_blocks`` takes
blocks of one height only, handed back for the readers of column blocks).

Where table 三's last records each print the same ``p`` figures, fewer than its columns, and table
四's part holds blocks (after a blank line of their record, not a label's own figure under it) of
two lines or more, each line as many figures, that are together exactly the cells those rows
lack while what stays in table 四's part is exactly one figure per cell of table 四: the blocks
of one height ``h`` make runs of ``h`` rows (their blocks in flow order the run's columns, left to
right, as many columns as the rows lack); every order of the runs (at most ``_MAX_RUNS`` runs) is
a reading. It is taken only where exactly one order gives every row its 总计 and keeps table 三's
equations with its other rows as read; the rows are named in ``uncertain``.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable

from gongkai.ingest.blank_zero_rows import unsettled_requests
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.interleaved_rows import take_row
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, line_number
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MIN_LINES = 2  # a block of one line is any label's figure: no run of several rows
_MAX_RUNS = 4  # runs of rows ordered every way (4! orders)
_COUNTS = (CellKind.NUMBER, CellKind.DASH)

Block = list[list[Token]]  # a block's lines, each its figures


def _plain(tokens: list[Token]) -> bool:
    return all(t.value.kind in _COUNTS and isinstance(t.value.amount, int) and t.value.amount >= 0 for t in tokens)


def _trailing(requests: list[Record], width: int) -> tuple[list[list[Token]], int] | None:
    """The figures of table 三's last records that each print the same ``p`` figures (0 < p <
    width; records printing none, a wrapped label's pieces, skipped), with ``p``."""
    printed = [[t for t in r.values if t.value.kind is not CellKind.BLANK] for r in requests]
    printed = [figures for figures in printed if figures]
    if not printed or not 0 < len(printed[-1]) < width:
        return None
    p = len(printed[-1])
    rows = list(itertools.takewhile(lambda figures: len(figures) == p, reversed(printed)))
    if len(rows) < _MIN_LINES or not all(_plain(figures) for figures in rows):
        return None
    return rows[::-1], p


def _block(run: list[Token]) -> Block | None:
    """The run cut into its lines where every line holds as many figures and there are several."""
    lines: list[list[Token]] = []
    last: int | None = None
    for token in run:
        line = line_number(token)
        if line is None:
            return None
        if line != last:
            lines.append([])
            last = line
        lines[-1].append(token)
    if len(lines) < _MIN_LINES or len({len(line) for line in lines}) != 1:
        return None
    return lines


def _blocks(appeals: list[Record]) -> tuple[list[Block], int]:
    """The blocks of table 四's part (runs of figures after a blank cell of their record, cut
    into equal lines) and how many of its figures are no block's (table 四's own)."""
    blocks: list[Block] = []
    own = 0
    for record in appeals:
        runs: list[tuple[bool, list[Token]]] = [(False, [])]
        for token in record.values:
            if token.value.kind is CellKind.BLANK:
                runs.append((True, []))
            else:
                runs[-1][1].append(token)
        for after_blank, run in runs:
            block = _block(run) if after_blank and run else None
            if block is None:
                own += len(run)
            else:
                blocks.append(block)
    return blocks, own


def _runs(blocks: list[Block], lacking: int) -> list[list[Block]] | None:
    """The blocks grouped into runs of rows: blocks of one height, in flow order, cut into runs
    of ``lacking`` columns each; None where they do not cut so."""
    runs: list[list[Block]] = []
    for height in dict.fromkeys(len(b) for b in blocks):
        run: list[Block] = []
        columns = 0
        for block in (b for b in blocks if len(b) == height):
            run.append(block)
            columns += len(block[0])
            if columns > lacking:
                return None
            if columns == lacking:
                runs.append(run)
                run, columns = [], 0
        if run:
            return None
    return runs if len(runs) <= _MAX_RUNS else None


def read_spilled_runs(
    template: Template, requests: list[Record], appeals: list[Record], report: Report, evidence: Evidence
) -> None:
    """Read table 三's last rows from their first columns by their labels and their other columns
    in runs of rows among table 四's labels (see the module); ``requests``/``appeals``: the
    records of tables 三 and 四, in order."""
    bound = unsettled_requests(template, report)
    if bound is None or not appeals:
        return
    width = len(template.request_columns)
    trailing = _trailing(requests, width)
    if trailing is None:
        return
    heads, p = trailing
    keys = [row.key for row in template.request_rows][-len(heads) :]
    if len(keys) != len(heads):
        return
    blocks, own = _blocks(appeals)
    lacking = width - p
    if own != len(template.appeal_fields) * len(template.appeal_groups):
        return  # table 四 keeps more or fewer figures than its cells: no such spill
    if sum(len(b) * len(b[0]) for b in blocks) != len(heads) * lacking or not all(_plain(t) for b in blocks for t in b):
        return
    runs = _runs(blocks, lacking)
    if runs is None or sum(len(run[0]) for run in runs) != len(heads):
        return
    current: dict[Hashable, tuple[int | None, ...]] = {key: tuple(v) for key, v in report.requests.items()}
    readings: dict[tuple[tuple[int, ...], ...], list[list[Token]]] = {}
    for order in itertools.permutations(runs):
        tails = [[t for block in run for t in block[i]] for run in order for i in range(len(run[0]))]
        rows = [head + tail for head, tail in zip(heads, tails, strict=True)]
        values = tuple(tuple(int(t.value.amount or 0) for t in row) for row in rows)
        if not all(bound.row_check(key)(row) for key, row in zip(keys, values, strict=True)):
            continue
        if bound.broken({**current, **dict(zip(keys, values, strict=True))}):
            continue
        readings[values] = rows
    if len(readings) != 1:
        return  # no order adds up, or several do: the arithmetic cannot tell
    ((values, rows),) = readings.items()
    for key, row_values, tokens in zip(keys, values, rows, strict=True):
        # the earlier readings' notes on the row (columns not printed, their alternatives) go
        evidence.uncertain[:] = [u for u in evidence.uncertain if u.cell != f"requests.{key}"]
        take_row(
            key,
            row_values,
            tokens,
            report,
            evidence,
            "本行前几列印在标签旁，其余各列印在表四的标签之间（按行分段成块）：按各行合计及表三勾稽关系读取",
            "the row's first columns print by its label, its other columns among table 四's labels in "
            "blocks of rows: read by each row's 总计 and table 三's equations",
        )
