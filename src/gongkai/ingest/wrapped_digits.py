"""Figures a narrow cell wrapped digit by digit, their tails on the line under the row.

Departments paste Excel tables whose columns are too narrow for their figures: ``806`` prints
as ``80`` over ``6``, so ``pdftotext -layout`` sets the row's figures on its line and the tails of
the wrapped ones on the next (``31 7 8 84 0 35 44`` over ``4 … 8``, with perhaps a wrapped
label's second line before them). Where the tails stand is no guide (a CJK label skews a line's
columns), only their order is: the tails join, in order, the row's figures in every way that
keeps that order, and the table's row sums (``report.equations``) choose. A reading is taken
only when the row as printed fails its sums and exactly one joining satisfies them (or, where
several do, one whose tails stand where the page's other rows' tails of those columns stood);
otherwise the lines stay as printed (and the reader flags the row whose sums fail).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from gongkai.report.equations import balance
from gongkai.report.templates import TEMPLATES

_TOKEN = re.compile(r"\S+")
_MAX_JOININGS = 4000  # ways of joining tried on one row (15 figures, 5 tails: 3003)
_MIN_FIGURES = 4  # a row of the requests or appeals table, not prose with a few figures


@cache
def _widths() -> frozenset[int]:
    """The lengths of a table's rows whose last cell is the sum of the others (a requests row,
    an appeals group), from the templates."""
    widths: set[int] = set()
    for template in TEMPLATES.values():
        if template.request_columns and template.total_column == len(template.request_columns) - 1:
            widths.add(len(template.request_columns))
        fields = [f.key for f in template.appeal_fields]
        if fields and fields[-1] == "total":
            widths.add(len(fields))
    return frozenset(widths)


def sums_hold(figures: Sequence[int]) -> bool:
    """Whether ``figures`` split into one or more groups of one table width, each group's last
    figure the sum of the others (a requests row; an appeals row of three groups); a row of fewer
    figures than a requests row has blank cells, zeros: its last figure is the sum of the others."""
    widths = _widths()
    if figures and len(figures) < max(widths):
        return balance(list(figures[:-1]), [figures[-1]]) is True
    for width in widths:
        if figures and len(figures) % width == 0:
            groups = [figures[k : k + width] for k in range(0, len(figures), width)]
            if all(balance(list(g[:-1]), [g[-1]]) for g in groups):
                return True
    return False


def _figure(text: str) -> bool:
    """A bare figure of ASCII digits (``str.isdigit`` takes ① and ² too, which ``int`` refuses)."""
    return text.isascii() and text.isdigit()


def _trailing_figures(line: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """A line's words before its trailing run of bare figures, and that run."""
    tokens = list(_TOKEN.finditer(line))
    start = len(tokens)
    while start and _figure(tokens[start - 1].group()):
        start -= 1
    return tokens[:start], tokens[start:]


def _joined(values: list[str], tails: list[str]) -> list[tuple[tuple[int, ...], list[int]]]:
    """Every joining of ``tails`` (in order) to distinct ``values`` (in order) that satisfies the
    row sums: the places joined, and the row's figures."""
    found: list[tuple[tuple[int, ...], list[int]]] = []
    for tried, places in enumerate(itertools.combinations(range(len(values)), len(tails))):
        if tried >= _MAX_JOININGS:
            return []  # too many to choose among: leave the row as printed
        row = list(values)
        for place, tail in zip(places, tails, strict=True):
            row[place] += tail
        numbers = [int(v) for v in row]
        if sums_hold(numbers):
            found.append((places, numbers))
    return found


def _placed(line: str, row: list[re.Match[str]], figures: list[int]) -> str:
    """``line`` with its figures replaced, each where it stood (or just past the one before it),
    so that the reader still places a row with blank cells by its columns."""
    text = line[: row[0].start()]
    for k, (token, figure) in enumerate(zip(row, figures, strict=True)):
        text = text.ljust(max(token.start(), len(text) + bool(k))) + str(figure)
    return text


