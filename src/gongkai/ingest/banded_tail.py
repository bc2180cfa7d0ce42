"""Table 三's last rows printed in two bands of columns (``pdftotext`` default mode).

Chromium or LibreOffice printing an Excel-pasted table may set the rows after a page break (or
all of them) so that ``pdftotext`` gives each row's first columns with the row labels, and only
after the table's last label and a blank line the same rows' last columns, row after row:
``６２ ２ １ ２２`` / ``１７ １４ ４ ６１`` / … ``四、结转下年度继续办理数量`` / ``８`` / blank /
``０ １７ １０`` / ``４`` / ``０ ４８ ２９`` / ``７`` / …. Full-width figures too wide for their
narrow cells wrap (``１０４`` as ``１０`` over ``４``), their tails after the row's other figures
of that band; a wrapped cell's head stands above the row's one-line cells, and the row's last
cell (its 总计, the widest) may come out before them (``５０`` / ``０ ８３`` / ``４ ８４`` is
0 834 5084).

The right band is the run of figures after the first blank line of the table's last labelled
record (nothing else prints figures there). ``row_bands``' cut of the figures into rows is
extended: from some row on, each row takes its first ``m`` cells from the figures before the
band and its other cells from the band, both in order, each with up to ``row_bands``' count of
tails; both must end where their figures end. Every row must add up and the whole table keep
its equations (``row_bands.take_cuts``); the reading is tried only where ``row_bands`` found
none, and named in ``uncertain``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record
from gongkai.ingest.row_bands import MAX_TAILS, Cut, Cutter, Row, take_cuts
from gongkai.report.model import Report
from gongkai.report.templates import Template

Part = tuple[Row, int]  # a band's cells of one row and where the band's next row starts


class _BandCutter(Cutter):
    """``row_bands``' cutter that may read the table's last rows from two bands of columns:
    the figures up to ``start`` (their first columns) and those from ``start`` to ``end``."""

    def __init__(self, searched: Cutter, band: tuple[int, int]) -> None:
        super().__init__(searched.amounts, searched.texts, searched.rows, searched.n, searched.bound)
        # a row's readings do not depend on the band: the row-band search's are reused
        self.rest_memo, self.row_memo = searched.rest_memo, searched.row_memo
        self.start, self.end = band
        self.band_memo: dict[tuple[int, int, int, int], list[Cut]] = {}
        self.part_memo: dict[tuple[int, int, int, bool], list[Part]] = {}

    def steps(self, r: int, pos: int, held: tuple[int, ...], owed: tuple[int, ...]) -> list[Cut]:
        out = super().steps(r, pos, held, owed)
        if held or owed or r == len(self.rows) or pos >= self.start:
            return out
        rows = len(self.rows) - r
        for m in range(1, self.n):
            # each band holds its cells of the rows left, with at most ``MAX_TAILS`` tails a row
            if _fits(self.start - pos, m, rows) and _fits(self.end - self.start, self.n - m, rows):
                out += self._banded(r, pos, self.start, m)
        return list(dict.fromkeys(out))

    def _banded(self, r: int, left: int, right: int, m: int) -> list[Cut]:
        """Cuts of rows ``r``… whose first ``m`` cells start at ``left``, the others at ``right``."""
        key = (r, left, right, m)
        if key in self.band_memo:
            return self.band_memo[key]
        self.states += 1
        out: list[Cut] = []
        if r == len(self.rows):
            out = [()] if (left, right) == (self.start, self.end) else []
        elif not self.stopped_short():
            check = self.checks[r]
            rights = self._part(right, self.n - m, self.end, True)
            for first, left_end in self._part(left, m, self.start, False):
                for last, right_end in rights:
                    row = first + last
                    if check(row):
                        out += [(row, *later) for later in self._banded(r + 1, left_end, right_end, m)]
        self.band_memo[key] = out
        return out

    def _part(self, pos: int, cells: int, limit: int, last_first: bool) -> list[Part]:
        """Readings of ``cells`` cells of one row from ``pos`` (not past ``limit``), up to
        ``MAX_TAILS`` later figures tails; ``last_first``: the last cell may print first."""
        key = (pos, cells, limit, last_first)
        if key in self.part_memo:
            return self.part_memo[key]
        found: list[Part] = []
        for extra in range(MAX_TAILS + 1):
            own = cells + extra
            if pos + own > limit:
                break
            span = list(range(pos, pos + own))
            orders = [span, span[1:] + span[:1]] if last_first and own > 1 else [span]
            for order in orders:
                for tails in itertools.combinations(range(1, own), extra):
                    heads = [order[i] for i in range(own) if i not in tails]
                    found += [(row, pos + own) for row in self._part_joined(heads, [order[i] for i in tails])]
        found = list(dict.fromkeys(found))
        self.part_memo[key] = found
        return found

    def _part_joined(self, cells: Sequence[int], tails: Sequence[int]) -> list[Row]:
        """``cells`` with ``tails`` (indices into amounts, in order) appended to distinct cells in
        order, each to a cell printed before it. A band holds only part of a row, so no row sum
        can prune these joins (as it prunes a whole row's, ``row_bands``): the whole row is checked later."""
        amounts, scales, texts = self.amounts, self.scales, self.texts
        plain = [amounts[i] for i in cells]
        if not tails:
            return [tuple(plain)]
        out: list[Row] = []
        for heads in itertools.combinations(range(len(cells)), len(tails)):
            self.work += 1
            # a tail printed before its head, or a head 0 (no count prints as 0…), is no head
            if any(cells[h] > t or texts[cells[h]] == "0" for h, t in zip(heads, tails, strict=True)):
                continue
            row = list(plain)
            for h, t in zip(heads, tails, strict=True):
                row[h] = row[h] * scales[t] + amounts[t]
            out.append(tuple(row))
        return out


def _fits(figures: int, cells: int, rows: int) -> bool:
    """Whether ``figures`` can be ``rows`` rows of ``cells`` cells each with their tails."""
    return cells * rows <= figures <= (cells + MAX_TAILS) * rows


def right_band(requests: list[Record]) -> tuple[int, int] | None:
    """Where the right band stands among table 三's printed figures (indices, end exclusive): the
    figures after the first blank line of the last record that follows a figure; None without."""
    if not requests:
        return None
    before = sum(1 for record in requests[:-1] for t in record.values if t.value.kind is not CellKind.BLANK)
    values = requests[-1].values
    printed = [t.value.kind is not CellKind.BLANK for t in values]
    if True not in printed:
        return None
    blank = next((i for i in range(printed.index(True), len(values)) if not printed[i]), None)
    if blank is None:
        return None
    run = list(itertools.takewhile(bool, printed[blank + 1 :]))
    if not run:
        return None
    start = before + sum(printed[: blank + 1])
    return start, start + len(run)


def read_banded_tail(
    template: Template, requests: list[Record], searched: Cutter | None, report: Report, evidence: Evidence
) -> None:
    """Read table 三 with its last rows in two bands of columns (see the module) where
    ``row_bands`` searched its figures in vain (``searched``: its cutter, whose rows' readings
    are reused) and table 三's last record holds a band."""
    band = right_band(requests)
    if searched is None or band is None or band[1] > len(searched.amounts):
        return
    if searched.stopped_short():
        return  # the row-band search stopped short: this one, holding it, would too
    cutter = _BandCutter(searched, band)
    if take_cuts(template, cutter, cutter.cuts(0, 0, ()), band_where(requests, band), report, evidence):
        evidence.doubt(
            "requests",
            None,
            "表三末尾各行分两段印出：先印各行的前几列，表末空行之后再印这些行的其余各列",
            "table 三's last rows print in two bands: their first columns with the labels, their other "
            "columns after the table's last label and a blank line",
            band_where(requests, band),
        )


def band_where(requests: list[Record], band: tuple[int, int]) -> str:
    """Where the band's first figure stands."""
    printed = [t for record in requests for t in record.values if t.value.kind is not CellKind.BLANK]
    return printed[band[0]].where
