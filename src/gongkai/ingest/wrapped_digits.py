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

The same for a Word print's vertically centred rows (heads above, tails below the row) and for
both pieces on the row's own line. The sums and the joinings here (``sums_hold``, ``joinings``,
``cell_readings``) are shared with the pipe-table fixers of ``wrapped_pipe_figures``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from gongkai.report.equations import balance
from gongkai.report.templates import TEMPLATES

_TOKEN = re.compile(r"\S+")
DASHES = frozenset("-−－—–/")  # a cell printed as a dash (or /): 0 to the sums


def cell_number(text: str) -> int:
    """A figure, or 0 for a dash cell."""
    return int(text) if is_figure(text) else 0


MAX_JOININGS = 4000  # ways of joining tried on one row (15 figures, 5 tails: 3003)
MAX_CENTRED_READINGS = 4000  # readings tried on one row of a vertically centred table
MIN_FIGURES = 4  # a row of the requests or appeals table, not prose with a few figures


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


def table_widths() -> frozenset[int]:
    """The widths of the rows whose last cell is the sum of the others (see ``sums_hold``)."""
    return _widths()


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


def is_figure(text: str) -> bool:
    """A bare figure of ASCII digits (``str.isdigit`` takes ① and ² too, which ``int`` refuses)."""
    return text.isascii() and text.isdigit()