def rows_with_wrapped_digits(lines: list[str]) -> list[str]:
    """``lines`` with each row whose figures' wrapped tails stand on the next line joined (see the
    module): the row's line gets the joined figures, the next line keeps its label piece.

    Where the sums let a tail join either of two figures (``35 35 … 61`` over ``0 … 7``: ``350 35``
    or ``35 350``), the page's rows the sums read one way tell where each column's tails stand:
    lines of bare tails are laid out on one scale (no label skews them). The reading whose every
    tail stands where its column's tails stood, and no other column's, is taken."""
    out = list(lines)
    tail_places: dict[tuple[int, int, int], set[int]] = {}  # (page, row width, column) → tails' places
    undecided: list[tuple[int, int, list[re.Match[str]], list[re.Match[str]], list[tuple[tuple[int, ...], list[int]]]]]
    undecided = []
    page = 0
    for i in range(len(out) - 1):
        page += out[i].count("\f")
        below = out[i + 1]
        if not (below.rstrip()[-1:].isdigit() and out[i].rstrip()[-1:].isdigit()):
            continue  # most lines: not two lines ending in figures (keeps reading fast)
        _, row = _trailing_figures(out[i])
        if len(row) < _MIN_FIGURES:
            continue
        words, tails = _trailing_figures(below)
        if not tails or len(tails) > len(row) or any(ch.isdigit() for t in words for ch in t.group()):
            continue
        values = [t.group() for t in row]
        tail_figures = [int(t.group()) for t in tails]
        if sums_hold([int(v) for v in values]) or (len(tails) >= _MIN_FIGURES and sums_hold(tail_figures)):
            continue  # a line as printed is a row of its own (lone tails 0, or 6 … 6, hold the sums by chance)
        found = _joined(values, [t.group() for t in tails])
        if len(found) > 1:
            undecided.append((i, page, row, tails, found))
        if len(found) != 1:
            continue
        columns, figures = found[0]
        for column, tail in zip(columns, tails, strict=True):
            tail_places.setdefault((page, len(row), column), set()).add(tail.start())
        out[i] = _placed(out[i], row, figures)
        out[i + 1] = below[: tails[0].start()].rstrip()
    for i, page, row, tails, found in undecided:
        placed = [f for c, f in found if _tails_in_place(tail_places, page, len(row), c, tails)]
        if len(placed) == 1 and out[i : i + 2] == lines[i : i + 2]:  # neither line taken by another row
            out[i] = _placed(out[i], row, placed[0])
            out[i + 1] = out[i + 1][: tails[0].start()].rstrip()
    return out


def _tails_in_place(
    places: dict[tuple[int, int, int], set[int]],
    page: int,
    width: int,
    columns: tuple[int, ...],
    tails: list[re.Match[str]],
) -> bool:
    """Whether each tail stands within a column of where its column's tails stood on the page,
    and of no other column's."""
    for column, tail in zip(columns, tails, strict=True):
        near = {
            c
            for (p, w, c), seen in places.items()
            if p == page and w == width and any(abs(x - tail.start()) <= _SAME_COLUMN for x in seen)
        }
        if near != {column}:
            return False
    return True


_PIECES = re.compile(r"(?<![0-9])([0-9]+) ?<br ?/?> ?([0-9]+)", re.IGNORECASE)  # lookbehind: linear
_MAX_PIECE_CELLS = 10  # cells of one row holding two pieces: 2**10 readings at most


def pipe_cells_with_wrapped_digits(lines: list[str]) -> list[str]:
    """``lines`` with each pipe cell a converter set as a wrapped figure's two lines (``80<br>6``)
    read as the figure (``806``) where the row sums choose: every choice of such cells read
    joined, the others read as two figures, is a candidate reading of the row's figures; the one
    choice that satisfies the sums, when it joins any, is taken."""
    out = list(lines)
    for i, line in enumerate(out):
        if "<br" not in line or not line.lstrip().startswith("|"):
            continue  # cheap
        cells = line.strip()[1:-1].split("|")
        pieces = [_PIECES.fullmatch(cell.strip()) for cell in cells]
        wrapped = [k for k, m in enumerate(pieces) if m]
        if not wrapped or len(wrapped) > _MAX_PIECE_CELLS:
            continue
        first = wrapped[0]
        while first and (_figure(cells[first - 1].strip()) or not cells[first - 1].strip()):
            first -= 1
        if any(
            not (_figure(cell.strip()) or not cell.strip() or pieces[k]) for k, cell in enumerate(cells[first:], first)
        ):
            continue  # a word among the figures: not a row of figures
        if _two_rows(cells[first:], pieces[first:]):
            continue
        choices = []
        for joined in itertools.product((False, True), repeat=len(wrapped)):
            figures: list[int] = []
            for k in range(first, len(cells)):
                m = pieces[k]
                if m and joined[wrapped.index(k)]:
                    figures.append(int(m.group(1) + m.group(2)))
                elif m:
                    figures += [int(m.group(1)), int(m.group(2))]
                elif cells[k].strip():
                    figures.append(int(cells[k]))
            if len(figures) >= _MIN_FIGURES and sums_hold(figures):
                choices.append(joined)
        if len(choices) != 1 or not any(choices[0]):
            continue
        for k, join in zip(wrapped, choices[0], strict=True):
            m = pieces[k]
            if join and m:
                cells[k] = f" {m.group(1)}{m.group(2)} "
        out[i] = line[: line.index("|")] + f"|{'|'.join(cells)}|"
    return out


