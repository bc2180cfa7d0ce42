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

from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.pipe_wraps import STACKED
from gongkai.report.equations import balance
from gongkai.report.templates import TEMPLATES

_TOKEN = re.compile(r"\S+")
_DASHES = frozenset("-−－—–/")  # a cell printed as a dash (or /): 0 to the sums


def _cell_number(text: str) -> int:
    """A figure, or 0 for a dash cell."""
    return int(text) if _figure(text) else 0


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
        while first and _count(cells[first - 1]):
            first -= 1
        if any(not (_count(cell) or pieces[k]) for k, cell in enumerate(cells[first:], first)):
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
                    figures.append(_count_value(cells[k]))
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


_MAX_BREAK_LINES = 4  # empty lines a converter leaves between a page's table and the next page's


def pipe_tails_over_page(lines: list[str]) -> list[str]:
    """``lines`` with each wrapped figure's tail that a page break carried off its row put back.

    A table row that breaks across a page sends a narrow cell's wrapped tail (``44`` over ``8``)
    to the next page, where a PDF-to-Markdown converter (pymupdf4llm) starts a new pipe table
    whose first row holds nothing but the tails (``|||…|8|``). The tails join, in order, the
    figures of the last row before the break (``_joined``), where that row fails the sums and
    exactly one joining satisfies them; the tails' row is then emptied."""
    out = list(lines)
    for i, line in enumerate(out):
        if not line.rstrip().endswith("|") or not line.rstrip()[-2:-1].isdigit():
            continue  # cheap: a pipe row ending in a figure
        tail_row = _next_page_first_row(out, i)
        if tail_row is None:
            continue
        cells = _pipe_cells(line)
        first = len(cells)
        while first and _figure(cells[first - 1].strip()):
            first -= 1
        values = [cell.strip() for cell in cells[first:]]
        tails = [cell.strip() for cell in _pipe_cells(out[tail_row]) if cell.strip()]
        if len(values) < _MIN_FIGURES or not tails or sums_hold([int(v) for v in values]):
            continue
        found = _joined(values, tails)
        if len(found) != 1:
            continue
        _, figures = found[0]
        kept = cells[:first] + [str(figure) for figure in figures]
        out[i] = line[: line.index("|")] + f"|{'|'.join(kept)}|"
        out[tail_row] = "|" + "|".join("" for _ in _pipe_cells(out[tail_row])) + "|"
    return out


def _pipe_cells(line: str) -> list[str]:
    return line.strip()[1:-1].split("|")


def _next_page_first_row(lines: list[str], row: int) -> int | None:
    """The line of the next pipe table's first row when it follows ``row`` after only empty lines
    (a page break) and holds nothing but figures (no header cell: the tails of wrapped figures)."""
    k = row + 1
    while k < len(lines) and k - row <= _MAX_BREAK_LINES and not lines[k].strip():
        k += 1
    if k == row + 1 or k + 1 >= len(lines) or not lines[k].lstrip().startswith("|") or "---" not in lines[k + 1]:
        return None
    cells = [cell.strip() for cell in _pipe_cells(lines[k])]
    if not any(cells) or not all(_figure(cell) for cell in cells if cell):
        return None
    return k


def _count(cell: str) -> bool:
    """A pipe cell of a row of figures: a figure, a blank, or a dash (``-``: nothing, 0)."""
    return _figure(cell.strip()) or parse_cell(cell).kind in (CellKind.BLANK, CellKind.DASH)


def _count_value(cell: str) -> int:
    """A printed cell's count: its figure, or 0 for a dash."""
    return int(cell) if _figure(cell.strip()) else 0


def _two_rows(cells: list[str], pieces: list[re.Match[str] | None]) -> bool:
    """Whether the cells' first lines make a row that satisfies the sums by itself, or every cell
    has two lines and the second lines do: two rows a converter ran into one (joined, their
    figures would satisfy the sums too, digit by digit), not wrapped figures."""
    tops = [
        int(m.group(1)) if m else _count_value(cell) for cell, m in zip(cells, pieces, strict=True) if m or cell.strip()
    ]
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
    joined = _one_reading(found, tops, bottoms)
    if joined is None:
        return None
    out = []
    for r, row in enumerate(rows):
        texts = joined if r == 1 else [""] * len(joined)
        kept = cells[r][:first] + [f" {text} " for text in texts]
        out.append(row[: row.index("|")] + f"|{'|'.join(kept)}|")
    return out


