"""Table 三 read from its figures in printed order where a Word print's rows come out as bands.

``pdftotext``'s default mode prints a Word (LibreOffice) table that prints every cell, zeros as
``0``, row after row, but not cell after cell: a figure too wide for its narrow cell wraps (full-
width ``４２`` over ``０``), its tail printed after the row's other figures or a few after its head
(``３２４ １８ １３ ３４ ３１ ０ ４２ ０`` is 324 18 13 34 31 0 420); and the 自然人 cell beside a tall
label prints with the label, a row early or late (``４ １ | ０ ０ ０ ０ ０ ４ | １ ０ ０ ０ ０ ２``:
two rows' 自然人 cells, then each row's others). The labels then name the wrong figures, and the
reading of the figures one to a cell (``inorder``) fails on the extra tails.

Here the figures are cut into the template's rows in order: each row takes its next figures (its
自然人 cell perhaps taken up to ``_AHEAD`` rows early, or printed after its other cells), up to
``MAX_TAILS`` of them tails joined, in order, to earlier cells of the row (a 0 is no head); the
table's last row may print its zeros out of place (its figures in order, its zeros anywhere); and
a row's 总计 or 自然人 cell may come a few rows late (a 总计 wrapped with its unit, ``1200`` over
``件``): the row takes its other figures, and the value its sum holds with is owed, taken where it
stands later (up to ``_OWED`` open at once). A cut stands only where each row's 总计 is the sum of
its cells. Every cut of the whole table that also keeps every column
equation of the table (``report.equations``) is a reading; cells all readings agree on are read,
the others left unknown with the readings as alternatives. The reading is taken only where the
labelled one left cells unknown or broke more equations, and the table is named in ``uncertain``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, printed_counts
from gongkai.ingest.row_reading import Value
from gongkai.report.equations import Bound, mended, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_AHEAD = 3  # rows' 自然人 cells printed ahead of the rows before them
_LATE = 120  # figures after a row among which its cell printed late may stand
_OWED = 2  # cells printed after later rows (a row's 总计 or 自然人)
MAX_TAILS = 3  # wrapped tails in one row (public: ``banded_tail``'s bands take as many)
_MAX_TABLES = 16  # readings keeping every equation past which the cut is not taken
_MAX_CUTS = 256  # cuts into rows (each row adding up) past which the search gives up
_MAX_STATES = 20_000  # rows tried in all (a table with many equal rows cuts many ways)
# rows built and joins weighed in all, past which the search gives up: the prints it reads need up
# to 210,000 (each fixture set's, 2026-12; a join not adding up is weighed, never built), a table it
# cannot read ran to 2 million (6 s)
_MAX_WORK = 1_000_000
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

_NOT_DIGIT = re.compile(r"[^0-9]")
Row = tuple[int, ...]
Cut = tuple[Row, ...]


class Cutter:
    """Cuts of ``amounts`` into the rows of table 三 (see the module).

    Public for searches that extend the cut (``banded_tail``): they override ``steps`` (the cuts
    of the rows left from one place), reuse the row readings of a searched cutter
    (``rest_memo``, ``row_memo``), count their own cost on ``states`` and ``work``, and stop
    where ``stopped_short`` says the bounds are passed."""

    def __init__(self, amounts: list[int], texts: list[str], rows: list[str], n: int, bound: Bound) -> None:
        self.amounts, self.texts, self.rows, self.n, self.bound = amounts, texts, rows, n, bound
        # a tail's digits joined to its head's: head × 10^len(tail) + tail (``05`` keeps its 0)
        self.scales = [10 ** len(text) for text in texts]
        self.checks = [bound.row_check(key) for key in rows]
        self.memo: dict[tuple[int, int, tuple[int, ...], tuple[int, ...]], list[Cut]] = {}
        self.states = 0
        self.work = 0  # rows built and joins weighed in all: the search's cost, bounded by ``_MAX_WORK``
        # a row's readings depend only on where it starts (and its 自然人 cell), not on the rows held
        # or owed around it: read each once (a Word print's table was searched 24,000 times, 40 s)
        self.rest_memo: dict[tuple[int, int, int, int], list[Row]] = {}
        self.row_memo: dict[tuple[int, int], list[tuple[Row, int]]] = {}

    def _joined(self, r: int, cells: Sequence[int], tails: Sequence[int]) -> list[Row]:
        """``cells`` with ``tails`` (indices into amounts, in order) appended to distinct cells in
        order, each to a cell printed before it, where row ``r`` then keeps its own equations; only
        a tail of digits can be one. The last tail's head is the one cell its join mends the row
        by (``Bound.row_gaps``), not each cell tried: the search's cost, several tails to a row."""
        amounts, scales, texts = self.amounts, self.scales, self.texts
        plain = [amounts[i] for i in cells]
        if not tails:
            return [tuple(plain)] if self.checks[r](plain) else []
        # a tail printed before its head, or a head 0 (no count prints as 0…), is no head
        heads_of = [[h for h, cell in enumerate(cells) if cell < t and texts[cell] != "0"] for t in tails]
        out: list[Row] = []
        last, weights = tails[-1], self.bound.row_weights(self.rows[r], len(cells))
        for heads in _increasing(heads_of[:-1], 0):
            self.work += 1  # a row built (its first tails joined)
            row = list(plain)
            for h, t in zip(heads, tails, strict=False):
                row[h] = row[h] * scales[t] + amounts[t]
            gaps = self.bound.row_gaps(self.rows[r], row)
            after = heads[-1] if heads else -1
            for h in heads_of[-1]:
                if h <= after:
                    continue
                self.work += 1  # a join weighed (the old search built and checked each)
                change = row[h] * (scales[last] - 1) + amounts[last]
                if mended(gaps, weights[h], change):
                    joined = list(row)
                    joined[h] += change
                    out.append(tuple(joined))
        return out

    def _rest_options(self, r: int, pos: int, own: int, c0: int) -> list[Row]:
        """Readings of row ``r`` from its 自然人 cell ``c0`` and the ``own`` figures of its other
        cells from ``pos`` (the rest wrapped tails)."""
        key = (r, pos, own, c0)
        if key in self.rest_memo:
            return self.rest_memo[key]
        found: list[Row] = []
        for tails in itertools.combinations(range(pos + 1, pos + own), own - self.n + 1):
            cells = [c0, *(i for i in range(pos, pos + own) if i not in tails)]
            found += self._joined(r, cells, tails)
        self.rest_memo[key] = found
        return found

    def _row_options(self, r: int, pos: int) -> list[tuple[Row, int]]:
        """Readings of row ``r`` printed whole from ``pos``: (its cells, where the next row starts)."""
        if (r, pos) in self.row_memo:
            return self.row_memo[r, pos]
        n, amounts, check = self.n, self.amounts, self.checks[r]
        found: list[tuple[Row, int]] = []
        for extra in range(MAX_TAILS + 1):
            own = n + extra
            if pos + own > len(amounts):
                break
            span = list(range(pos, pos + own))
            # as printed; or its 自然人 cell printed after the row's other cells
            for order in (span, span[-1:] + span[:-1]):
                for tails in itertools.combinations(range(1, own), extra):
                    cells = [order[i] for i in range(own) if i not in tails]
                    found += [(row, pos + own) for row in self._joined(r, cells, [order[i] for i in tails])]
        row = tuple(amounts[pos : pos + n])
        if r == len(self.rows) - 1 and len(row) == n:
            # the table's last row prints its 0 cells out of place (after the row's figures, or
            # among them): its figures in order, its zeros anywhere; the column equations place them
            found += [(moved, pos + n) for moved in _zeros_anywhere(row) if check(moved)]
        self.row_memo[r, pos] = found
        return found

    def cuts(self, r: int, pos: int, held: tuple[int, ...], owed: tuple[int, ...] = ()) -> list[Cut]:
        """Every cut of rows ``r``… from ``pos`` (capped past ``_MAX_CUTS``); ``held``: the
        自然人 cells of rows ``r``… taken ahead of the other cells of the rows before them;
        ``owed``: the values of cells of earlier rows printed later (sorted)."""
        key = (r, pos, held, owed)
        if key in self.memo:
            return self.memo[key]
        self.states += 1
        out: list[Cut] = []
        if not self.stopped_short():
            out = self.steps(r, pos, held, owed)
        self.memo[key] = out[: _MAX_CUTS + 1]
        return self.memo[key]

    def stopped_short(self) -> bool:
        """Whether the search has passed its bounds (``_MAX_STATES`` rows tried, ``_MAX_WORK``
        rows built and joins weighed): its cuts are then not all the cuts."""
        return self.states > _MAX_STATES or self.work > _MAX_WORK

    def steps(self, r: int, pos: int, held: tuple[int, ...], owed: tuple[int, ...]) -> list[Cut]:
        """The cuts of rows ``r``… from ``pos``: each reading of row ``r`` there, the next figure
        taken as a later row's 自然人 cell, or as an earlier row's cell printed late."""
        n, left = self.n, len(self.amounts) - pos
        out: list[Cut] = []
        if left and self.amounts[pos] in owed:
            # an earlier row's cell printed late (its 总计 wrapped with its unit, a tall label's
            # 自然人 cell): the value its row's sum gave it
            rest = list(owed)
            rest.remove(self.amounts[pos])
            out += self.cuts(r, pos + 1, held, tuple(rest))
        if r == len(self.rows):
            return out if owed or held else [()]
        steps: list[tuple[Row, int, tuple[int, ...]]] = []
        if held:
            for own in range(n - 1, min(n + MAX_TAILS, left + 1)):
                steps += [(row, pos + own, owed) for row in self._rest_options(r, pos, own, held[0])]
        else:
            steps = [(row, end, owed) for row, end in self._row_options(r, pos)]
            if len(owed) < _OWED and left >= n - 1:
                steps += [(row, pos + n - 1, tuple(sorted((*owed, late)))) for row, late in self._short(r, pos)]
        for row, end, later_owed in dict.fromkeys(steps):
            out += [(row, *later) for later in self.cuts(r + 1, end, held[1:], later_owed)]
        if len(held) < _AHEAD and r + len(held) < len(self.rows) and left:
            # the next figure is a later row's 自然人 cell, printed with its label (a tall cell)
            # ahead of the other cells of the rows before it
            out += self.cuts(r, pos + 1, (*held, pos), owed)
        return list(dict.fromkeys(out))

    def _short(self, r: int, pos: int) -> list[tuple[Row, int]]:
        """Row ``r`` from the next ``n - 1`` figures, its 自然人 or 总计 cell printed later (among
        the next ``_LATE`` figures): each value of it that the row's sum holds with, and the row."""
        n, check = self.n, self.checks[r]
        figures = self.amounts[pos : pos + n - 1]
        later = set(self.amounts[pos + n - 1 : pos + n - 1 + _LATE])
        found: list[tuple[Row, int]] = []
        for place in (0, n - 1):
            for value in later:
                row = (*figures[:place], value, *figures[place:])
                if check(row):
                    found.append((row, value))
        return found


