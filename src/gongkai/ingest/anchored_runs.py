"""Table 三 of a Word export printed by chromium, its zero cells blank: the runs of figures cut off
from their labels, cut into rows by the 自然人 figures that stayed beside the labels.

``pdftotext``'s default mode keeps a row's 自然人 figure on its label's line
(``一、本年新收政府信息公开 19``) and prints the row's other figures (its organisation cells that
are not 0, then its 总计) as a run after the labels of a few rows, row after row
(``5 1 6 5 7 43 1 1 1 1 5 1 1 1 3 0``). Where the flow as a whole keeps no grid order
(``vanished_anchors.firsts_beside_labels``), such a run still reads: when it stands between the label of
row ``r + k`` and the label of row ``r + k + 1`` right after the labels of rows ``r`` … ``r + k``
printed one after another, it holds those rows' figures in order, each row's ending with its total
= its 自然人 figure + the figures before it. The run is cut only where exactly one cut of the whole
run does that; each row's figures are then placed in its columns by the table's equations
(``vanished_tables.placed_tables``), cells the fitting tables disagree on left unknown. Every row read
this way is named in ``uncertain``.

The runs are read from the table's start only, each right where the last one cut ended: a figure
before a group's labels that no cut explains may be one of its rows' (a row's organisation cells
printed before its label, its 总计 after the next one), and a short run cut there would add up by
chance (a lone 1 after a 自然人 1). A run's figures each stand on a line of their own (each cell a
block of ``pdftotext``'s flow): in text run into one line (a crawler's) the figures after a label
are that row's own, no run cut off from the labels.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Token
from gongkai.ingest.vanished_search import Row
from gongkai.ingest.vanished_tables import Shape, agreed_cells, middle_placements, placed_tables, row_cells
from gongkai.report.equations import Bound
from gongkai.report.model import Report

_CUTS = 2  # cuts of a run counted at most: one is read, more are not


def row_groups(anchors: dict[int, int], count: int) -> list[tuple[list[int], int, int]]:
    """The runs to cut: (rows, start, end) where the anchored figures of ``rows`` (consecutive
    rows) stand one after another among the ``count`` figures, ending at ``start``, and the next
    anchored figure, at ``end``, is the next row's."""
    out: list[tuple[list[int], int, int]] = []
    positions = sorted(anchors)
    k = 0
    while k < len(positions):
        rows = [anchors[positions[k]]]
        while (
            k + 1 < len(positions)
            and positions[k + 1] == positions[k] + 1
            and anchors[positions[k + 1]] == rows[-1] + 1
        ):
            k += 1
            rows.append(anchors[positions[k]])
        start = positions[k] + 1
        if k + 1 < len(positions) and anchors[positions[k + 1]] == rows[-1] + 1 and positions[k + 1] > start:
            out.append((rows, start, positions[k + 1]))
        k += 1
    return out


def cut_run(firsts: Sequence[int], run: Sequence[int], middle: int) -> list[tuple[tuple[int, ...], int]] | None:
    """The one cut of ``run`` into a row's middle figures (not 0, at most ``middle``) and its
    total for each of ``firsts`` in turn, each total its first + its middle figures; None when no
    cut or more than one fits."""
    found: list[list[tuple[tuple[int, ...], int]]] = []

    _cuts_from(firsts, run, middle, found, 0, 0, [])
    return found[0] if len(found) == 1 else None


def _cuts_from(
    firsts: Sequence[int],
    run: Sequence[int],
    middle: int,
    found: list[list[tuple[tuple[int, ...], int]]],
    r: int,
    i: int,
    taken: list[tuple[tuple[int, ...], int]],
) -> None:
    """``cut_run``'s search from row ``r`` and figure ``i`` on, ``taken`` the rows cut before, into
    ``found`` (a module function, not a closure calling itself: that is a reference cycle left
    for the cyclic collector on every call)."""
    if len(found) >= _CUTS:
        return
    if r == len(firsts):
        if i == len(run):
            found.append(list(taken))
        return
    for length in range(1, middle + 2):
        if i + length > len(run):
            break
        middles = tuple(run[i : i + length - 1])
        if middles and middles[-1] <= 0:
            break  # a printed middle figure is never 0 (a Word export's zero cells are blank)
        if firsts[r] + sum(middles) == run[i + length - 1]:
            taken.append((middles, run[i + length - 1]))
            _cuts_from(firsts, run, middle, found, r + 1, i + length, taken)
            taken.pop()