def _two_rows(cells: list[str], pieces: list[re.Match[str] | None]) -> bool:
    """Whether the cells' first lines make a row that satisfies the sums by itself, or every cell
    has two lines and the second lines do: two rows a converter ran into one (joined, their
    figures would satisfy the sums too, digit by digit), not wrapped figures."""
    tops = [int(m.group(1)) if m else int(cell) for cell, m in zip(cells, pieces, strict=True) if m or cell.strip()]
    bottoms = [int(m.group(2)) for m in pieces if m]
    return sums_hold(tops) or (len(bottoms) == len(tops) and sums_hold(bottoms))


_MAX_CENTRED_READINGS = 4000  # readings tried on one row of a vertically centred table


def pipe_rows_wrapped_around(lines: list[str]) -> list[str]:
    """``lines`` with each pipe row whose wrapped figures a converter split around it joined.

    markitdown centres a one-line cell vertically, so where a narrow cell wrapped its figure the
    row takes three pipe rows: the wrapped figures' heads in the row above, the one-line figures
    in the middle, the tails in the row below (``| 31 | | 44 |`` · ``| | 7 | |`` · ``| 4 | | 8 |``).
    In each cell the heads pair with the tails in order (a figure wrapped on three lines keeps
    its middle piece in the middle row); where a cell holds several columns the converter ran
    together, the wrapped figures and the middle ones may stand in any order. The middle row
    gets the one reading that satisfies the sums, when the three rows as printed each fail them
    and exactly one reading passes; otherwise the rows stay as printed (and the reader flags).
    """
    out = list(lines)
    middle = 1
    while middle < len(out) - 1:
        above = middle - 1
        if above and _rule(out[above]):
            above -= 1  # a page's table ended by a rule row under the heads (a new table's header)
        places = (above, middle, middle + 1)
        rows = [out[k] for k in places]
        joined = _centred_row(rows) if all(_pipe_figure_row(r) for r in (rows[0], rows[2])) else None
        if joined is None:
            middle += 1
            continue
        for k, row in zip(places, joined, strict=True):
            out[k] = row
        middle += 3
    return out


def _rule(line: str) -> bool:
    """A pipe table's rule row (``| --- | :-: |``)."""
    text = line.strip()
    return text.startswith("|") and "-" in text and not text.strip("|-: ")


def _pipe_figure_row(line: str) -> bool:
    """A pipe row (not a rule) holding a digit: cheap, on every line."""
    text = line.lstrip()
    return text.startswith("|") and any(ch.isdigit() for ch in text) and "---" not in text


def _centred_row(rows: list[str]) -> list[str] | None:
    """The three rows with the middle one's figures joined (see ``pipe_rows_wrapped_around``),
    or None when they are not that shape or the sums do not choose one reading."""
    if not rows[1].lstrip().startswith("|") or "---" in rows[1]:
        return None
    cells = [row.strip()[1:-1].split("|") for row in rows]
    if len({len(c) for c in cells}) != 1:
        return None
    tokens = [[cell.split() for cell in row] for row in cells]
    first = len(cells[0])
    while first and all(_figure(t) for row in tokens for t in row[first - 1]):
        first -= 1  # the figures' cells: from the right, up to the first label cell
    tops, mids, bottoms = (row[first:] for row in tokens)
    if not any(tops) or any(len(t) != len(b) for t, b in zip(tops, bottoms, strict=True)):
        return None  # no head, or a head without its tail (a figure lost): left as printed
    printed = [[int(t) for cell in row for t in cell] for row in (tops, mids, bottoms)]
    if sums_hold(printed[1]) or any(len(f) >= _MIN_FIGURES and sums_hold(f) for f in (printed[0], printed[2])):
        return None  # a row as printed satisfies the sums: ordinary rows (two lone pieces 6 … 6 do not count)
    per_cell = [_cell_readings(t, m, b) for t, m, b in zip(tops, mids, bottoms, strict=True)]
    found: list[tuple[list[str], ...]] = []
    for tried, reading in enumerate(itertools.product(*per_cell)):
        if tried >= _MAX_CENTRED_READINGS:
            return None
        figures = [int(v) for cell in reading for v in cell]
        if len(figures) >= _MIN_FIGURES and sums_hold(figures):
            found.append(reading)
    if len(found) != 1:
        return None
    out = []
    for r, row in enumerate(rows):
        texts = [" ".join(cell) for cell in found[0]] if r == 1 else [""] * len(found[0])
        kept = cells[r][:first] + [f" {text} " for text in texts]
        out.append(row[: row.index("|")] + f"|{'|'.join(kept)}|")
    return out