def _one_reading(
    found: list[tuple[list[str], ...]], tops: list[list[str]], bottoms: list[list[str]]
) -> list[str] | None:
    """The cells' texts of the one reading the sums leave, or None. Where the readings differ only
    in the order of a cell holding one wrapped figure beside others (two columns run into one
    cell: ``2703 235`` or ``235 2703``), the cell keeps its figures joined by ``STACKED``, the
    wrapped one first, and the table's equations choose the order (``stacked_cells``)."""
    if len(found) == 1:
        return [" ".join(cell) for cell in found[0]]
    if not found:
        return None
    texts = []
    for c, first in enumerate(found[0]):
        variants = {tuple(reading[c]) for reading in found}
        if len(variants) == 1:
            texts.append(" ".join(first))
            continue
        if len(tops[c]) != 1 or len({tuple(sorted(v)) for v in variants}) != 1:
            return None  # more than one wrapped figure, or the readings join other pieces
        wrapped = tops[c][0] + bottoms[c][0]
        others = list(first)
        if wrapped not in others:
            return None
        others.remove(wrapped)
        texts.append(STACKED.join([wrapped, *others]))
    return texts


def line_wrapped_around(above: str, middle: str, below: str) -> str | None:
    """The row a converter set as three lines of bare figures, its wrapped figures' heads above
    and tails below the one-line figures (pymupdf4llm's text of a region it took for a picture,
    lines in the order of their height: ``2 2 1`` · ``10 6 1 3 18 2 4 2 3 2 1 4`` · ``0 6 0``),
    joined into one line: each head to its tail, in order, among the middle figures, in the one
    way that satisfies the sums (``pipe_rows_wrapped_around`` for one cell). None when the lines
    are not that shape, a line as printed satisfies the sums, or not exactly one way does."""
    tops, mids, bottoms = (line.split() for line in (above, middle, below))
    if not tops or len(tops) != len(bottoms) or not all(_figure(t) for t in (*tops, *mids, *bottoms)):
        return None
    printed = [[int(t) for t in line] for line in (tops, mids, bottoms)]
    if any(len(f) >= _MIN_FIGURES and sums_hold(f) for f in printed):
        return None
    found = []
    for tried, reading in enumerate(_cell_readings(tops, mids, bottoms)):
        if tried >= _MAX_CENTRED_READINGS:
            return None
        if len(reading) >= _MIN_FIGURES and sums_hold([int(v) for v in reading]):
            found.append(reading)
    return " ".join(found[0]) if len(found) == 1 else None


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


_MAX_LOOSE_GAP = 3  # lines between a pipe row and its loose pieces: a rule row, label pieces, a blank
_MAX_LOOSE_FIGURES = 3  # wrapped figures of one row set as loose lines
_MAX_LOOSE_WORDS = 30  # a loose line's label piece beside the figures, not a sentence


def pipe_rows_with_loose_pieces(lines: list[str]) -> list[str]:
    """``lines`` with each pipe row whose wrapped figures markitdown pulled out of its table joined.

    Where a narrow cell wrapped its figure, markitdown may set the figure's head on a loose line
    above the row and its tail on one below (``29`` · ``| 166 13 | 9 60 | 0 | 48 |`` · ``6``),
    beside the label pieces it pulled out too and across the row's ``| --- |`` line; or only the
    tail, under a row that holds the head (``| 35 44 |`` · ``8``). Only the order of the pieces is
    kept: each head joins its tail and the figure goes among the row's figures, or each tail joins
    one of the row's figures, in every way that keeps the order; the reading is taken only when the
    row as printed fails its sums and exactly one reading satisfies them.
    """
    out = list(lines)
    for i, line in enumerate(out):
        if not _pipe_figure_row(line):
            continue
        below = _loose_figures(out, i, 1)
        if below is None:
            continue
        above = _loose_figures(out, i, -1)
        joined = _row_with_pieces(line, out[above] if above is not None else "", out[below])
        if joined is None:
            continue
        out[i], used_above = joined
        for k in (above if used_above else None, below):
            if k is not None:
                words, _ = _trailing_figures(out[k])
                out[k] = out[k][: words[-1].end()] if words else ""
    return out