def _line(where: str) -> str:
    return where.split(" part ")[0]


def _own_lines(run: Sequence[Token], anchored: Sequence[Token]) -> bool:
    """Whether each figure of ``run`` stands on a line of its own (``pdftotext``'s flow of a Word
    table, each cell a block): no two share a line, and none shares an anchored figure's line. In
    text run into one line (a crawler's), a row's figures after its label are its own, not a run
    cut off from the labels."""
    lines = [_line(t.where) for t in run]
    return len(set(lines)) == len(lines) and not set(lines) & {_line(t.where) for t in anchored}


def read_anchored_runs(
    keys: Sequence[Hashable],
    shape: Shape,
    figures: list[Token],
    anchors: dict[int, int],
    bound: Bound,
    report: Report,
    evidence: Evidence,
) -> None:
    """Read the rows whose figures a run cut off from their labels holds (see the module)."""
    values = [int(t.value.amount or 0) for t in figures]
    options: list[set[Row]] = [{(-1, (), -1)} for _ in keys]
    where: dict[int, str] = {}
    explained = 0  # the figures before this position are the table's start or rows already cut
    for rows, start, end in row_groups(anchors, len(figures)):
        if start - len(rows) != explained:
            break  # figures before the group's labels no cut explains: they may be its rows'
        if not _own_lines(figures[start:end], [figures[p] for p in anchors]):
            continue  # figures sharing a line (crawler text: a row's figures run on its label's line)
        firsts = [values[p] for p in sorted(anchors) if anchors[p] in rows]
        cut = cut_run(firsts, values[start:end], len(shape.middle))
        if cut is None:
            break
        explained = end
        for r, first, (middles, total) in zip(rows, firsts, cut, strict=True):
            options[r] = {(first, middles, total)}
            where[r] = figures[start].where
    if not where:
        return
    width = shape.total + 1
    if any(len(middle_placements(next(iter(o)), shape)) > 1 for o in options):
        tables = placed_tables(options, keys, shape, bound)
        if tables is None:
            return  # no placement keeps the table's equations: the runs are not what they seem
    else:
        table = {key: row_cells(next(iter(o)), shape) for key, o in zip(keys, options, strict=True)}
        if bound.broken(table):
            return
        tables = [table]
    decided, _ = agreed_cells(tables, keys, width)
    for r in sorted(where):
        key = str(keys[r])
        old = report.requests.get(key)
        cells = list(decided[keys[r]])
        if old is not None and len(old) == width:
            agrees = all(old[c] in (None, cells[c]) for c in (shape.first, shape.total))
            if agrees:  # the labels' reading of the undecided cells stands (it fits the run's)
                cells = [v if v is not None else old[c] for c, v in enumerate(cells)]
        report.requests[key] = cells
        row_cell = f"requests.{key}"
        evidence.uncertain[:] = [
            u for u in evidence.uncertain if u.cell != row_cell and not u.cell.startswith(f"{row_cell}[")
        ]
        evidence.doubt(
            row_cell,
            cells,
            "表三留空了为零的单元格（Word 表格），本行除自然人外的数字与标签分开印出：按标签旁的自然人数字"
            "与各行之和切分连续印出的数字，再按勾稽关系定列（无法确定的格记为未知）",
            "table 三 leaves its zero cells blank (a Word table) and this row's figures other than its "
            "自然人 one were printed apart from its label: the run holding them was cut into rows by the "
            "自然人 figures beside the labels and each row's sum, then placed in columns by the table's "
            "equations (cells they cannot place left unknown)",
            where[r],
        )
