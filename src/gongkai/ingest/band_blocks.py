"""Table 三 read from bands of column blocks whose dash zeros were dropped (``pdftotext``).

A boxed table that a spreadsheet printed (Excel's web-page export printed to PDF, a sheet's own
print) comes out of ``pdftotext``'s default mode in BANDS: the rows between two group rows (or a
tall wrapped row alone), page by page, each band printed column by column — the 自然人 figures of
its rows, a blank line, the 商业企业 figures, …, the 总计 figures. Within a column's block the dash
zeros (``-``) are not printed beside the other figures: a column of the band printed only as
dashes comes out as one dash, a column with figures as its non-zero figures alone, in row order.

So the band's rows and the count of its printed figures per column do not say where the zeros
go. This reader cuts table 三's rows into consecutive bands and its printed blocks into groups of
one block per column (a dynamic programme over (row, block)), and in each band places the zeros
of its short blocks by the equation inside each row (自然人+…+其他 = 总计): only placements that
make every row of the band add up are kept (a bounded search over rows, remembered by how far
each column's block is read). The tables the cuts and placements allow are then ranked by every
equation of table 三 (outcome sums, column balances); where the best ones disagree on a cell, it
is left unknown with the alternatives (``Evidence.undecided``). The reading replaces the one by
labels only where it fits the arithmetic better.

Gate: the figures must be counts, and every row must find its band with every block used; a
table printed row by row, or blocks of another order, finds no such cut.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from typing import NamedTuple

from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.broken_rows import doubt_broken_rows
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_bare, cached_key
from gongkai.ingest.request_labels import printed_rows
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.tied_tables import take_agreed
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_BAND = 10  # rows between two group rows of the statutory table, or a page's part of them
_MAX_SOLUTIONS = 64  # placements of one band's zeros kept (more: the band is not decided by its rows)
_MAX_PARSES = 16  # cuts of the rows into bands kept from one point on
_MAX_TABLES = 2048  # whole tables ranked by the equations
_BUDGET = 40_000  # search states over all bands: past it the layout is not this one
_PART = re.compile(r"part (\d+)$")

Block = list[tuple[int, int]]  # (value, index of its token in the printed figures)
Band = tuple[int, int, list[tuple[tuple[int, ...], ...]]]  # first row, rows, placements (sources per row)


class _Exhausted(Exception):
    pass


class Printed(NamedTuple):
    figures: list[Token]
    blocks: list[Block]
    pages: list[int]  # by block: the page it is printed on (form feeds counted)
    rows: dict[str, int]  # row key → the page its label is printed on, where a label names it once


def printed_blocks(records: Sequence[Record], first: Sequence[str] = ()) -> Printed | None:
    """Table 三's figures in printed order and their blocks: runs of figures that a blank line,
    a label, a page's end or a second figure on the same line (another column's block) ends;
    None where a printed cell is not a count. A page ends at a form feed or where the header's
    first column (``first``: its labels, 自然人) is printed again after figures: a sheet's print
    repeats its header on every page (the running lines with the form feed may be blanked)."""
    figures: list[Token] = []
    blocks: list[Block] = []
    pages: list[int] = []
    named: dict[str, set[int]] = {}
    page = 0
    since = 0  # figures since the page began
    for record in records:
        for label in record.labels:
            if since and ("\f" in label.text or label.text.strip() in first):
                page, since = page + 1, 0
            key = _row_named(label.text)
            if key:
                named.setdefault(key, set()).add(page)
        current: Block = []
        lone = False  # the token before was an all-dash column's lone dash on a figure's line
        for at, token in enumerate(record.values):
            kind = token.value.kind
            if kind is CellKind.BLANK or "\f" in token.text:
                if current:
                    blocks.append(current)
                    pages.append(page)
                if since and "\f" in token.text:
                    page, since = page + 1, 0
                current, lone = [], False
                continue
            since += 1
            amount = token.value.amount
            if kind is CellKind.TEXT or not isinstance(amount, int) or amount < 0:
                return None
            part = _part(token.where)
            if kind is CellKind.DASH and part == 1 and _part(record.values[at + 1 :][:1]) == 2:
                # a column of dashes prints one dash halfway down its band, on the line of the next
                # column's middle figure: a block of its own, before the block that figure is in
                blocks.append([(0, len(figures))])
                pages.append(page)
                figures.append(token)
                lone = True
                continue
            if current and part > 1 and not lone:
                blocks.append(current)
                pages.append(page)
                current = []
            lone = False
            current.append((amount, len(figures)))
            figures.append(token)
        if current:
            blocks.append(current)
            pages.append(page)
    rows = {key: found.pop() for key, found in named.items() if len(found) == 1}
    return Printed(figures, blocks, pages, rows)


def _row_named(text: str) -> str | None:
    """The row of table 三 a label cell names on its own (numbered, or four characters or more)."""
    text = text.replace("\f", "").strip()
    return printed_rows().get(cached_key(text)) or printed_rows().get(cached_bare(text))


def _part(where: str | Sequence[Token]) -> int:
    """Which figure of its printed line a token is (1 the first; 0 alone on its line, or none)."""
    if not isinstance(where, str):
        where = where[0].where if where else ""
    found = _PART.search(where)
    return int(found.group(1)) if found else 0


class _Bands:
    """The cuts of ``rows`` rows into bands over ``blocks`` (see the module's doc)."""

    def __init__(self, printed: Printed, template: Template, inside: list[list[int]]) -> None:
        self.blocks = printed.blocks
        self.pages = printed.pages
        rows = template.request_rows
        self.rows = len(rows)
        width = len(template.request_columns)
        # the page each row's label is printed on, where known; a band never crosses a page
        self.row_pages = [printed.rows.get(row.key) for row in rows]
        self.width = width
        # a group's heading (（三）不予公开, 三 本年度办理结果) is a row without figures: no band crosses it
        self.headed = [
            i > 0
            and bool(
                (row.group and row.group != rows[i - 1].group) or (row.section and row.section != rows[i - 1].section)
            )
            for i, row in enumerate(rows)
        ]
        self.width = width
        self.inside = inside
        self.spent = 0
        self._bands: dict[tuple[int, int, int], list[tuple[tuple[int, ...], ...]]] = {}
        self._parses: dict[tuple[int, int], list[list[Band]]] = {}

    def parses(self, row: int = 0, block: int = 0) -> list[list[Band]]:
        """The cuts of the rows from ``row`` on into bands over the blocks from ``block`` on."""
        if row == self.rows:
            return [[]] if block == len(self.blocks) else []
        key = (row, block)
        if key in self._parses:
            return self._parses[key]
        found: list[list[Band]] = []
        end = block + self.width
        if end <= len(self.blocks) and len(set(self.pages[block:end])) == 1:
            for size in range(1, min(_MAX_BAND, self.rows - row) + 1):
                last = row + size - 1
                if size > 1 and self.headed[last]:
                    break
                if self.row_pages[last] not in (None, self.pages[block]):
                    break  # a row's label on another page than the band's figures
                placed = self.band(row, size, block)
                if not placed:
                    continue
                for rest in self.parses(row + size, end):
                    found.append([(row, size, placed), *rest])
                    if len(found) >= _MAX_PARSES:
                        break
                if len(found) >= _MAX_PARSES:
                    break
        self._parses[key] = found
        return found

    def band(self, row: int, size: int, first: int) -> list[tuple[tuple[int, ...], ...]]:
        """The placements of the band's zeros that make each of its rows add up: per row, the
        index of each cell's figure (-1 a dropped zero)."""
        key = (row, size, first)
        if key in self._bands:
            return self._bands[key]
        columns = self.blocks[first : first + self.width]
        found: list[tuple[tuple[int, ...], ...]] = []
        if all(len(c) <= size or all(v == 0 for v, _ in c) for c in columns):
            found = self._place(columns, size)
        self._bands[key] = found
        return found

    def _place(self, columns: list[Block], size: int) -> list[tuple[tuple[int, ...], ...]]:
        placer = _Placer(self, columns, size)
        placed = placer.rest(0, (0,) * len(columns))
        return [] if len(placed) > _MAX_SOLUTIONS else placed


class _Placer:
    """The placements of one band's dropped zeros (``_Bands.band``), remembered by the row and how
    far each column's block is read."""

    def __init__(self, bands: _Bands, columns: list[Block], size: int) -> None:
        self.bands = bands
        self.columns = columns
        self.size = size
        # an all-dash column: one dash (or as many as rows) for a column of zeros
        self.lengths = [0 if all(v == 0 for v, _ in c) else len(c) for c in columns]
        self.memo: dict[tuple[int, tuple[int, ...]], list[tuple[tuple[int, ...], ...]]] = {}

    def rest(self, r: int, at: tuple[int, ...]) -> list[tuple[tuple[int, ...], ...]]:
        lengths = self.lengths
        if r == self.size:
            return [()] if all(a == n for a, n in zip(at, lengths, strict=True)) else []
        state = (r, at)
        if state in self.memo:
            return self.memo[state]
        self.bands.spent += 1
        if self.bands.spent > _BUDGET:
            raise _Exhausted
        left = self.size - r
        choices: list[list[tuple[int, int, int]]] = []  # per column: (value, source, step)
        for c, column in enumerate(self.columns):
            options: list[tuple[int, int, int]] = []
            if at[c] < lengths[c]:
                value, source = column[at[c]]
                options.append((value, source, 1))
            # a dropped dash: pdftotext joins a line ending in a hyphen to the next line of its
            # block, so a zero goes unprinted only above a figure still to come (the block's
            # last line keeps its dash), with rows enough below for those figures
            if lengths[c] == 0 or at[c] < lengths[c] < at[c] + left:
                options.append((0, -1, 0))
            if not options:
                self.memo[state] = []
                return []
            choices.append(options)
        out: list[tuple[tuple[int, ...], ...]] = []
        for cells in _product(choices, self.bands.inside):
            sources = tuple(s for _, s, _ in cells)
            after = tuple(a + step for a, (_, _, step) in zip(at, cells, strict=True))
            for tail in self.rest(r + 1, after):
                out.append((sources, *tail))
                if len(out) > _MAX_SOLUTIONS:
                    break
            if len(out) > _MAX_SOLUTIONS:
                break
        self.memo[state] = out
        return out


def _product(choices: list[list[tuple[int, int, int]]], inside: list[list[int]]) -> list[list[tuple[int, int, int]]]:
    """The choices of one row's cells that hold its equations (at most two options a column)."""
    rows: list[list[tuple[int, int, int]]] = [[]]
    for options in choices:
        rows = [[*row, option] for row in rows for option in options]
    return [row for row in rows if all(sum(k * v for k, (v, _, _) in zip(eq, row, strict=True)) == 0 for eq in inside)]


def read_band_blocks(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Replace the reading of table 三 by the one from its bands of column blocks (see the
    module's doc) where the arithmetic prefers it; ``records``: table 三's records in order."""
    bound = requests_bound(template.id)
    now = requests_now(template, report)
    if now.complete and not now.broken():
        return
    labelled: dict[Hashable, tuple[int | None, ...]] = now.table()
    if _prints_zero(records):
        # a zero printed 0 is never dropped: the table printed every cell (read_blocks's layout);
        # told of the records, before the blocks are built
        return
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    inside = row_equations(bound, keys, width)
    printed = printed_blocks(records, template.request_columns[0].labels if template.request_columns else ())
    if inside is None or printed is None:
        return
    figures, blocks = printed.figures, printed.blocks
    # each band one block a column: fewer blocks than columns, or too many for the rows, is no band print
    if len(blocks) % width or not width <= len(blocks) <= len(keys) * width:
        return
    search = _Bands(printed, template, inside)
    try:
        parses = search.parses()
    except _Exhausted:
        return
    tables = _tables(parses, figures, keys, width)
    if not tables:
        return

    def rank(table: dict[Hashable, tuple[int | None, ...]]) -> tuple[int, int]:
        satisfied, broken = bound.score(table)
        return broken, -satisfied

    tables.sort(key=lambda t: rank(t[0]))
    best = rank(tables[0][0])
    tied = [t for t in tables if rank(t[0]) == best]
    before_satisfied, before_broken = bound.score(labelled)
    if -best[1] - best[0] <= before_satisfied - before_broken:
        return  # the labels' reading fits the arithmetic as well
    _take(keys, width, figures, tied, report, evidence)
    doubt_broken_rows(template, report, evidence)


def _prints_zero(records: list[Record]) -> bool:
    """Whether a cell ``printed_blocks`` would take among its figures prints 0 (not a dash): then
    the table printed every cell, or one of its cells is no count (a blocks' reading returns
    either way)."""
    blank, dash = CellKind.BLANK, CellKind.DASH
    return any(
        (kind := t.value.kind) is not blank and kind is not dash and t.value.amount == 0 and "\f" not in t.text
        for record in records
        for t in record.values
    )


def _tables(
    parses: list[list[Band]], figures: list[Token], keys: Sequence[Hashable], width: int
) -> list[tuple[dict[Hashable, tuple[int | None, ...]], dict[tuple[int, int], int]]]:
    """Every table the cuts and placements allow (at most ``_MAX_TABLES``, else none), each with
    its cells' sources (the index of the printed figure; a dropped zero has none)."""
    found: list[tuple[dict[Hashable, tuple[int | None, ...]], dict[tuple[int, int], int]]] = []
    seen: set[tuple[tuple[int | None, ...], ...]] = set()
    for parse in parses:
        partial: list[list[tuple[tuple[int, ...], ...]]] = [[]]
        for _, _, placements in parse:
            partial = [[*p, q] for p in partial for q in placements]
            if len(partial) > _MAX_TABLES:
                return []
        for choice in partial:
            rows = [row for band in choice for row in band]
            table: dict[Hashable, tuple[int | None, ...]] = {
                key: tuple(0 if s < 0 else int(figures[s].value.amount or 0) for s in rows[i])
                for i, key in enumerate(keys)
            }
            signature = tuple(table.values())
            if signature in seen:
                continue
            seen.add(signature)
            sources = {(i, c): s for i, row in enumerate(rows) for c, s in enumerate(row) if s >= 0}
            found.append((table, sources))
            if len(found) > _MAX_TABLES:
                return []
    return found


def _take(
    keys: Sequence[Hashable],
    width: int,
    figures: list[Token],
    tied: list[tuple[dict[Hashable, tuple[int | None, ...]], dict[tuple[int, int], int]]],
    report: Report,
    evidence: Evidence,
) -> None:
    sources = tied[0][1]
    rows = {key: i for i, key in enumerate(keys)}

    def where_of(key: Hashable, c: int) -> str | None:  # a dropped zero has no source
        source = sources.get((rows[key], c))
        return None if source is None else figures[source].where

    take_agreed(
        [table for table, _ in tied],
        keys,
        width,
        where_of,
        (
            "表三按行组分块、逐列印出，且列中的“-”（零）未印出：按各行合计与表内勾稽关系放回零值读取",
            "table 三 prints its rows in bands, each band column by column with the dash zeros of a "
            "column left out: the zeros placed where every row adds up to its 总计 and the table's "
            "equations hold",
            figures[0].where,
        ),
        report,
        evidence,
        (
            "放回零值的几种方式都合乎勾稽关系，在此格不一致（{readings}），记为未知",
            "placements of the dropped zeros that the arithmetic cannot tell apart differ here "
            "({readings}); left unknown",
        ),
    )
