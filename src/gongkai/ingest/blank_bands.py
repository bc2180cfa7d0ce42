"""Table 三 of a page print leaving its zero cells blank, its figures in two bands of columns
(``pdftotext`` default mode).

Chromium printing an Excel-like page sets a table whose middle columns are blank (nobody of that
kind applied) as two blocks of text: ``pdftotext`` gives each row's left figures beside or after
the row labels, and only after the table's last label and a blank line the right figures of the
same rows, row after row (``１ １７`` / ``２`` / ``２５`` / …). The table's first rows may print
all their figures before the labels, their total first (``８０ ４４ ２７`` / ``８８`` / ``３`` /
``６`` / ``０`` is 806 44 27 3 880). Full-width figures too wide for their cells wrap (``８０``
over ``６``), the tail after the head in the same band. Zero cells print nothing, a row of zeros
no figure at all.

Each row takes its next figures of the left band, then (from some row on) its next of the right,
whole printed lines of each (a line holds one row's figures of its band), up to ``_MAX_TAILS``
tails (figures alone on their line) joined to earlier heads of its band, and must add up to its
total; a row printing nothing is all zeros. Which rows print nothing is what the sums cannot tell
(a row's figures can slide to a neighbouring blank row keeping every sum), so the cut taken is the
one whose left figures stand nearest their rows' labels: a row costs 0 whose figures stand between
its label and the next row's, 1 whose figures stand before its label but after the labels above
(the first rows' before the table's first labels), 2 otherwise. The cuts of least cost whose 总计
column keeps the table's equations are kept, where few and all known. Their rows' figures are then
placed in columns as ``blank_zero_rows`` places a Word table's: a cut no placing keeps the
equations with is dropped, a cell is read where every placing of every cut agrees (the 自然人 cell
by the placings of least cost, named in ``uncertain``); which organisation columns hold the other
figures is mostly left open by the sums (a whole column can move into a blank one), those cells
unknown with their possible values named. The whole reading is named in ``uncertain``.

Gated: tried only where the reading so far left cells unknown or broke the arithmetic, on flowed
lines (no table cells, no laid-out places), table 三 printing fewer figures than cells (a printed 0
can only be a wrapped tail) and a right band of ``_LEAST_BAND`` figures or more closing it.
Bounded by ``_MAX_WORK`` readings weighed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from gongkai.ingest.banded_tail import right_band
from gongkai.ingest.blank_zero_rows import least_tables, row_placements, take_placed, unsettled_requests
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, line_number
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.row_reading import Reading
from gongkai.ingest.vanished_tables import Table
from gongkai.report.equations import Bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_TAILS = 2  # wrapped tails in one band of one row
# part readings built and weighed, past which nothing is read: the print it reads needs 8,400
_MAX_WORK = 30_000
_LEAST_BAND = 2  # figures of a right band (a lone figure after a blank line is no band of columns)
_MAX_CUTS = 4  # cuts of least cost past which nothing is read (the rows' figures then unsure)
_SLACK = 2  # cost above the least within which cuts are kept (the least may break the equations)
_MAX_KEPT = 64  # cuts kept from one state on
_ENDLESS = 1 << 30  # no cost bound
_FLOW = re.compile(r"line \d+( part \d+)?")  # a figure of a line of flowed text (no table cell)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGITS = re.compile(r"[0-9]+")

Figures = tuple[int, ...]  # a row's non-zero cells in column order, its total last


class _Budget(Exception):
    """The search's work ran past ``_MAX_WORK``."""


