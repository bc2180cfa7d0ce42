"""Table 三 rows read one off: a converter printed a row's figures ahead of its label.

Where a row's label wraps over two lines and its figures stand level with the middle of the row,
``pdftotext`` (default mode) may print the figures before the label's first line (``488 …`` /
``（三）不予 6.属于四类过程性信息``), most often after a page cut. Read label-then-figures, each
label then takes the next row's figures, and the rows around it show it:

* an *unlabelled row of figures* stands before a label (an ``Orphan`` named by no row), or a row
  holds *two rows of figures* (its own and the next row's, ``170 … 219 488 … 633``);
* a few rows later a row has *no figures of its own* (its label printed next to another's,
  ``6.属于四类过程性信息`` / ``7.属于行政执法案卷`` / ``216 …``).

Between the two, every labelled row holds the figures of the row after it. The reading that gives
each row the figures printed just before its label is taken where the statutory arithmetic says
so: the equations it makes decidable (the column sums through 总计) hold, clearly more than break
(a report may contradict itself in one). Where the arithmetic cannot decide, the rows in between
are read as labelled and named in ``uncertain``: their figures may be the next row's. Where no
labelled row stands in between (the figures right before a label that prints none: ``5 0 9 0 6 3
7`` / ``（一）予以公开``, a WPS print's row centred on its wrapped label) and no equation breaks for
it, that row takes them, named in ``uncertain``: they have no other home.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace

from gongkai.ingest.align import readings
from gongkai.ingest.document import TableBlock
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.placements import place_orphans
from gongkai.ingest.records import Token
from gongkai.ingest.request_rows import Orphan, RequestRaw
from gongkai.ingest.requests import SHIFTED, read_requests
from gongkai.ingest.row_reading import Slot, Value
from gongkai.ingest.row_shapes import row_of_figures
from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

Check = Callable[[Sequence[Value]], bool]  # a row's own sum

_MAX_SHIFT = 3  # labelled rows one shift may move down (as many as a wrapped label may pass)
_BROKEN_SHARE = 4  # the shift's new equations must hold this many times as often as they break
_MAX_OPEN = 3  # rows of two rows of figures whose reading the arithmetic chooses together
# Cells of a row tried as two rows, per column: each cut is read whole, so trying every cut of a
# line of thousands of cells (a rule of ``|-|-|`` run onto a row) takes minutes; such a row stays
# unread, in doubt, as a row no single cut parts.
_MAX_DOUBLE_PER_COLUMN = 16

AHEAD = (
    "an unlabelled row of figures stands just before the label (a converter printing figures "
    "ahead of their wrapped labels): the figures may be the next row's"
)
AHEAD_ZH = "标签前紧挨着一行无标签的数字（转换工具把数字印在折行标签之前）：本行数字可能属于下一行"


@dataclass(frozen=True)
class _Double:
    """A labelled row holding two rows of figures (its own sum fits neither whole nor ``n`` wide)."""

    key: str
    first: list[Token]
    second: list[Token]
    # the row before, its label printed with no figures of its own: the first part may be its
    earlier: str | None


def rows_read_one_off(
    template: Template, raw: dict[str, RequestRaw], orphans: list[Orphan], tables: Sequence[TableBlock]
) -> tuple[dict[str, RequestRaw], list[Orphan], dict[str, str]]:
    """Table 三's rows as labelled, with the rows read one off moved where the arithmetic says;
    the orphans still unplaced; and the rows that may hold the next row's figures (key → where)."""
    raw = dict(raw)
    doubles = _double_rows(template, raw)
    if not doubles and not orphans:
        return raw, orphans, {}
    bound = requests_bound(template.id)
    across = [len(rows) > 1 for rows in bound.parts()]  # a row of figures keeps its own sum anywhere

    def statuses(table: dict[str, RequestRaw], left: list[Orphan]) -> list[bool | None]:
        return _statuses(template, table, left, tables)

    base = statuses(raw, orphans)
    tried: list[tuple[int, int, dict[str, RequestRaw], list[Orphan], list[str], bool]] = []
    for choice in itertools.product(*[(True, False) if d.earlier else (False,) for d in doubles[:_MAX_OPEN]]):
        table, extra = dict(raw), list(orphans)
        for double, earlier in zip(doubles, choice, strict=False):
            extra += _split(template, table, double, earlier)
        split = table
        table, left, moved = _shift_all(template, table, extra)
        gained, lost = _change(base, statuses(table, left), across)
        # every row moved was a label printing no figures just after the figures (no labelled
        # row passed over): the one home of those figures, whatever the arithmetic can tell
        bare = bool(moved) and all(_absent(split, key) for key in moved)
        tried.append((gained, lost, table, left, moved, bare))
    gained, lost, table, left, moved, bare = max(tried, key=lambda t: (t[0] - _BROKEN_SHARE * t[1], -len(t[4])))
    rivals = [t for t in tried if (t[0], t[1]) == (gained, lost) and t[2] != table]
    if gained and lost * _BROKEN_SHARE <= gained and not rivals:
        return table, left, {}  # the arithmetic decides: each row takes the figures before its label
    if (gained > lost or (bare and not lost)) and not rivals:
        for key in moved:
            table[key] = replace(table[key], placed=SHIFTED)
        return table, left, {}
    # Undecided: read as labelled (a row of two rows' figures stays unread), the rows a shift
    # would move named in ``uncertain``.
    table, extra = dict(raw), list(orphans)
    for double in doubles:
        extra += _split(template, table, double, False)
    _, _, moved = _shift_all(template, table, extra)
    return raw, orphans, {key: raw[key].label.where for key in moved if key in raw}


