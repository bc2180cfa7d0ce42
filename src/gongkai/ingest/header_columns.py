"""Where a laid-out table's header prints each column title, as fractions of its width.

``pdftotext -layout`` scales each line of a table on its own: a header set in smaller type
prints its titles closer together than the figures under them (``自然 商业 科研`` / ``人 企业 机构
社会公 法律服 其 总计`` over figures twice as far apart), and a page break can shift the whole
table sideways. What each line keeps is the order and the proportions: a title's place as a
fraction of the way from the first column's title to the last's is the fraction of its
column's figures between the first column's and the last's. The titles wrap a few characters a
line (``社会公`` over ``益组织``); the pieces standing at one place on successive lines are one
title. Only a header whose pieces join into every column title exactly once, in order, is used;
otherwise the reader keeps its usual proportions.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from gongkai.ingest.document import Cell, TableBlock
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.row_reading import Slot
from gongkai.report.labels import bare_label_key
from gongkai.report.templates import ORGANISATION_GROUP, REQUESTS_CORNER

_PIECE = re.compile(r"\S+")
_LINE = re.compile(r"^line \d+")
_SAME_PLACE = 1.5  # characters: pieces of one wrapped title stand this near each other's centres
_WRAP_DRIFT = 4.5  # characters: a wrapped title's piece pdftotext spaced on its own line's scale
_MAX_HEADER_LINES = 6
_UNEVEN = 2.0  # the widest gap between organisation titles at most this many times the narrowest


def header_fractions(tables: Sequence[TableBlock], titles: Sequence[Sequence[str]]) -> list[float] | None:
    """Each column's place as a fraction of the span from the first column to the last, from the
    first laid-out header of ``tables`` that prints every title of ``titles`` (each column's
    names); None when no header does."""
    for table in tables:
        run: list[list[tuple[float, str]]] = []
        line = ""
        for cell in (*(cell for row in table.rows for cell in row), None):
            pieces = _pieces(cell) if cell is not None else None
            if pieces is not None and cell is not None:
                at = _LINE.match(cell.where)
                here = at.group() if at else cell.where
                if run and here == line:
                    run[-1] += pieces  # another cell of the same line
                else:
                    run = [*run[-(_MAX_HEADER_LINES - 1) :], pieces]
                line = here
                continue
            if run:
                found = _title_places(run, titles)
                if found is not None and _even(found):
                    first, last = found[0], found[-1]
                    return [(x - first) / (last - first) for x in found]
            run = []
    return None


def _even(places: list[float]) -> bool:
    """Whether the titles stand as a table's columns do: the columns between the first and the
    last (the organisations) equally wide, as tables print them, so their titles about evenly
    spaced, and the first and last columns no narrower than half of one. Titles set otherwise
    (one raised to the header's first line, one pushed to a cell's edge) are not at their
    columns' centres and say nothing about them."""
    gaps = [b - a for a, b in itertools.pairwise(places)]
    if len(gaps) < 3:
        return False
    inner = gaps[1:-1]
    return max(inner) <= _UNEVEN * min(inner) and min(gaps[0], gaps[-1]) >= min(inner) / _UNEVEN


def _pieces(cell: Cell) -> list[tuple[float, str]] | None:
    """The words of a laid-out cell holding no figure, each with its centre; None for any other."""
    text = cell.text
    if not text or cell.x is None or "\n" in text or parse_cell(text).is_value:
        return None
    start = cell.x - (len(text) - 1) / 2
    return [(start + m.start() + (len(m.group()) - 1) / 2, m.group()) for m in _PIECE.finditer(text)]


def _title_places(run: list[list[tuple[float, str]]], titles: Sequence[Sequence[str]]) -> list[float] | None:
    """The centre of each title in the header lines ``run`` (pieces at one place joined top to
    bottom, a line between them or not: a one-line title sits level with the middle line of its
    wrapped neighbours); None unless every title is found once and in order. A piece joins no
    pile that already names a title or the organisation group (法人或其他组织 over 社会公)."""
    names = {bare_label_key(name): column for column, names_of in enumerate(titles) for name in names_of}
    whole = set(names) | {bare_label_key(ORGANISATION_GROUP), bare_label_key(REQUESTS_CORNER)}
    # (centre of the first piece, text joined so far)
    stacks: list[tuple[float, str]] = []
    for line in run:
        used: set[int] = set()
        for x, word in line:
            near = [
                k
                for k, (at, text) in enumerate(stacks)
                if abs(at - x) <= _SAME_PLACE and k not in used and bare_label_key(text) not in whole
            ]
            # A piece pdftotext set off its title's place (a wrapped line spaced on a scale of its
            # own): the one title nearby that it goes on spelling joins it.
            spelling = [
                k
                for k, (at, text) in enumerate(stacks)
                if abs(at - x) <= _WRAP_DRIFT and k not in used and _starts_title(text + word, names)
            ]
            if len(spelling) == 1 and (len(near) != 1 or not _starts_title(stacks[near[0]][1] + word, names)):
                near = spelling
            if len(near) == 1:
                at, text = stacks[near[0]]
                stacks[near[0]] = (at, text + word)
                used.add(near[0])
            else:
                stacks.append((x, word))
                used.add(len(stacks) - 1)
    places: dict[int, list[float]] = {}
    for at, text in stacks:
        column = names.get(bare_label_key(text))
        if column is not None:
            places.setdefault(column, []).append(at)
    if len(places) != len(titles) or any(len(found) != 1 for found in places.values()):
        return None
    ordered = [places[column][0] for column in range(len(titles))]
    if any(b <= a for a, b in itertools.pairwise(ordered)):
        return None
    return ordered


def _starts_title(text: str, names: dict[str, int]) -> bool:
    """Whether ``text`` is the start of a column title, or one whole."""
    key = bare_label_key(text)
    return any(name.startswith(key) for name in names)


def agrees_with_rows(fractions: Sequence[float], rows: Sequence[tuple[Sequence[Slot], Sequence[float | None]]]) -> bool:
    """Whether the header's proportions put the figures of each of the table's fullest rows (a
    figure in every column, or in all but one, on one line) in columns of their own, in order: a
    header whose first or last title stands off its column (centred in a merged cell) does not."""
    n = len(fractions)
    for slots, xs in rows:
        places = [x for s, x in zip(slots, xs, strict=False) if s.value.kind is not CellKind.BLANK]
        if len(places) < n - 1 or len(places) > n or any(x is None for x in places):
            continue
        first, last = places[0], places[-1]
        if first is None or last is None or last <= first:
            continue
        columns = [
            min(range(n), key=lambda c: abs((x - first) / (last - first) - fractions[c]))
            for x in places
            if x is not None
        ]
        if any(b <= a for a, b in itertools.pairwise(columns)):
            return False
    return True
