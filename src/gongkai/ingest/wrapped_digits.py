"""Figures a narrow cell wrapped digit by digit, their tails on the line under the row.

Departments paste Excel tables whose columns are too narrow for their figures: ``806`` prints
as ``80`` over ``6``, so ``pdftotext -layout`` sets the row's figures on its line and the tails of
the wrapped ones on the next (``31 7 8 84 0 35 44`` over ``4 … 8``, with perhaps a wrapped
label's second line before them). Where the tails stand is no guide (a CJK label skews a line's
columns), only their order is: the tails join, in order, the row's figures in every way that
keeps that order, and the table's row sums (``report.equations``) choose. A reading is taken
only when the row as printed fails its sums and exactly one joining satisfies them; otherwise
the lines stay as printed (and the reader flags the row whose sums fail).
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


def _joined(values: list[str], tails: list[str]) -> list[list[int]]:
    """Every joining of ``tails`` (in order) to distinct ``values`` (in order) that satisfies the
    row sums."""
    found: list[list[int]] = []
    for tried, places in enumerate(itertools.combinations(range(len(values)), len(tails))):
        if tried >= _MAX_JOININGS:
            return []  # too many to choose among: leave the row as printed
        row = list(values)
        for place, tail in zip(places, tails, strict=True):
            row[place] += tail
        numbers = [int(v) for v in row]
        if sums_hold(numbers):
            found.append(numbers)
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
    module): the row's line gets the joined figures, the next line keeps its label piece."""
    out = list(lines)
    for i in range(len(out) - 1):
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
        if sums_hold([int(v) for v in values]) or sums_hold([int(t.group()) for t in tails]):
            continue
        found = _joined(values, [t.group() for t in tails])
        if len(found) != 1:
            continue
        out[i] = _placed(out[i], row, found[0])
        out[i + 1] = below[: tails[0].start()].rstrip()
    return out


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
