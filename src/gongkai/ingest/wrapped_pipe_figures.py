"""Figures a PDF-to-Markdown converter wrapped in a narrow cell of a pipe table, put back.

A narrow cell wraps ``806`` to ``80`` over ``6``. pymupdf4llm keeps both lines in the cell
(``80<br>6``), or carries the tail to the next page's first row; markitdown sets the head in the
pipe row above and the tail in the row below (a vertically centred row), or pulls them out of
the table as loose lines around it. Each fixer joins the pieces in every way that keeps their
order and takes a reading only when the row as printed fails its sums and exactly one joining
satisfies them (the sums and joinings are ``wrapped_digits``', shared with the laid-out text).
"""

from __future__ import annotations

import itertools
import re

from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.pipe_wraps import STACKED
from gongkai.ingest.wrapped_digits import (
    DASHES,
    MAX_CENTRED_READINGS,
    MAX_JOININGS,
    MIN_FIGURES,
    cell_number,
    cell_readings,
    is_figure,
    is_wrapped_head,
    joined_figure,
    joinings,
    sums_hold,
    trailing_figures,
)

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
        cells = [_group_unbroken(cell) for cell in cells]
        if "<br" not in "".join(cells):
            out[i] = line[: line.index("|")] + f"|{'|'.join(cells)}|"
            continue
        pieces = [_PIECES.fullmatch(cell.strip()) for cell in cells]
        wrapped = [k for k, m in enumerate(pieces) if m]
        if not wrapped or len(wrapped) > _MAX_PIECE_CELLS:
            continue
        first = wrapped[0]
        while first and _count(cells[first - 1]):
            first -= 1
        if any(not (_count(cell) or pieces[k]) for k, cell in enumerate(cells[first:], first)):
            continue  # a word among the figures: not a row of figures
        if not _one_label(cells[:first]) and _two_rows(cells[first:], pieces[first:]):
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
                    figures.append(cell_number(cells[k].strip()))
            if len(figures) >= MIN_FIGURES and sums_hold(figures):
                choices.append(joined)
        if len(choices) != 1 or not any(choices[0]):
            continue
        for k, join in zip(wrapped, choices[0], strict=True):
            m = pieces[k]
            if join and m:
                cells[k] = f" {m.group(1)}{m.group(2)} "
        out[i] = line[: line.index("|")] + f"|{'|'.join(cells)}|"
    return out


# A figure broken inside its thousands group (``1，1<br>03``): only one figure reads so.
_GROUP_BREAK = re.compile(r"([1-9][0-9]{0,2}[,，][0-9]{0,2})<br ?/?>([0-9]{1,3})")


def _group_unbroken(cell: str) -> str:
    """``cell`` as its figure's digits where a break cut the figure inside a thousands group and
    the pieces make whole groups of three; else as it is."""
    match = _GROUP_BREAK.fullmatch(cell.strip()) if "<br" in cell else None
    figure = joined_figure(match.group(1), match.group(2)) if match else ""
    return f" {figure} " if figure else cell


_MAX_BREAK_LINES = 4  # empty lines a converter leaves between a page's table and the next page's


