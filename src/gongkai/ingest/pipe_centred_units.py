"""A pipe row whose two-line cells (a figure over its unit) markitdown split around it, put back.

A platform's table prints every cell as a figure and its unit (``768 件``). Where a narrow cell
wraps the unit under the figure, markitdown centres the row's one-line cells vertically: the
wrapped cells' figures go into the pipe row (or a loose line) above the row, their units into
the one below, the one-line cells stay in the middle (``| | 1150 768 | | 0 |`` · ``| 1 一、… |
| 92 件 30 件 | |`` · ``| | 件 件 | | 件 |``; ``0`` · ``| 2 二、… | 73 件 48 件 | … | |`` · ``件``).
The figures above go back into the middle row, each with its unit below: in the same column
where the rows above and below keep the table's columns, into an empty cell beside the row's
figures where they are loose lines. Where a cell then holds figures from both rows, or a loose
figure could go to either side, the order is unknown: each way is read, and the row takes the
one way whose figures add up (its 总计 first or last, a 小计 before it); none or several leave the
rows as printed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from gongkai.ingest.units import COUNT_UNITS
from gongkai.ingest.wrapped_digits import is_figure
from gongkai.report.equations import Bound, appeals_bound
from gongkai.report.templates import TEMPLATES

_MAX_GAP = 1  # rule rows between the middle row and the rows around it
_MAX_WAYS = 64  # readings tried on one row
_UNIT_LED = re.compile(rf"\|[ \u3000]*[{COUNT_UNITS}]")  # a cell beginning with a unit
_TOKEN = re.compile(r"[0-9]+|[^\s0-9]+")  # a cell's figures and words, ``1件0件`` cut at its digits


def _widths() -> frozenset[int]:
    return frozenset(len(t.request_columns) for t in TEMPLATES.values() if t.request_columns)


def _cells(line: str) -> list[str] | None:
    text = line.strip()
    if not text.startswith("|") or not text.endswith("|") or "---" in text:
        return None
    return text[1:-1].split("|")


def _rule(line: str) -> bool:
    text = line.strip()
    return text.startswith("|") and "-" in text and not text.strip("|-: ")


def _units(text: str) -> int:
    """How many units a cell or loose line holds when it holds units alone (``件 件``), else 0."""
    tokens = text.split()
    return len(tokens) if tokens and all(len(t) == 1 and t in COUNT_UNITS for t in tokens) else 0


def _label_units(text: str) -> tuple[str, int]:
    """A loose line of a label piece and the units of the row's wrapped cells after it
    (``执法案卷 件``): the piece, and how many units; ("", 0) for any other line."""
    tokens = text.split()
    count = 0
    while count < len(tokens) and len(tokens[-1 - count]) == 1 and tokens[-1 - count] in COUNT_UNITS:
        count += 1
    words = tokens[: len(tokens) - count]
    if not count or not words or any(ch.isdigit() for word in words for ch in word):
        return "", 0
    return " ".join(words), count


def _bare(text: str) -> list[str] | None:
    """The figures of a cell or loose line holding bare figures alone, else None."""
    tokens = text.split()
    return tokens if tokens and all(is_figure(t) for t in tokens) else None


def _figures(text: str) -> list[str] | None:
    """The figures of a middle cell (figures, each perhaps with its unit, ``0件`` and ``1 件0 件``
    as printed by a converter that drops the space), None where a word."""
    out = []
    for token in _TOKEN.findall(text):
        if is_figure(token):
            out.append(token)
        elif not (len(token) == 1 and token in COUNT_UNITS):
            return None
    return out


def _near(lines: list[str], at: int, step: int) -> int | None:
    k = at + step
    for _ in range(_MAX_GAP + 1):
        if not 0 <= k < len(lines):
            return None
        if not _rule(lines[k]):
            return k
        k += step
    return None


def pipe_rows_centred_units(lines: list[str]) -> list[str]:
    """``lines`` with each such row's split cells put back (see the module)."""
    if not any(
        _units(line)
        or ("|" in line and any(_units(c) for c in line.split("|")))
        or (line and line[-1] in COUNT_UNITS and _label_units(line)[1])
        for line in lines
    ):
        return lines  # the gate: no units set apart, on a loose line (after a label piece) or in a cell
    out = list(lines)
    for i, line in enumerate(out):
        middle = _cells(line)
        if middle is None:
            continue
        above, below = _near(out, i, -1), _near(out, i, 1)
        if above is None or below is None:
            continue
        joined = _joined(middle, out[above], out[below])
        if joined is None:
            continue
        out[i], out[above], out[below] = joined
    return [_units_back(line) if _UNIT_LED.search(line) else line for line in out]