@dataclass
class _Search:
    left: list[Token]
    right: list[Token]
    width: int
    windows: list[tuple[int, int, int] | None]  # each row's first early line, label line, next label line
    work: int = 0
    part_memo: dict[tuple[int, int, int], list[Figures]] = field(default_factory=dict)
    memo: dict[tuple[int, int, int], tuple[list[tuple[int, tuple[Figures, ...]]], int]] = field(default_factory=dict)
    total_memo: dict[tuple[int, int, int], dict[int, list[Figures]]] = field(default_factory=dict)
    rows_memo: dict[tuple[int, int, int], list[tuple[Figures, int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # a printed line holds one row's figures of its band: rows are cut between lines only
        self.ends = [_line_ends(self.left), _line_ends(self.right)]

    def spend(self, amount: int = 1) -> None:
        self.work += amount
        if self.work > _MAX_WORK:
            raise _Budget

    def part(self, band: int, start: int, length: int) -> list[Figures]:
        """The readings of ``length`` figures of a band from ``start``: heads in order, up to
        ``_MAX_TAILS`` of the later figures tails joined (digits appended) to distinct earlier heads."""
        key = (band, start, length)
        if key in self.part_memo:
            return self.part_memo[key]
        tokens = (self.left if band == 0 else self.right)[start : start + length]
        texts = [t.text.translate(_FULL_WIDTH) for t in tokens]
        # a wrapped tail stands on a line of its own
        alone = [i for i in range(1, length) if " part " not in tokens[i].where]
        out: list[Figures] = []
        for count in range(min(_MAX_TAILS, len(alone)) + 1):
            for tails in itertools.combinations(alone, count):
                heads = [i for i in range(length) if i not in tails]
                if any(texts[h] == "0" or int(texts[h]) == 0 for h in heads):
                    continue  # a blank-zero print prints no 0 but as a tail
                for joined in itertools.combinations(range(len(heads)), count):
                    self.spend()
                    if any(heads[j] > t for j, t in zip(joined, tails, strict=True)):
                        continue  # a tail comes after its head
                    digits = [texts[h] for h in heads]
                    for j, t in zip(joined, tails, strict=True):
                        digits[j] += texts[t]
                    out.append(tuple(int(d) for d in digits))
        self.part_memo[key] = out = list(dict.fromkeys(out))
        return out

    def cost(self, row: int, start: int, length: int) -> int:
        """0 where ``row``'s left figures stand between its label and the next row's, 1 where some
        stand before its label (after the labels above it), 2 where some stand further off."""
        window = self.windows[row]
        if window is None:
            return 0
        early, own, after = window
        lines = [line for t in self.left[start : start + length] if (line := line_number(t)) is not None]
        if all(own <= line < after for line in lines):
            return 0
        return 1 if all(early <= line < after for line in lines) else 2

    def totals(self, start: int, length: int) -> dict[int, list[Figures]]:
        """The right band's readings from ``start`` with one figure the row's total, by what the
        row's left figures must add up to: the others in order, the total last."""
        key = (2, start, length)
        if key not in self.total_memo:
            found: dict[int, list[Figures]] = {}
            for heads in self.part(1, start, length):
                for k, total in enumerate(heads):
                    others = heads[:k] + heads[k + 1 :]
                    if total > sum(others):
                        found.setdefault(total - sum(others), []).append((*others, total))
            self.total_memo[key] = found
        return self.total_memo[key]

    def rows(self, i: int, j: int) -> list[tuple[Figures, int, int]]:
        """A row's readings from left figure ``i`` and right figure ``j``: (figures, left and right
        figures taken); a row's readings do not depend on which row it is."""
        key = (3, i, j)
        if key in self.rows_memo:
            return self.rows_memo[key]
        out: list[tuple[Figures, int, int]] = [((), 0, 0)]  # a row of zeros
        most = self.width + _MAX_TAILS
        rights = [(b, self.totals(j, b)) for b in range(1, min(most, len(self.right) - j) + 1) if j + b in self.ends[1]]
        for b, by_need in rights:
            out += [(f, 0, b) for f in by_need.get(0, [])]
        for a in range(1, min(most, len(self.left) - i) + 1):
            if i + a not in self.ends[0]:
                continue
            for heads in self.part(0, i, a):
                self.spend()
                if j == 0:  # the right band not begun: the row may print all its figures here
                    out += [(f, a, 0) for f in _with_total(heads)]
                need = sum(heads)
                for b, by_need in rights:
                    out += [((*heads, *more), a, b) for more in by_need.get(need, [])]
        self.rows_memo[key] = out = [r for r in out if len(r[0]) <= self.width]
        return out

    def cuts(self, row: int, i: int, j: int) -> tuple[list[tuple[int, tuple[Figures, ...]]], int]:
        """Cuts of the rows from ``row`` on from figures ``i``/``j`` with their costs, and the cost
        below which every cut is among them (cuts past ``_SLACK`` above the least, or past
        ``_MAX_KEPT``, are dropped a whole cost at a time)."""
        if row == len(self.windows):
            return ([(0, ())] if i == len(self.left) and j == len(self.right) else []), _ENDLESS
        key = (row, i, j)
        if key in self.memo:
            return self.memo[key]
        found: list[tuple[int, tuple[Figures, ...]]] = []
        bound = _ENDLESS
        for figures, a, b in self.rows(i, j):
            cost = self.cost(row, i, a) if a else 0
            rest, below = self.cuts(row + 1, i + a, j + b)
            bound = min(bound, cost + below)
            found += [(cost + c, (figures, *rest)) for c, rest in rest]
        found.sort(key=lambda item: item[0])
        if found:
            bound = min(bound, found[0][0] + _SLACK + 1)
            if len(found) > _MAX_KEPT:
                bound = min(bound, found[_MAX_KEPT][0])
            found = [item for item in found if item[0] < bound]
        self.memo[key] = found, bound
        return found, bound


def _line_ends(tokens: Sequence[Token]) -> set[int]:
    """Indices after the last figure of each printed line."""
    lines = [t.where.split(" part ")[0] for t in tokens]
    return {i + 1 for i in range(len(lines)) if i + 1 == len(lines) or lines[i + 1] != lines[i]}


def _with_total(heads: Figures) -> list[Figures]:
    """A row printed in one band with one of its figures its total (the sum of the others, printed
    perhaps before them): the others in order, the total last."""
    whole = sum(heads)
    out = [(*heads[:k], *heads[k + 1 :], v) for k, v in enumerate(heads) if len(heads) > 1 and v * 2 == whole]
    return list(dict.fromkeys(out))


def _windows(keys: Sequence[str], raw: dict[str, RequestRaw]) -> list[tuple[int, int, int] | None]:
    """Each row's lines: where its left figures may stand early (after the labels above its run of
    labels on consecutive lines: from the table's start for the first run), its label's, and the
    next labelled row's (its figures stand before it)."""
    lines = [line_number(raw[key].label) if key in raw else None for key in keys]
    known = sorted({x for x in lines if x is not None})
    out: list[tuple[int, int, int] | None] = []
    for r, line in enumerate(lines):
        if line is None:
            out.append(None)
            continue
        first = line
        while first - 1 in known:
            first -= 1
        early = next((x + 1 for x in reversed(known) if x < first), -(1 << 30))
        after = next((x for x in lines[r + 1 :] if x is not None and x > line), 1 << 30)
        out.append((early, line, after))
    return out


def _totals(keys: Sequence[str], width: int, cut: tuple[Figures, ...]) -> Table:
    """The table a cut gives its 总计 column, the other cells unknown."""
    return {
        key: (*(None,) * (width - 1), figures[-1] if figures else 0) for key, figures in zip(keys, cut, strict=True)
    }


def _leading(before: list[Record], first: Record) -> list[Token]:
    """The figures printed between the table's header and its first label (the first rows'
    figures): the values of the record just before the table's first, where all are counts."""
    if not before or not first.labels:
        return []
    values = [t for t in before[-1].values if t.value.kind is not CellKind.BLANK]
    start = line_number(first.labels[0])
    if not values or start is None:
        return []
    if any(t.value.kind is not CellKind.NUMBER or not isinstance(t.value.amount, int) for t in values):
        return []
    if not all(_DIGITS.fullmatch(t.text.translate(_FULL_WIDTH)) for t in values):
        return []  # a grouped figure (1,234): its text is not a count's digits
    if any((line := line_number(t)) is None or line >= start for t in values):
        return []
    return values


def read_blank_bands(
    template: Template,
    before: list[Record],
    requests: list[Record],
    raw: dict[str, RequestRaw],
    report: Report,
    evidence: Evidence,
) -> None:
    """Read table 三 from two bands of figures with blank zeros (see the module); ``before``: the
    records before the table's (its first rows' figures may close them)."""
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = unsettled_requests(template, report)
    if bound is None:
        return
    band = right_band(requests)
    if band is None or not requests:
        return
    tokens = [t for record in requests for t in record.values]
    if any(not _FLOW.fullmatch(t.where) or t.x is not None for t in tokens):
        return  # cells of a table or of laid-out lines: their places are read elsewhere
    printed = [t for t in tokens if t.value.kind is not CellKind.BLANK]
    if band[1] != len(printed) or any(t.value.kind is not CellKind.NUMBER for t in printed):
        return
    if not all(_DIGITS.fullmatch(t.text.translate(_FULL_WIDTH)) for t in printed):
        return  # a share (5.3%), a decimal or a grouped figure: not a count its tails can join
    leading = _leading(before, requests[0])
    left = leading + printed[: band[0]]
    right = printed[band[0] :]
    if len(left) + len(right) >= len(keys) * width or len(right) < _LEAST_BAND:
        return  # every cell printed: no blank-zero print
    search = _Search(left, right, width, _windows(keys, raw))
    try:
        found, complete = search.cuts(0, 0, 0)
    except _Budget:
        return
    # the 总计 column's equations weigh the cuts before any placing (a row's total is its last figure)
    kept = [(cost, cut) for cost, cut in found if not bound.broken(_totals(keys, width, cut))]
    least = min((cost for cost, _ in kept), default=_ENDLESS)
    cuts = [cut for cost, cut in kept if cost == least]
    if least >= complete or len(cuts) > _MAX_CUTS:
        return  # the cuts of least cost not all known, or too many
    if any(key not in raw for key in keys):
        return
    _placed(keys, width, cuts, bound, raw, report, evidence, right[0].where)


def _placed(
    keys: Sequence[str],
    width: int,
    cuts: list[tuple[Figures, ...]],
    bound: Bound,
    raw: dict[str, RequestRaw],
    report: Report,
    evidence: Evidence,
    where: str,
) -> None:
    """Place each cut's rows in columns (``blank_zero_rows``) and read what every placing agrees on."""
    least_all: list[Table] = []
    every_all: list[Table] = []
    printed: dict[str, list[int]] = {}
    for cut in cuts:
        choices: dict[Hashable, list[Reading]] = {}
        for key, figures in zip(keys, cut, strict=True):
            placements = row_placements(figures, width)
            choices[key] = [Reading(c, (None,) * width, ("",) * width, k, "", "") for c, k in placements]
        least = least_tables(choices, keys, bound)
        free = {key: [r._replace(cost=0) for r in found] for key, found in choices.items()}
        every = least_tables(free, keys, bound) if least else None
        if not least or not every:
            continue  # no placing keeps the equations: not this cut
        least_all += least
        every_all += every
        for key, figures in zip(keys, cut, strict=True):
            printed[key] = sorted({*printed.get(key, figures), *figures}) if key in printed else list(figures)
    if not least_all:
        return
    take_placed(keys, width, least_all, every_all, printed, report, evidence, raw)
    evidence.doubt(
        "requests",
        None,
        "表三留空了为零的单元格，数字分两段印出（左侧各列随行标签，右侧各列在表末空行之后）："
        "按数字的印刷顺序逐行读取，折行的数字接回，各行合计相符；哪些行全为零按数字离行标签最近的读法定",
        "table 三 leaves its zero cells blank and prints its figures in two bands (the left columns "
        "with the labels, the right ones after the table's last label and a blank line): read in printed "
        "order with wrapped tails joined back, every row adding up; which rows print nothing is taken "
        "from the cut whose figures stand nearest their rows' labels",
        where,
    )