def trailing_figures(line: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """A line's words before its trailing run of bare figures, and that run."""
    tokens = list(_TOKEN.finditer(line))
    start = len(tokens)
    while start and is_figure(tokens[start - 1].group()):
        start -= 1
    return tokens[:start], tokens[start:]


def joinings(values: list[str], tails: list[str]) -> list[tuple[tuple[int, ...], list[int]]]:
    """Every joining of ``tails`` (in order) to distinct ``values`` (in order) that satisfies the
    row sums: the places joined, and the row's figures. A 0 heads no figure (no printed figure
    starts with 0): a row whose last figures stand on the next line (``2 0 0 0`` over ``0 0 2``,
    pdftotext's flow where a column gap is wide) is no row of wrapped digits (``00`` ``02``)."""
    found: list[tuple[tuple[int, ...], list[int]]] = []
    heads = [k for k, value in enumerate(values) if not value.startswith("0")]
    for tried, places in enumerate(itertools.combinations(heads, len(tails))):
        if tried >= MAX_JOININGS:
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
    paged = "\f" in "".join(out)  # else every page is page 0: no count per line
    # Whether a line is a candidate (no tab, ends in a figure), carried from one step to the next
    # (asked of each line once, not twice) and asked again of a line a step changed.
    below_ends = bool(out) and "\t" not in out[0] and out[0].rstrip()[-1:].isdigit()
    for i in range(len(out) - 1):
        if paged:
            page += out[i].count("\f")
        below = out[i + 1]
        here_ends, below_ends = below_ends, "\t" not in below and below.rstrip()[-1:].isdigit()
        if not (here_ends and below_ends):
            continue  # most lines: not two lines ending in figures, or tab-separated cells (not laid out)
        _, row = trailing_figures(out[i])
        if len(row) < MIN_FIGURES:
            continue
        words, tails = trailing_figures(below)
        if not tails or len(tails) > len(row) or any(ch.isdigit() for t in words for ch in t.group()):
            continue
        values = [t.group() for t in row]
        tail_figures = [int(t.group()) for t in tails]
        if sums_hold([int(v) for v in values]) or (len(tails) >= MIN_FIGURES and sums_hold(tail_figures)):
            continue  # a line as printed is a row of its own (lone tails 0, or 6 … 6, hold the sums by chance)
        found = joinings(values, [t.group() for t in tails])
        if len(found) > 1:
            undecided.append((i, page, row, tails, found))
        if len(found) != 1:
            continue
        columns, figures = found[0]
        for column, tail in zip(columns, tails, strict=True):
            tail_places.setdefault((page, len(row), column), set()).add(tail.start())
        out[i] = _placed(out[i], row, figures)
        out[i + 1] = below[: tails[0].start()].rstrip()
        below_ends = "\t" not in out[i + 1] and out[i + 1].rstrip()[-1:].isdigit()
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


def line_wrapped_around(above: str, middle: str, below: str) -> str | None:
    """The row a converter set as three lines of bare figures, its wrapped figures' heads above
    and tails below the one-line figures (pymupdf4llm's text of a region it took for a picture,
    lines in the order of their height: ``2 2 1`` · ``10 6 1 3 18 2 4 2 3 2 1 4`` · ``0 6 0``),
    joined into one line: each head to its tail, in order, among the middle figures, in the one
    way that satisfies the sums (``wrapped_pipe_figures.pipe_rows_wrapped_around`` for one cell). None when the lines
    are not that shape, a line as printed satisfies the sums, or not exactly one way does."""
    tops, mids, bottoms = (line.split() for line in (above, middle, below))
    if not tops or len(tops) != len(bottoms) or not all(is_figure(t) for t in (*tops, *mids, *bottoms)):
        return None
    printed = [[int(t) for t in line] for line in (tops, mids, bottoms)]
    if any(len(f) >= MIN_FIGURES and sums_hold(f) for f in printed):
        return None
    found = []
    for tried, reading in enumerate(cell_readings(tops, mids, bottoms)):
        if tried >= MAX_CENTRED_READINGS:
            return None
        if len(reading) >= MIN_FIGURES and sums_hold([int(v) for v in reading]):
            found.append(reading)
    return " ".join(found[0]) if len(found) == 1 else None


def cell_readings(tops: list[str], mids: list[str], bottoms: list[str]) -> list[list[str]]:
    """A cell's figures in every order its pieces allow: each head joined to its tail, the
    middle figures among them (a lone cell with one piece on each line: also one figure)."""
    wrapped = [joined_figure(t, b) for t, b in zip(tops, bottoms, strict=True)]
    readings: list[list[str]] = []
    if len(tops) == len(mids) == 1 and is_figure(tops[0]) and is_figure(mids[0]):
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
    # once per line: most lines are skipped on it (tab-separated cells are not laid out)
    ends = ["\t" not in line and line.rstrip()[-1:].isdigit() for line in out]
    # the row's own line may end in a dash cell (… 8  -), its wrapped neighbours never do
    mids = [end or ("\t" not in line and line.rstrip()[-1:] in DASHES) for end, line in zip(ends, out, strict=True)]
    middle = 1
    while middle < len(out) - 1:
        joined = None
        if ends[middle - 1] and mids[middle] and ends[middle + 1]:
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
    heads, mids, tails = _wrapped_heads(above), _trailing_cells(row), trailing_figures(below)[1]
    if len(heads) != len(tails) or not mids or len(heads) + len(mids) < MIN_FIGURES:
        return None
    pairs = list(zip(heads, tails, strict=True))
    if any(h.group().startswith("0") or abs(h.start() - t.start()) > _HEAD_REACH for h, t in pairs):
        return None  # a figure never starts with 0; a tail stands under its head
    wrapped = [(h.start(), joined_figure(h.group(), t.group())) for h, t in pairs]
    if any(not figure for _, figure in wrapped):
        return None  # a head cut inside a group of three (1,1) its tail does not complete (03)
    printed = [[cell_number(t.group()) for t in line] for line in (mids, tails)]
    if all(is_figure(h.group()) for h in heads):
        printed.append([int(h.group()) for h in heads])
    if sums_hold(printed[0]) or any(len(f) >= MIN_FIGURES and sums_hold(f) for f in printed[1:]):
        return None  # a line as printed is a row of its own
    ones = [(m.start(), m.group()) for m in mids]
    found = []
    for places in itertools.combinations(range(len(wrapped) + len(ones)), len(wrapped)):
        reading = _interleaved(wrapped, ones, places)
        if reading is not None and sums_hold([cell_number(v) for _, v in reading]):
            found.append(reading)
    through = None if found else _through_row(pairs, mids)
    if through is not None:
        found.append(through)
    if len(found) != 1:
        return None
    label_above, label_below = above[: heads[0].start()].rstrip(), below[: tails[0].start()].rstrip()
    return [label_above, _laid(row, mids[0].start(), found[0]), label_below]


def _through_row(
    pairs: list[tuple[re.Match[str], re.Match[str]]], mids: list[re.Match[str]]
) -> list[tuple[int, str]] | None:
    """The row's figures with each head and tail joined around one of the row's figures, in
    order: figures a narrow cell wrapped on three lines (a full-width ``１`` · ``６`` · ``０``, the
    middle digit on the row's line, where a CJK label skews the row's columns against the lines
    of bare figures around it). The one such reading that satisfies the sums, or None (none or
    several do, or more are possible than ``MAX_CENTRED_READINGS``)."""
    if not all(is_figure(p.group()) for pair in pairs for p in pair) or len(pairs) > len(mids):
        return None
    found = None
    for tried, chosen in enumerate(itertools.combinations(range(len(mids)), len(pairs))):
        if tried >= MAX_CENTRED_READINGS:
            return None
        reading = [(m.start(), m.group()) for m in mids]
        for (head, tail), k in zip(pairs, chosen, strict=True):
            if not is_figure(mids[k].group()):
                break
            reading[k] = (mids[k].start(), head.group() + mids[k].group() + tail.group())
        else:
            if sums_hold([cell_number(v) for _, v in reading]):
                if found is not None:
                    return None
                found = reading
    return found


# A wrapped figure's head cut inside its thousands group (a full-width ``１，１`` over ``０３``).
_HEAD_IN_GROUP = re.compile(r"[1-9][0-9]{0,2}[,，][0-9]{0,2}")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:[,，][0-9]{3})+")