def _with_unit(cell: str) -> bool:
    """A cell of one figure and its unit (``73 件``, ``0件``)."""
    text = cell.strip()
    return len(text) > 1 and text[-1] in COUNT_UNITS and is_figure(text[:-1].rstrip(" \u3000"))


def _units_back(line: str) -> str:
    """A pipe row whose cells begin with a unit that belongs to the figure ending the cell before
    (``| 5件 3 | 件 2 | 件 4件 |``, ``| 76 | 件 |``: a narrow cell's unit wrapped into the next
    column's text), each unit put back after its figure (``| 5件 3 件 | 2 | 4件 |``). Only in a row
    whose other cells print their figures with units, so the unit is the cells' own."""
    cells = _cells(line)
    if cells is None or not any(_with_unit(c) for c in cells):
        return line
    tokens = [_TOKEN.findall(c) for c in cells]
    changed: set[int] = set()
    for k in range(1, len(cells)):
        led, before = tokens[k], tokens[k - 1]
        if led and len(led[0]) == 1 and led[0] in COUNT_UNITS and before and is_figure(before[-1]):
            before.append(led.pop(0))
            changed |= {k - 1, k}
    if not changed:
        return line
    return _row(
        [
            (f" {' '.join(t)} " if t else " ") if k in changed else c
            for k, (c, t) in enumerate(zip(cells, tokens, strict=True))
        ]
    )


def centred_row(middle: list[str], above: str, below: str) -> tuple[str, str, str] | None:
    """The middle row (its cells) with the figures above put back in the one order in which it
    adds up, and the rows around it emptied of them; None where no order, or several, do."""
    return _joined(middle, above, below)


def _joined(middle: list[str], above: str, below: str) -> tuple[str, str, str] | None:
    """The middle row with the figures above put back, and the rows around it emptied of them."""
    upper, lower = _cells(above), _cells(below)
    if lower is not None:
        if len(lower) != len(middle) or any(_figures(c) for c in lower if c.strip()):
            return None
        units = [_units(c) for c in lower]
    else:
        units = [_units(below) or _label_units(below)[1]]
    if not sum(units):
        return None  # no unit below: no split row
    if upper is not None:
        if len(upper) != len(middle):
            return None
        heads = [_bare(c) or [] for c in upper]
        if lower is not None and [len(h) for h in heads] != units:
            return None  # each figure above has its unit below, column by column
    else:
        loose = _bare(above)
        if loose is None:
            return None
        heads = [loose]
    if sum(len(h) for h in heads) != sum(units):
        return None  # a figure without its unit
    ways = _ways(middle, heads, upper is not None)
    if ways is None:
        return None
    cells = list(middle)
    for k, text in ways.items():
        cells[k] = f" {text} "
    emptied_above = "" if upper is None else _row([c if not _bare(c) else " " for c in upper])
    if lower is None:
        emptied_below = "" if _units(below) else _label_units(below)[0]  # the label piece kept
    else:
        emptied_below = _row([c if not _units(c) else " " for c in lower])
    return _row(cells), emptied_above, emptied_below


def _row(cells: Sequence[str]) -> str:
    return f"|{'|'.join(cells)}|"