def note_figures_ahead(ahead: dict[str, str], evidence: Evidence) -> None:
    """Name in ``uncertain`` the rows left as labelled whose figures may be the next row's."""
    for key, where in ahead.items():
        evidence.doubt_more(f"requests.{key}", AHEAD_ZH, AHEAD, where)


def _statuses(
    template: Template, raw: dict[str, RequestRaw], orphans: list[Orphan], tables: Sequence[TableBlock]
) -> list[bool | None]:
    """Per equation of table 三 read from ``raw`` (``orphans`` put on the rows missing around
    them): holds, breaks, or undecided (a cell unknown)."""
    raw = dict(raw)
    place_orphans(template, raw, orphans)
    scratch = Report.empty("", template.first_year, template, fill=None)
    read_requests(template, raw, scratch, Evidence(), None, tables)
    table: dict[Hashable, tuple[Value, ...]] = {key: tuple(values) for key, values in scratch.requests.items()}
    return requests_bound(template.id).statuses(table)


def _fits(values: list[Slot], n: int, check: Check) -> set[tuple[Value, ...]]:
    return {r.values for r in readings(values, n, check) if check(r.values)}


def _double_rows(template: Template, raw: dict[str, RequestRaw]) -> list[_Double]:
    """The rows holding two rows of figures, each cut where both parts keep a row's own sum (one
    cut only). A row whose label has the row before's stacked on it (``6.属于… / 7.属于… /
    488 … 216 …``), that row printed with no figures, is the two rows in order: set in ``raw``."""
    bound = requests_bound(template.id)
    n = len(template.request_columns)
    rows = [row.key for row in template.request_rows]
    found: list[_Double] = []
    for i, key in enumerate(rows):
        row = raw.get(key)
        if row is None or row.placed or not n + 3 <= len(row.values) <= _MAX_DOUBLE_PER_COLUMN * n:
            continue
        slots = [Slot(t.value, t.where) for t in row.values]
        # (two rows' cells exactly, the next row printing none: two rows, though dropping cells
        # reads them as one, as a row of zeros printed twice does)
        twice = len(row.values) == 2 * n and i + 1 < len(rows) and _absent(raw, rows[i + 1])
        if not twice and _fits(slots, n, bound.row_check(key)):
            continue  # the row reads as one (padding, a dropped blank): not two rows
        earlier = rows[i - 1] if i and _absent(raw, rows[i - 1]) else None
        cut = _one_cut(slots, n, bound.row_check(key), row)
        if cut is None:
            continue  # no cut, or several reading differently: the row stays unread (in doubt)
        double = _Double(key, row.values[:cut], row.values[cut:], earlier)
        if row.stacked and earlier is not None:
            _split(template, raw, double, True)
        elif i + 1 < len(rows) or earlier is not None:
            found.append(double)
    return found