def _cell_readings(tops: list[str], mids: list[str], bottoms: list[str]) -> list[list[str]]:
    """A cell's figures in every order its pieces allow: each head joined to its tail, the
    middle figures among them (a lone cell with one piece on each line: also one figure)."""
    wrapped = [t + b for t, b in zip(tops, bottoms, strict=True)]
    readings: list[list[str]] = []
    if len(tops) == len(mids) == 1:
        readings.append([tops[0] + mids[0] + bottoms[0]])  # wrapped on three lines
    for places in itertools.combinations(range(len(wrapped) + len(mids)), len(mids)):
        heads, singles = iter(wrapped), iter(mids)
        readings.append([next(singles) if k in places else next(heads) for k in range(len(wrapped) + len(mids))])
    return readings


_HEAD_REACH = 3  # columns a wrapped figure's tail may stand off its head (both lines laid out alike)
_SAME_COLUMN = 1  # columns within which a wrapped figure and a one-line one may stand either way round


def rows_wrapped_around(lines: list[str]) -> list[str]:
    """``lines`` with each laid-out row whose wrapped figures stand around it joined.

    A Word table centres a cell's text vertically, so where a narrow cell wraps its figure the
    ``pdftotext -layout`` row takes three lines: the wrapped figures' heads on the line above
    (``270 … 81 48``), the one-line figures on the row's line (``235 79 972 0``), the tails on the
    line below (``3 … 1 00``); a wrapped label's pieces may share the lines above and below. The
    heads and tails, being on lines of figures alike, pair in order and each stands over its tail;
    each joined figure goes among the row's figures where its head stands (either side of a
    one-line figure at about the same place: a line's columns are scaled on their own). The row's
    line gets the one reading that satisfies the sums, when the three lines as printed each fail
    them and exactly one reading passes; otherwise the lines stay as printed (and the reader flags).
    """
    out = list(lines)
    ends = [line.rstrip()[-1:].isdigit() for line in out]  # once per line: most lines are skipped on it
    middle = 1
    while middle < len(out) - 1:
        joined = None
        if ends[middle - 1] and ends[middle] and ends[middle + 1]:
            joined = _row_around(out[middle - 1], out[middle], out[middle + 1])
        if joined is None:
            middle += 1
            continue
        out[middle - 1 : middle + 2] = joined
        ends[middle - 1] = ends[middle + 1] = False  # their figures joined the row
        middle += 2
    return out


def _row_around(above: str, row: str, below: str) -> list[str] | None:
    """The three lines with the row's wrapped figures joined on its line (see
    ``rows_wrapped_around``), or None when they are not that shape or the sums do not choose."""
    heads, mids, tails = (_trailing_figures(line)[1] for line in (above, row, below))
    if len(heads) != len(tails) or not mids or len(heads) + len(mids) < _MIN_FIGURES:
        return None
    pairs = list(zip(heads, tails, strict=True))
    if any(h.group().startswith("0") or abs(h.start() - t.start()) > _HEAD_REACH for h, t in pairs):
        return None  # a figure never starts with 0; a tail stands under its head
    printed = [[int(t.group()) for t in line] for line in (heads, mids, tails)]
    if sums_hold(printed[1]) or any(len(f) >= _MIN_FIGURES and sums_hold(f) for f in (printed[0], printed[2])):
        return None  # a line as printed is a row of its own
    wrapped = [(h.start(), h.group() + t.group()) for h, t in pairs]
    ones = [(m.start(), m.group()) for m in mids]
    found = []
    for places in itertools.combinations(range(len(wrapped) + len(ones)), len(wrapped)):
        reading = _interleaved(wrapped, ones, places)
        if reading is not None and sums_hold([int(v) for _, v in reading]):
            found.append(reading)
    if len(found) != 1:
        return None
    label_above, label_below = above[: heads[0].start()].rstrip(), below[: tails[0].start()].rstrip()
    return [label_above, _laid(row, mids[0].start(), found[0]), label_below]