def pipe_tails_over_page(lines: list[str]) -> list[str]:
    """``lines`` with each wrapped figure's tail that a page break carried off its row put back.

    A table row that breaks across a page sends a narrow cell's wrapped tail (``44`` over ``8``)
    to the next page, where a PDF-to-Markdown converter (pymupdf4llm) starts a new pipe table
    whose first row holds nothing but the tails (``|||…|8|``). The tails join, in order, the
    figures of the last row before the break (``joinings``), where that row fails the sums and
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
        while first and is_figure(cells[first - 1].strip()):
            first -= 1
        values = [cell.strip() for cell in cells[first:]]
        tails = [cell.strip() for cell in _pipe_cells(out[tail_row]) if cell.strip()]
        if len(values) < MIN_FIGURES or not tails or sums_hold([int(v) for v in values]):
            continue
        found = joinings(values, tails)
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
    if not any(cells) or not all(is_figure(cell) for cell in cells if cell):
        return None
    return k


def _count(cell: str) -> bool:
    """A pipe cell of a row of figures: a figure, a blank, or a dash (``-``: nothing, 0)."""
    return is_figure(cell.strip()) or parse_cell(cell).kind in (CellKind.BLANK, CellKind.DASH)


def _one_label(cells: list[str]) -> bool:
    """Whether the cells before a row's figures hold one label of one line (no ``<br>``): one
    row, however its sums read, not two rows a converter ran into one (their labels ran too)."""
    labels = [cell.strip() for cell in cells if cell.strip()]
    return len(labels) == 1 and "<br" not in labels[0]


def _two_rows(cells: list[str], pieces: list[re.Match[str] | None]) -> bool:
    """Whether the cells' first lines make a row that satisfies the sums by itself, or every cell
    has two lines and the second lines do: two rows a converter ran into one (joined, their
    figures would satisfy the sums too, digit by digit), not wrapped figures."""
    tops = [
        int(m.group(1)) if m else cell_number(cell.strip())
        for cell, m in zip(cells, pieces, strict=True)
        if m or cell.strip()
    ]
    bottoms = [int(m.group(2)) for m in pieces if m]
    return sums_hold(tops) or (len(bottoms) == len(tops) and sums_hold(bottoms))


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
    while first and all(
        is_wrapped_head(t) if r == 0 else is_figure(t) or (r == 1 and t in DASHES)
        for r, row in enumerate(tokens)
        for t in row[first - 1]
    ):
        first -= 1  # the figures' cells: from the right, up to the first label cell (dash cells: the row's own)
    tops, mids, bottoms = (row[first:] for row in tokens)
    if not any(tops) or any(len(t) != len(b) for t, b in zip(tops, bottoms, strict=True)):
        return None  # no head, or a head without its tail (a figure lost): left as printed
    pairs = [pair for top, bottom in zip(tops, bottoms, strict=True) for pair in zip(top, bottom, strict=True)]
    if any(not joined_figure(h, t) for h, t in pairs):
        return None  # a head cut inside a group of three (1,1) its tail does not complete
    printed = [[cell_number(t) for cell in row for t in cell] for row in (mids, bottoms)]
    if all(is_figure(t) for cell in tops for t in cell):
        printed.append([int(t) for cell in tops for t in cell])
    if sums_hold(printed[0]) or any(len(f) >= MIN_FIGURES and sums_hold(f) for f in printed[1:]):
        return None  # a row as printed satisfies the sums: ordinary rows (two lone pieces 6 … 6 do not count)
    per_cell = [cell_readings(t, m, b) for t, m, b in zip(tops, mids, bottoms, strict=True)]
    found: list[tuple[list[str], ...]] = []
    for tried, reading in enumerate(itertools.product(*per_cell)):
        if tried >= MAX_CENTRED_READINGS:
            return None
        figures = [cell_number(v) for cell in reading for v in cell]
        if len(figures) >= MIN_FIGURES and sums_hold(figures):
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
        wrapped = joined_figure(tops[c][0], bottoms[c][0])
        others = list(first)
        if wrapped not in others:
            return None
        others.remove(wrapped)
        texts.append(STACKED.join([wrapped, *others]))
    return texts


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
                words, _ = trailing_figures(out[k])
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
            words, figures = trailing_figures(text)
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
    while first and all(is_figure(t) or t in DASHES for t in cells[first - 1].split()):
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
    heads = [m.group() for m in trailing_figures(above)[1]]
    tails = [m.group() for m in trailing_figures(below)[1]]
    if len(row) + len(heads) < MIN_FIGURES or sums_hold([cell_number(t) for t in row]):
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
            if tried >= MAX_JOININGS:
                return []
            given, pieces = iter(row), iter(wrapped)
            reading = [next(pieces) if k in places else next(given) for k in range(size)]
            if size >= MIN_FIGURES and sums_hold([cell_number(t) for t in reading]):
                found.append((reading, set(places), True))
    figures = [k for k, t in enumerate(row) if is_figure(t)]
    for tried, places in enumerate(itertools.combinations(figures, len(tails))):
        if tried >= MAX_JOININGS:
            return []
        reading = list(row)
        for place, tail in zip(places, tails, strict=True):
            reading[place] += tail
        if len(reading) >= MIN_FIGURES and sums_hold([cell_number(t) for t in reading]):
            found.append((reading, set(), False))
    return found