def _loose_figures(lines: list[str], at: int, step: int) -> int | None:
    """The nearest loose line from ``at`` in direction ``step`` ending in a few figures (perhaps
    after a label piece), over rule rows, blanks and label pieces; None when another line comes
    first."""
    k = at + step
    for _ in range(_MAX_LOOSE_GAP + 1):
        if not 0 <= k < len(lines):
            return None
        text = lines[k].strip()
        if text.startswith("|"):
            if not _rule(text):
                return None
        elif text:
            words, figures = _trailing_figures(text)
            if sum(len(w.group()) for w in words) > _MAX_LOOSE_WORDS:
                return None  # a sentence
            if figures:
                return k if len(figures) <= _MAX_LOOSE_FIGURES else None
        k += step
    return None


def _row_cells(line: str) -> tuple[list[str], int] | None:
    """A pipe row's cells and the first of its figure cells (from the right, up to a label)."""
    cells = line.strip()[1:-1].split("|")
    first = len(cells)
    while first and all(_figure(t) or t in _DASHES for t in cells[first - 1].split()):
        first -= 1
    return (cells, first) if first < len(cells) else None


def _row_with_pieces(line: str, above: str, below: str) -> tuple[str, bool] | None:
    """The pipe row ``line`` with the loose heads ``above`` and tails ``below`` joined into it
    (see ``pipe_rows_with_loose_pieces``) and whether the heads were used, or None when the sums
    do not choose one reading."""
    found = _row_cells(line)
    if found is None:
        return None
    cells, first = found
    where = [k for k in range(first, len(cells)) for _ in cells[k].split()]
    row = [t for k in range(first, len(cells)) for t in cells[k].split()]
    heads = [m.group() for m in _trailing_figures(above)[1]]
    tails = [m.group() for m in _trailing_figures(below)[1]]
    if len(row) + len(heads) < _MIN_FIGURES or sums_hold([_cell_number(t) for t in row]):
        return None
    readings = _loose_readings(row, heads, tails)
    if len(readings) > 1:
        # A wrapped part's place among the parts leaves the sums alike: the reading that puts
        # every joined figure into a cell markitdown left empty, when one alone does.
        readings = [r for r in readings if all(_cell_of_piece(k, r[1], where, cells)[1] for k in r[1]) and r[1]]
    if len(readings) != 1:
        return None
    reading, inserted, used_above = readings[0]
    texts: list[list[str]] = [[] for _ in cells]
    given = iter(where)
    for k, token in enumerate(reading):
        texts[_cell_of_piece(k, inserted, where, cells)[0] if k in inserted else next(given)].append(token)
    kept = cells[:first] + [f" {' '.join(t)} " for t in texts[first:]]
    return line[: line.index("|")] + f"|{'|'.join(kept)}|", used_above


def _cell_of_piece(k: int, inserted: set[int], where: list[int], cells: list[str]) -> tuple[int, bool]:
    """The pipe cell a joined figure goes into, and whether it was empty: the first cell left empty
    between its neighbours' (markitdown emptied the cell whose figure it pulled out), else its
    left neighbour's."""
    before = k - sum(1 for j in inserted if j < k)  # the row's tokens before it
    left = where[before - 1] if before else None
    right = where[before] if before < len(where) else len(cells)
    start = where[0] if left is None else left + 1
    for cell in range(start, right):
        if not cells[cell].strip():
            return cell, True
    return (left if left is not None else where[0]), False


def _loose_readings(row: list[str], heads: list[str], tails: list[str]) -> list[tuple[list[str], set[int], bool]]:
    """Every reading of the row with the loose pieces joined that satisfies the sums: the row's
    tokens, the places of the figures put among them, and whether the heads were used."""
    found: list[tuple[list[str], set[int], bool]] = []
    if heads and len(heads) == len(tails):
        wrapped = [h + t for h, t in zip(heads, tails, strict=True)]
        size = len(row) + len(wrapped)
        for tried, places in enumerate(itertools.combinations(range(size), len(wrapped))):
            if tried >= _MAX_JOININGS:
                return []
            given, pieces = iter(row), iter(wrapped)
            reading = [next(pieces) if k in places else next(given) for k in range(size)]
            if size >= _MIN_FIGURES and sums_hold([_cell_number(t) for t in reading]):
                found.append((reading, set(places), True))
    figures = [k for k, t in enumerate(row) if _figure(t)]
    for tried, places in enumerate(itertools.combinations(figures, len(tails))):
        if tried >= _MAX_JOININGS:
            return []
        reading = list(row)
        for place, tail in zip(places, tails, strict=True):
            reading[place] += tail
        if len(reading) >= _MIN_FIGURES and sums_hold([_cell_number(t) for t in reading]):
            found.append((reading, set(), False))
    return found


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