def _split(template: Template, raw: dict[str, RequestRaw], double: _Double, earlier: bool) -> list[Orphan]:
    """Read a double row as the row before and itself (``earlier``), else as itself and an
    unlabelled row of figures before the next label (returned)."""
    row = raw[double.key]
    if earlier and double.earlier is not None:
        raw[double.earlier] = replace(row, key=double.earlier, values=list(double.first), stacked="")
        raw[double.key] = replace(row, values=list(double.second), stacked="")
        return []
    raw[double.key] = replace(row, values=list(double.first))
    merged = {r.key: r for r in vocabulary().request_rows}
    after = merged[double.key].index
    before = min((merged[k].index for k in raw if k in merged and merged[k].index > after), default=10_000)
    return [Orphan("", list(double.second), double.second[0].where, row.table, after, before)]


def _absent(raw: dict[str, RequestRaw], key: str) -> bool:
    """No row of figures was read under the row's label (not named, or named without figures)."""
    return key not in raw or not row_of_figures(raw[key].values)


def _one_cut(slots: list[Slot], n: int, check: Check, row: RequestRaw) -> int | None:
    """Where ``slots`` part into two rows that each keep their own sum, when only one way does
    (every row of table 三 adds up the same way: its applicants to its 总计)."""
    cuts: dict[tuple[Value, ...], int] = {}
    for cut in range(3, len(slots) - 2):
        one, two = _fits(slots[:cut], n, check), _fits(slots[cut:], n, check)
        if len(one) == 1 and len(two) == 1 and row_of_figures(row.values[cut:]):
            cuts.setdefault((*next(iter(one)), *next(iter(two))), cut)
    return next(iter(cuts.values())) if len(cuts) == 1 else None


def _shift_all(
    template: Template, raw: dict[str, RequestRaw], orphans: list[Orphan]
) -> tuple[dict[str, RequestRaw], list[Orphan], list[str]]:
    """``raw`` with the rows after each unlabelled row of figures moved down one, up to a row with
    no figures of its own; the orphans no such run follows; the rows moved."""
    merged = {row.key: row for row in vocabulary().request_rows}
    ours = [row.key for row in template.request_rows if row.key in merged]
    at_index = {merged[key].index: key for key in ours}
    bound = requests_bound(template.id)
    n = len(template.request_columns)
    left: list[Orphan] = []
    moved: list[str] = []
    for orphan in orphans:
        start = at_index.get(orphan.before)
        position = ours.index(start) if start is not None else 0
        # The next label may print no figures of its own (its row's figures are this orphan, printed
        # ahead of it): then the run to move is that row alone.
        bare = start is not None and _absent(raw, start)
        if (
            start is None
            or (not bare and raw[start].placed)
            or (position and merged[ours[position - 1]].index > orphan.after)  # a gap: the orphan's row
            or not _fits([Slot(t.value, t.where) for t in orphan.values], n, bound.row_check(start))
        ):
            left.append(orphan)  # not a whole row just before a label (a page's footer, a gap's row)
            continue
        chain = [] if bare else [start]
        at = position if bare else position + 1
        while not bare and at < len(ours) and not _absent(raw, ours[at]) and len(chain) < _MAX_SHIFT:
            chain.append(ours[at])
            at += 1
        if at >= len(ours) or not _absent(raw, ours[at]):
            left.append(orphan)  # no row without figures ends the run: nothing was read one off
            continue
        raw = dict(raw)
        values = orphan.values
        for key in [*chain, ours[at]]:
            before = raw.get(key) if not _absent(raw, key) else None
            label = before.label if before is not None else raw[chain[-1] if chain else key].label
            raw[key] = RequestRaw(key, label, list(values), orphan.table)
            values = before.values if before is not None else values
        moved += [*chain, ours[at]]
    return raw, left, moved


def _change(before: list[bool | None], after: list[bool | None], counted: list[bool]) -> tuple[int, int]:
    """(``counted`` equations that hold now and did not, that break now and did not)."""
    pairs = [(a, b) for a, b, c in zip(before, after, counted, strict=True) if c]
    return sum(1 for a, b in pairs if b is True and a is not True), sum(
        1 for a, b in pairs if b is False and a is not False
    )