def _increasing(options: Sequence[Sequence[int]], after: int) -> list[tuple[int, ...]]:
    """One choice from each of ``options`` in turn, each above the one before (and ``after``)."""
    if not options:
        return [()]
    return [(h, *rest) for h in options[0] if h >= after for rest in _increasing(options[1:], h + 1)]


def _zeros_anywhere(row: Row) -> list[Row]:
    """``row``'s non-zero cells in order with its zeros in every other set of places."""
    figures = [v for v in row if v]
    out: list[Row] = []
    for places in itertools.combinations(range(len(row)), len(figures)):
        cells = [0] * len(row)
        for place, figure in zip(places, figures, strict=True):
            cells[place] = figure
        out.append(tuple(cells))
    return out


def _table(rows: list[str], cut: tuple[Row, ...]) -> dict[Hashable, tuple[Value, ...]]:
    return dict(zip(rows, cut, strict=True))


def read_row_bands(template: Template, records: list[Record], report: Report, evidence: Evidence) -> Cutter | None:
    """Replace the labelled reading of table 三 by the row-band one where the figures cut into
    rows every way the equations keep agree, and the labelled reading is unfinished or broken;
    ``records``: the records of tables 三 and 四, in order. The cutter where it searched in vain
    (its rows' readings serve ``banded_tail``), else None."""
    printed = banded_figures(template, records, report)
    if printed is None:
        return None
    figures, texts = printed
    rows = [row.key for row in template.request_rows]
    cutter = Cutter([int(t) for t in texts], texts, rows, len(template.request_columns), requests_bound(template.id))
    if take_cuts(template, cutter, cutter.cuts(0, 0, ()), figures[0].where, report, evidence):
        return None
    return cutter