def _interleaved(
    wrapped: list[tuple[int, str]], ones: list[tuple[int, str]], places: tuple[int, ...]
) -> list[tuple[int, str]] | None:
    """The row's figures with the wrapped ones at ``places`` among the one-line ones, or None
    when that order goes against where they stand (a wrapped figure well right of a one-line
    figure it would precede, or well left of one it would follow)."""
    heads, singles = iter(wrapped), iter(ones)
    reading = [next(heads) if k in places else next(singles) for k in range(len(wrapped) + len(ones))]
    for k, (at, _) in enumerate(reading):
        if k not in places:
            continue
        if any(o_at + _SAME_COLUMN < at for j, (o_at, _) in enumerate(reading[k + 1 :], k + 1) if j not in places):
            return None
        if any(o_at - _SAME_COLUMN > at for j, (o_at, _) in enumerate(reading[:k]) if j not in places):
            return None
    return reading


def _laid(row: str, start: int, reading: list[tuple[int, str]]) -> str:
    """``row`` with its figures from ``start`` on replaced by ``reading``'s, each where it stood
    (or just past the one before it)."""
    text = row[:start].rstrip()
    for at, figure in reading:
        text = text.ljust(max(at, len(text) + 1)) + figure
    return text


_MAX_SPLIT_PIECES = 2  # figures of one row printed in two pieces on its line
_DASHES = frozenset("-−－—–/")


def rows_with_split_figures(lines: list[str]) -> list[str]:
    """``lines`` with each row whose wrapped figures' pieces stand side by side on its line joined.

    Where a narrow cell's wrapped lines sit almost level, ``pdftotext -layout`` sets both pieces
    on the row's line (``109 9 3 19 10 0 15      0`` for ``… 150``; ``7 2 1 1 1`` for a group
    ``7 2 1 1 11``): the row prints one or two figures more than its table's width. Every joining
    of one or two pairs of neighbouring figures that leaves whole rows of the table's width is
    tried; the row's line gets the one joining that satisfies the sums, when the row as printed
    fails them and exactly one does; otherwise the line stays as printed (and the reader flags).
    """
    out = list(lines)
    for i, line in enumerate(out):
        if not line.rstrip()[-1:].isdigit() or len(line.split()) <= max(_widths()):
            continue  # cheap: most lines end in no figure or hold no more cells than a row's
        run = _trailing_cells(line)
        if len(run) <= max(_widths()):
            continue
        values = [t.group() for t in run]
        if sums_hold([_cell_number(v) for v in values]):
            continue
        found = _split_joined(values)
        if len(found) == 1:
            out[i] = _laid(line, run[0].start(), [(run[k].start(), text) for k, text in found[0]])
    return out


def _trailing_cells(line: str) -> list[re.Match[str]]:
    """A line's trailing run of bare figures and dash cells (none)."""
    tokens = list(_TOKEN.finditer(line))
    start = len(tokens)
    while start and (_figure(tokens[start - 1].group()) or tokens[start - 1].group() in _DASHES):
        start -= 1
    return tokens[start:]


def _cell_number(text: str) -> int:
    return int(text) if _figure(text) else 0


def _split_joined(values: list[str]) -> list[list[tuple[int, str]]]:
    """Every reading of ``values`` (each cell with the index of its first piece) with one or two
    pairs of neighbouring figures joined (a piece starting with 0 never heads a figure) that
    leaves whole rows of a table's width satisfying the row sums."""
    found: list[list[tuple[int, str]]] = []
    pairs = [k for k in range(len(values) - 1) if _figure(values[k]) and _figure(values[k + 1]) and values[k][0] != "0"]
    for count in range(1, _MAX_SPLIT_PIECES + 1):
        left = len(values) - count
        if left < max(_widths()) or not any(left % width == 0 for width in _widths()):
            continue
        for joined in itertools.combinations(pairs, count):
            if any(b - a < 2 for a, b in itertools.pairwise(joined)):
                continue  # two pairs sharing a piece
            cells: list[tuple[int, str]] = []
            k = 0
            while k < len(values):
                step = 2 if k in joined else 1
                cells.append((k, "".join(values[k : k + step])))
                k += step
            if sums_hold([_cell_number(text) for _, text in cells]):
                found.append(cells)
    return found