def _wrapped_heads(line: str) -> list[re.Match[str]]:
    """A line's trailing run of figures and heads cut inside a thousands group (``1，1``)."""
    tokens = list(_TOKEN.finditer(line))
    start = len(tokens)
    while start and is_wrapped_head(tokens[start - 1].group()):
        start -= 1
    return tokens[start:]


def is_wrapped_head(text: str) -> bool:
    """A figure, or a figure's head cut inside its thousands group (``1，1``)."""
    return is_figure(text) or _HEAD_IN_GROUP.fullmatch(text) is not None


def joined_figure(head: str, tail: str) -> str:
    """A wrapped figure's head and tail as one figure's digits; '' where a head with a separator
    and its tail do not make whole groups of three (``1，1`` + ``03`` is 1,103)."""
    if is_figure(head):
        return head + tail
    whole = head + tail
    return re.sub("[,，]", "", whole) if _GROUPED.fullmatch(whole) else ""


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
        if "\t" in line or not line.rstrip()[-1:].isdigit() or len(line.split()) <= max(_widths()):
            continue  # cheap: most lines end in no figure, are tab-separated or hold no more cells than a row's
        run = _trailing_cells(line)
        if len(run) <= max(_widths()):
            continue
        values = [t.group() for t in run]
        if sums_hold([cell_number(v) for v in values]):
            continue
        found = _split_joined(values)
        if len(found) == 1:
            out[i] = _laid(line, run[0].start(), [(run[k].start(), text) for k, text in found[0]])
    return out


def _trailing_cells(line: str) -> list[re.Match[str]]:
    """A line's trailing run of bare figures and dash cells (none)."""
    tokens = list(_TOKEN.finditer(line))
    start = len(tokens)
    while start and (is_figure(tokens[start - 1].group()) or tokens[start - 1].group() in DASHES):
        start -= 1
    return tokens[start:]


def _split_joined(values: list[str]) -> list[list[tuple[int, str]]]:
    """Every reading of ``values`` (each cell with the index of its first piece) with one or two
    pairs of neighbouring figures joined (a piece starting with 0 never heads a figure) that
    leaves whole rows of a table's width satisfying the row sums."""
    found: list[list[tuple[int, str]]] = []
    pairs = [
        k for k in range(len(values) - 1) if is_figure(values[k]) and is_figure(values[k + 1]) and values[k][0] != "0"
    ]
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
            if sums_hold([cell_number(text) for _, text in cells]):
                found.append(cells)
    return found


MAX_TAIL_LINES = 3  # lines of tails under one row (pdftotext's default flow: a tail or two a line)
MAX_LABEL_LINES = 2  # lines of a wrapped label between a row's figures and its tails


def rows_with_tails_further_down(lines: list[str]) -> list[str]:
    """``lines`` with each row whose wrapped tails ``pdftotext``'s default mode printed further
    down joined (``rows_with_wrapped_digits`` takes the line right under the row only): the flow
    sets a row's figures on a line, then the rest of its wrapped label or the next row's label
    (``办理结果``, ``2.重复申请``: a line or two of words, no figure at their end), then the tails,
    in the row's order but a few to a line (``6`` / ``1 4``). The tails of the lines of bare
    figures after the label, up to the next row, join the row's figures in every way that keeps
    their order; exactly one joining satisfying the row sums (the row as printed failing them) is
    taken, the tails' lines then emptied. Where two hold (``35 35 … 61`` over ``0`` / ``7``: ``350
    35`` or ``35 350``; no place on the line tells them apart here) the lines stay as printed."""
    out = list(lines)
    for i, line in enumerate(out):
        if not line.rstrip()[-1:].isdigit() or "\t" in line:
            continue
        _, row = trailing_figures(line)
        if len(row) < MIN_FIGURES:
            continue
        values = [t.group() for t in row]
        if sums_hold([int(v) for v in values]):
            continue
        tails: list[str] = []
        tail_lines: list[int] = []
        labels = 0
        for j in range(i + 1, min(len(out), i + 1 + MAX_LABEL_LINES + MAX_TAIL_LINES)):
            text = out[j].strip()
            if not text:
                continue
            words = text.split()
            if all(is_figure(w) for w in words):
                if len(tails) + len(words) > len(row) or len(tail_lines) == MAX_TAIL_LINES:
                    break
                tails += words
                tail_lines.append(j)
            elif tails or trailing_figures(text)[1] or labels == MAX_LABEL_LINES:
                break  # the next row's label or figures: the tails end here
            else:
                labels += 1
        if not tails:
            continue
        found = joinings(values, tails)
        if len(found) != 1:
            continue
        out[i] = _placed(line, row, found[0][1])
        for j in tail_lines:
            out[j] = ""
    return out