def banded_figures(template: Template, records: list[Record], report: Report) -> tuple[list[Token], list[str]] | None:
    """Table 三's figures in printed order and their digits as printed (a tail joins its head's
    digits: ``00`` is not ``0``), where the labelled reading is unfinished or broken and the
    figures are a flow of counts, as many as the table's cells at least; None otherwise."""
    n = len(template.request_columns)
    rows = [row.key for row in template.request_rows]
    bound = requests_bound(template.id)
    labelled: dict[Hashable, tuple[Value, ...]] = {key: tuple(v) for key, v in report.requests.items()}
    complete = all(None not in values for values in labelled.values())
    if complete and bound.broken(labelled) == 0:
        return None  # the usual case: the labels read the table
    figures = printed_counts(records)
    if figures is None or any(t.x is not None or " cell " in t.where for t in figures):
        return None  # a laid-out or celled table (HTML, Word, pipes): its cells are placed, not flowed
    # cheap gate: a table printing every cell (zeros as 0), as many figures as cells at least
    if figures is None or len(figures) < n * len(rows) or any(t.value.kind is not CellKind.NUMBER for t in figures):
        figures = None if figures is None else _numbers_before_dashes(figures)
    if figures is None or len(figures) < n * len(rows):
        return None
    # the digits as printed, without a unit
    texts = [_NOT_DIGIT.sub("", t.text.translate(_FULL_WIDTH)) for t in figures]
    if not all(t and int(t) == token.value.amount for t, token in zip(texts, figures, strict=True)):
        return None
    return figures, texts