def _ways(middle: list[str], heads: list[list[str]], columned: bool) -> dict[int, str] | None:
    """The middle's cells that change, in the one way the figures add up, else None."""
    mids = [_figures(c) for c in middle]
    start = len(mids)  # the row's figure cells: from the right, up to its label (a 序号 before it)
    while start and mids[start - 1] is not None:
        start -= 1
    first = mids[0] if middle else None
    if start == 0 and first is not None and len(first) == 1:
        start = 1  # a row beginning with a lone number, its label on the lines around: its 序号
    run = [k for k in range(start, len(mids)) if mids[k]]
    if not run or (columned and any(h and k < start for k, h in enumerate(heads))):
        return None  # no figure; or one above a label
    if columned:
        places = [[k] for k, h in enumerate(heads) if h]
        loose = [heads[k[0]] for k in places]
    else:
        beside = [k for k in (run[0] - 1, run[-1] + 1) if 0 <= k < len(middle) and not middle[k].strip()]
        if not beside:
            return None
        places, loose = [beside], heads
    found: dict[tuple[str, ...], dict[int, str]] = {}
    tried = 0
    for choice in itertools.product(*places):
        if len(set(choice)) != len(choice):
            continue
        options = [
            _HEAD_WAYS + ((_JOIN,) if columned and _tails(middle[k], head) else ())
            for k, head in zip(choice, loose, strict=True)
        ]
        for orders in itertools.product(*options):
            tried += 1
            if tried > _MAX_WAYS:
                return None
            cells = [list(m or []) for m in mids]
            for k, head, way in zip(choice, loose, orders, strict=True):
                cells[k] = _placed(cells[k], head, way, _tails(middle[k], head))
            figures = tuple(f for cell in cells[start:] for f in cell)
            if _adds_up([int(f) for f in figures]):
                found.setdefault(figures, {k: " ".join(cells[k]) for k in choice})
    return next(iter(found.values())) if len(found) == 1 else None


_AHEAD, _AFTER, _JOIN = "ahead", "after", "join"  # the figures above before, after, or joined to the cell's
_HEAD_WAYS = (_AHEAD, _AFTER)


def _tails(cell: str, head: list[str]) -> list[int]:
    """Where the figures above are the heads of the cell's figures a narrow column wrapped digit by
    digit (``４`` over ``０ ０件 ０件`` over ``件``: 40): the places, among the cell's figures, of
    those printed without a unit (their unit is the one below), one for each head; else none."""
    tokens = _TOKEN.findall(cell)
    places, index = [], 0
    for n, token in enumerate(tokens):
        if is_figure(token):
            if not (n + 1 < len(tokens) and len(tokens[n + 1]) == 1 and tokens[n + 1] in COUNT_UNITS):
                places.append(index)
            index += 1
    return places if len(places) == len(head) else []


def _placed(cell: list[str], head: list[str], way: str, tails: list[int]) -> list[str]:
    """The cell's figures with the figures above put back in ``way``."""
    if way == _AHEAD:
        return head + cell  # an empty cell: both alike
    if way == _AFTER:
        return cell + head
    joined = list(cell)
    for digits, at in zip(head, tails, strict=True):
        joined[at] = digits + joined[at]
    return joined


@cache
def _appeal_bounds() -> tuple[tuple[int, Bound], ...]:
    """Each template's table 四 equations over its figures in one printed row, with their count."""
    return tuple(
        (
            len(t.appeal_groups) * len(t.appeal_fields),
            appeals_bound(t.id, tuple(g.key for g in t.appeal_groups), tuple(f.key for f in t.appeal_fields), True),
        )
        for t in TEMPLATES.values()
        if t.appeal_groups
    )


def _adds_up(figures: list[int]) -> bool:
    """A table 三 row whose 总计 stands first or last: it is the sum of the others; or, a column
    wider, whose 小计 of the 法人或其他组织 columns stands before its 总计 (自然人 first); or table
    四 printed as one row, every group adding up to its 总计."""
    n = len(figures)
    if any(n == count and bound.broken({"all": figures}) == 0 for count, bound in _appeal_bounds()):
        return True
    if n in _widths():
        return figures[0] == sum(figures[1:]) or figures[-1] == sum(figures[:-1])
    if n - 1 in _widths():
        return figures[-2] == sum(figures[1:-2]) and figures[-1] == figures[0] + figures[-2]
    return False