def take_cuts(
    template: Template, cutter: Cutter, found: list[Cut], where: str, report: Report, evidence: Evidence
) -> bool:
    """Read table 三 from ``found`` (the cutter's cuts) where the search was complete and the cuts
    keeping every equation are few; cells they disagree on are left unknown. Whether it was read."""
    n, rows, bound = cutter.n, cutter.rows, cutter.bound
    if len(found) > _MAX_CUTS or cutter.stopped_short():
        return False  # too many ways to cut: the search stopped short of some
    distinct = [c for c in found if bound.broken(_table(rows, c)) == 0]
    if not distinct or len(distinct) > _MAX_TABLES:
        return False
    for i, key in enumerate(rows):
        cells = [distinct[0][i][c] if len({t[i][c] for t in distinct}) == 1 else None for c in range(n)]
        report.requests[key] = list[int | None](cells)
    evidence.forget("requests.")
    evidence.doubt(
        "requests",
        None,
        f"表三的行标签与数字分开印出，部分数字折行：按数字的印刷顺序逐行读取（每行 {n} 列，折行的数字接回），"
        "各行合计与表中勾稽关系均相符",
        "table 三 prints its labels apart from its figures and wraps some figures: read in printed "
        f"order, {n} to a row with the wrapped tails joined back, every row's total and every equation "
        "of the table holding",
        where,
    )
    if len(distinct) > 1:
        evidence.alternatives([[list(t[i]) for i in range(len(rows))] for t in distinct])
    return True


def _numbers_before_dashes(figures: list[Token]) -> list[Token] | None:
    """The figures up to the first that is not a printed number (table 四's dashes after table 三)."""
    for i, token in enumerate(figures):
        if token.value.kind is not CellKind.NUMBER:
            return figures[:i]
    return figures
