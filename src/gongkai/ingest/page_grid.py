"""Rows of a pipe table laid out on one grid of page columns that is not the template's.

A PDF-to-Markdown converter that finds a table by the words' x positions (markitdown) clusters
the positions of a whole page into one set of columns and puts every word of every row of that
page into the column it falls in: a page's rows all hold the same number of cells, and each cell
is the same stretch of the page in every row. Where the page's columns are fewer than the
table's, one cell covers several of the table's columns (``| 1 1 |``: two figures of neighbouring
columns; ``| 1 |``: one of the two, the other left blank, as a Word export leaves zero cells
blank); where a column's cell is blank, it reads 0.

So which of the template's columns each cell covers is one choice for the whole page (a
monotone map of columns to cells, the total column in the last cell), not one per row: every
map that leaves each cell room for the figures any row of the page prints in it is a candidate,
and under a map a row's only freedom is where each cell's figures sit among its columns. The
table's equations (``report/equations.py``, through ``table_choice.choose``) choose among the maps and
placements together; maps or placements they cannot tell apart leave the cells they disagree on
unknown. A figure is never changed; only its column is chosen.

A header printed on the page's grid names the cells its titles stand in: a column's figures stand
in its title's cell or right of it, and where the equations hold as well either way, in it (the
maps setting fewest columns elsewhere win the tie). Where no cell shows the grid (no two figures
in one cell), such a header is the only evidence of it: a pipe table whose rows open with blank
cells is read on its header's grid where the rows as printed put a figure under another title.

A converter may also set each row (or a few) as a pipe table of its own, its cells drawn where
that row's figures fall (``139 286`` in one cell of a row, ``12`` and ``39 384`` in two of the
next): no one map holds the page. Where the rows hold different numbers of cells and no page's
map keeps the table whole, each row is read under every map of its own (``grid_options(own=
True)``), the header's titles still bounding where their columns start; ``requests`` takes the
table only where the equations, the fewest columns holding figures and the prose leave no cell open.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

from gongkai.ingest.document import TableBlock
from gongkai.ingest.grid_maps import maps
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.row_reading import Reading, Slot, Value
from gongkai.ingest.title_pieces import pieces_anchored
from gongkai.report.labels import bare_label_key

_WHERE = re.compile(r"^line (\d+) cell (\d+)(?: number \d+)?$")
_MAX_TABLES = 24  # distinct readings of the pages' rows (maps that read them alike are one) to weigh
_MAX_ROW_READINGS = 64  # placements of one row's figures under one map


@dataclass(frozen=True)
class GridRow:
    """A printed row of a pipe table: its line, its number of cells, and the figures of each cell
    (in printed order; a blank cell holds none)."""

    key: Hashable
    line: int
    width: int
    cells: tuple[tuple[int, tuple[Slot, ...]], ...]  # (cell number, figures), cells with figures only
    # Cells whose first figure stands after blanks (``|   1 |``): right of the cell's first column.
    indented: frozenset[int] = frozenset()


def grid_row(key: Hashable, slots: Sequence[Slot], leads: Sequence[int] = (), joined: bool = False) -> GridRow | None:
    """``slots`` as a row of one line of a pipe table (each printed as ``line L cell C``, figures
    of a cell that held several as ``… number K``); None when they are not (another layout, a
    row gathered from several lines, a cell that is neither a figure nor blank). Blank cells of
    a line after its figures' line are not the row's (a line emptied when the pieces of a figure
    wrapped over it were joined into the next row), nor, where the row holds such joined pieces
    (``joined``) or its lines hold as many cells each (a label wrapped over lines of the grid
    around its figures' line), those of a line before it. ``leads``: the blanks before each
    slot's figure in its cell (``Cell.lead``)."""
    widths: dict[int, int] = {}  # each line's last cell
    lines: set[int] = set()  # the lines of the row's figures
    cells: dict[int, list[Slot]] = {}
    indented: set[int] = set()
    for at, slot in enumerate(slots):
        match = _WHERE.match(slot.where)
        if match is None:
            return None
        line, cell = int(match.group(1)), int(match.group(2))
        widths[line] = max(widths.get(line, 0), cell)
        kind = slot.value.kind
        if kind is CellKind.BLANK:
            continue
        if kind is not CellKind.NUMBER or not isinstance(slot.value.amount, int):
            return None
        lines.add(line)
        if cell not in cells and at < len(leads) and leads[at] > 0:
            indented.add(cell)
        cells.setdefault(cell, []).append(slot)
    if len(lines) != 1 or not cells:
        return None
    line = lines.pop()
    if any(other < line for other in widths) and not joined and len(set(widths.values())) != 1:
        # Blank cells on a line of another grid before the figures': a row printed over two lines.
        return None
    if max(cells) != widths[line]:
        return None  # the last cell holds the row's total
    return GridRow(key, line, widths[line], tuple((c, tuple(f)) for c, f in sorted(cells.items())), frozenset(indented))


_CELL_WHERE = re.compile(r"^line (\d+) cell (\d+)$")


@dataclass(frozen=True)
class Anchor:
    """Column titles of a header printed on a page grid: which cell each title stands in."""

    line: int  # the header's last line
    width: int
    cells: tuple[tuple[int, int], ...]  # (column, cell number)
    # Cells printing two or more whole titles on one line and nothing else (``自然人 商业企业``):
    # they name all the columns they hold, so no other column's figures stand in them.
    closed: tuple[int, ...] = ()

    def only(self) -> dict[int, frozenset[int]]:
        """The columns each closed cell may hold."""
        return {cell: frozenset(c for c, at in self.cells if at == cell) for cell in self.closed}


def header_anchors(tables: Sequence[TableBlock], titles: Sequence[Sequence[str]]) -> list[Anchor]:
    """The cells that hold the template's column titles (``titles``: each column's names) in the
    pipe header rows of ``tables`` (rows of one grid holding no figure; a title wrapped over the
    header's rows is joined piece by piece: ``商业企`` over ``业``; ``社会公 法律服`` over
    ``益组织 务机构`` is two titles in one cell). A title found in no cell, or in two, anchors
    nothing; anchors out of the columns' order are all dropped."""
    found: list[Anchor] = []
    for table in tables:
        run: list[dict[int, str]] = []  # each header line's texts by cell number
        width = 0
        last = 0
        for row in (*table.rows, None):
            wheres = [_CELL_WHERE.match(cell.where) for cell in row] if row is not None else []
            if row is not None and len(row) == 1:
                continue  # a loose line (a title a converter set apart): not part of the grid
            pipe = row is not None and len(row) >= 3 and all(wheres)
            header = pipe and row is not None and not any(parse_cell(cell.text).is_value and cell.text for cell in row)
            # Cells by their printed number (a converter may drop a column blank all down the
            # table: the rows' figures keep the grid's numbers, so the titles keep them too).
            cells = (
                {int(m.group(2)): cell.text for m, cell in zip(wheres, row or [], strict=True) if m} if header else {}
            )
            if header and (not run or max(cells) == width):
                run.append(cells)
                width = max(cells)
                last = int(wheres[-1].group(1)) if wheres[-1] else last
                continue
            if run:
                anchor = _anchor(run, width, last, titles)
                if anchor is not None:
                    found.append(anchor)
            run = []
            if header:
                run, width = [cells], max(cells)
                last = int(wheres[-1].group(1)) if wheres[-1] else last
    return found


def _anchor(run: list[dict[int, str]], width: int, line: int, titles: Sequence[Sequence[str]]) -> Anchor | None:
    names: dict[str, list[int]] = {}
    words: dict[int, list[str]] = {}  # the words of each cell the header prints on one line only
    every: dict[int, set[str]] = {}  # every word each cell prints, on any line
    for cell in range(1, width + 1):
        pieces = [text.split() for row in run if (text := row.get(cell, "").strip())]
        if not pieces:
            continue
        every[cell] = {bare_label_key(word) for piece in pieces for word in piece}
        if len(pieces) == 1:
            words[cell] = [bare_label_key(word) for word in pieces[0]]
        for text in _joined_titles(pieces):
            names.setdefault(bare_label_key(text), []).append(cell)
    cells: list[tuple[int, int]] = []
    matched: dict[int, list[str]] = {}  # each cell's titles found
    for column, names_of in enumerate(titles):
        keys = [key for name in names_of if (key := bare_label_key(name)) in names]
        at = {c for key in keys for c in names[key]}
        if len(at) == 1:
            cell = at.pop()
            cells.append((column, cell))
            matched.setdefault(cell, []).extend(keys)
    if not cells or any(a[1] > b[1] for a, b in itertools.pairwise(cells)):
        return None
    cells = pieces_anchored(cells, every, titles)  # titles printed in pieces only (``公益``)
    # A cell printing on one line nothing but two or more whole titles found in it (``自然人
    # 商业企业``: narrow columns whose words ran into one cell) names all its columns. A cell of
    # one title may stand over the column before its own (a title is wider than its figures), and
    # one over several lines may hold pieces of its neighbours' titles: neither says so.
    closed = tuple(
        cell for cell, found in matched.items() if len(words.get(cell, ())) > 1 and set(words[cell]) <= set(found)
    )
    return Anchor(line, width, tuple(cells), closed)


def _joined_titles(pieces: list[list[str]]) -> list[str]:
    """The titles a header cell prints over its lines (``pieces``: each line's words): joined
    piece by piece within each run of lines printing as many words (a group title above the cell,
    ``法人或其他组织``, over two wrapped titles side by side, ``科研 社会公`` over ``益组织``…, is
    three titles, not one string); every line joined whole; and each word alone (a Word header
    sets two titles of the cell's columns on lines of their own: ``自然人`` over ``商业企业``)."""
    joined: list[str] = []
    for _, group in itertools.groupby(pieces, key=len):
        lines = list(group)
        joined.extend("".join(p[k] for p in lines) for k in range(len(lines[0])))
    if len({len(p) for p in pieces}) == 1 and len(pieces) > 1 and len(pieces[0]) > 1:
        return joined  # wrapped titles side by side: a piece alone is half a title
    words = [word for p in pieces for word in p] if len(pieces) > 1 else []
    # Lines of one word each: a title may span some of them only (a group title above it,
    # ``法人或其他组织`` over ``科研机`` over ``构``), or two titles of different heights set
    # in one cell alternate line by line (``总`` ``其`` ``计`` ``他``: 总计 and 其他).
    lone = [p[0] for p in pieces] if len(pieces) > 2 and all(len(p) == 1 for p in pieces) else []
    spans = ["".join(lone[i:j]) for i in range(len(lone)) for j in range(i + 2, len(lone) + 1)]
    alternate = ["".join(lone[k::2]) for k in (0, 1)] if len(lone) == 4 else []
    # Two lines of different numbers of words: a title wrapped under one word of the line above,
    # beside a title of one line (``其 总计`` over ``他``: 其他 and 总计).
    paired = (
        [a + b for a in pieces[0] for b in pieces[1]] if len(pieces) == 2 and len(pieces[0]) != len(pieces[1]) else []
    )
    return list(dict.fromkeys([*joined, "".join("".join(p) for p in pieces), *words, *spans, *alternate, *paired]))


def pages(rows: Sequence[GridRow], breaks: Sequence[int] = ()) -> list[list[GridRow]]:
    """Rows in printed order, cut where the number of cells changes or a page ends (``breaks``:
    the empty lines a converter joins pages with): each page has its own grid."""
    out: list[list[GridRow]] = []
    for row in sorted(rows, key=lambda r: r.line):
        if out and out[-1][-1].width == row.width and not _broken_between(out[-1][-1].line, row.line, breaks):
            out[-1].append(row)
        else:
            out.append([row])
    return out


def _broken_between(first: int, last: int, breaks: Sequence[int]) -> bool:
    return any(first < line < last for line in breaks)


def readings_under(
    row: GridRow, column_cells: tuple[int, ...], n: int, cued: bool = False, off: int = 0
) -> list[Reading]:
    """The row's readings under one map: each cell's figures in its columns, in printed order,
    in every way they fit; the columns left read 0. Empty when a cell has too few columns or
    the ways are too many. ``cued``: the converter keeps the blanks a figure starts with (some
    figure of the table does), so a cell's first figure with none stands in the cell's first
    column and one with some does not; a reading that places a figure against that counts it
    in ``tail``, which decides only between readings the equations hold equally well (the row
    stays among the uncertain ones, as every reading that moved a figure does); ``off``, the
    columns the map sets in a cell other than their header title's, counts there too."""
    columns_of: dict[int, list[int]] = {}
    for column, cell in enumerate(column_cells):
        columns_of.setdefault(cell, []).append(column)
    choices: list[list[tuple[tuple[int, Slot], ...]]] = []
    for cell, figures in row.cells:
        room = columns_of.get(cell, [])
        if len(figures) > len(room):
            return []
        # The last cell's last figure is the row's total (a row printing figures prints its total).
        choices.append(
            [
                tuple(zip(cols, figures, strict=True))
                for cols in itertools.combinations(room, len(figures))
                if cell != row.width or cols[-1] == n - 1
            ]
        )
    found: dict[tuple[Value, ...], Reading] = {}
    printed = sum(len(f) for _, f in row.cells)
    firsts = {cell: min(cols) for cell, cols in columns_of.items()}
    for combo in itertools.product(*choices):
        values: list[Value] = [0] * n
        wheres: list[str | None] = [None] * n
        against = off
        for (cell, _), part in zip(row.cells, combo, strict=True):
            if cued and len(columns_of[cell]) > 1:
                against += (part[0][0] == firsts[cell]) == (cell in row.indented)
            for column, slot in part:
                values[column] = slot.value.amount
                wheres[column] = slot.where
        known = found.get(tuple(values))
        if known is not None and known.tail <= against:
            continue
        how, how_zh = (
            f"{n - printed} blank column(s) of a page grid of {row.width} cells; figures placed by the page's map",
            f"页面网格共 {row.width} 个单元格，{n - printed} 列空白；数字按该页的列对应放置",
        )
        if cued:
            how += ", within a cell by the blanks before each figure"
            how_zh += "，单元格内按数字前的空白定位"
        found[tuple(values)] = Reading(tuple(values), tuple(wheres), ("",) * n, n - printed, how, how_zh, against)
        if len(found) > _MAX_ROW_READINGS:
            return []
    return list(found.values())


def _page_readings(
    page: Sequence[GridRow], n: int, cued: bool, fixed: dict[int, int], only: dict[int, frozenset[int]]
) -> list[tuple[int, dict[Hashable, list[Reading]]]]:
    """The page's rows' readings under each of its maps, maps that read every row alike merged
    (the one setting fewest columns away from their header titles' cells kept: a column's
    figures stand under its title, in its cell, unless the equations say otherwise), each with
    that count."""
    if len(page) == 1:
        # A page of one row: every map reads only it, so its readings under all maps are one
        # set of options (the equations choose), however many maps give them.
        return _row_grids(page, n, cued, fixed, only)
    found: dict[tuple[frozenset[tuple[tuple[Value, ...], int]], ...], tuple[int, dict[Hashable, list[Reading]]]] = {}
    for column_cells in maps(page, n, fixed, only):
        off = sum(column_cells[column] != cell for column, cell in fixed.items())
        options: dict[Hashable, list[Reading]] = {}
        for row in page:
            readings = readings_under(row, column_cells, n, cued, off)
            if not readings:
                break
            options[row.key] = readings
        else:
            signature = tuple(frozenset((r.values, r.tail - off) for r in options[row.key]) for row in page)
            if signature not in found or off < found[signature][0]:
                found[signature] = (off, options)
            if len(found) > _MAX_TABLES:
                return []
    return list(found.values())


def _row_grids(
    page: Sequence[GridRow], n: int, cued: bool, fixed: dict[int, int], only: dict[int, frozenset[int]]
) -> list[tuple[int, dict[Hashable, list[Reading]]]]:
    """The page's rows each read on a grid of its own: a converter that set each row (or a few)
    as a pipe table of its own drew each one's cells where its own figures fall, so no map holds
    the page and every map of a row alone is one of its readings (the header's titles still fix
    where their columns may stand). One table of every row's readings under all its maps, the
    equations to choose among them; empty where a row has none or too many."""
    options: dict[Hashable, list[Reading]] = {}
    for row in page:
        best: dict[tuple[Value, ...], Reading] = {}
        for column_cells in maps([row], n, fixed, only):
            for found in readings_under(row, column_cells, n, cued):
                # Figures set in a column whose title stands in another cell than theirs.
                away = 0
                for column, where in enumerate(found.wheres):
                    match = _WHERE.match(where or "")
                    away += column in fixed and match is not None and int(match.group(2)) != fixed[column]
                reading = found._replace(
                    tail=away,
                    how=f"{found.how}, the row on a grid of its own",
                    how_zh=f"{found.how_zh}，本行按其自身的网格",
                )
                known = best.get(reading.values)
                if known is None or reading.tail < known.tail:
                    best[reading.values] = reading
        if not best or len(best) > _MAX_ROW_READINGS:
            return []
        options[row.key] = list(best.values())
    return [(0, options)]


def _page_anchor(
    every: Sequence[Sequence[GridRow]], index: int, anchors: Sequence[Anchor], breaks: Sequence[int]
) -> Anchor | None:
    """The header printed on page ``index``'s grid, after the page before it, if any."""
    page = every[index]
    after = every[index - 1][-1].line if index else 0
    found = None
    for anchor in anchors:
        if (
            anchor.width == page[0].width
            and after < anchor.line < page[0].line
            and not _broken_between(anchor.line, page[0].line, breaks)
        ):
            found = anchor
    return found


def against_header(
    rows: Sequence[GridRow],
    anchors: Sequence[Anchor],
    printed: dict[Hashable, tuple[str | None, ...]],
    breaks: Sequence[int] = (),
) -> set[Hashable]:
    """Rows on a page whose header (``anchors``) sets a column in another cell than the one the
    page's rows as read (``printed``: where each column's value was printed) took its figures
    from: the page's grid is not the one its rows were read on."""
    every = pages(rows, breaks)
    found: set[Hashable] = set()
    for index, page in enumerate(every):
        anchor = _page_anchor(every, index, anchors, breaks)
        if anchor is None:
            continue
        cells = dict(anchor.cells)
        for row in page:
            for column, where in enumerate(printed.get(row.key, ())):
                match = _WHERE.match(where or "")
                if match and column in cells and int(match.group(2)) != cells[column]:
                    found.update(r.key for r in page)
                    break
            if row.key in found:
                break
    return found


def grid_options(
    rows: Sequence[GridRow],
    n: int,
    needed: set[Hashable],
    cued: bool = False,
    anchors: Sequence[Anchor] = (),
    breaks: Sequence[int] = (),
    own: bool = False,
) -> Iterator[dict[Hashable, list[Reading]]]:
    """For every combination of the pages' maps, each row's readings under its page's map. Only
    pages holding a row of ``needed`` (rows on a grid other than the template's) are read so, and
    only those whose maps read their rows in few ways (the others' rows keep their readings as
    printed); nothing when the combinations are too many. A header (``anchors``) printed on a
    page's grid, after the page before it, fixes the columns it names there. ``own``: each row
    may also stand on a grid of its own (``_row_grids``), one more reading of every page."""
    every = pages(rows, breaks)
    per_page = []
    for index, page in enumerate(every):
        if not any(row.key in needed for row in page):
            continue
        anchor = _page_anchor(every, index, anchors, breaks)
        fixed, only = (dict(anchor.cells), anchor.only()) if anchor is not None else ({}, {})
        found = _page_readings(page, n, cued, fixed, only)
        if own:
            found = [*found, *_row_grids(page, n, cued, fixed, only)]
        if found:
            per_page.append(found)
    if math.prod(len(found) for found in per_page) > _MAX_TABLES:
        # Too many tables: where headers name columns, only the maps setting fewest columns away
        # from their titles' cells are tried.
        per_page = [[(off, part) for off, part in found if off == min(o for o, _ in found)] for found in per_page]
    if not per_page or math.prod(len(found) for found in per_page) > _MAX_TABLES:
        return
    for combo in itertools.product(*per_page):
        options: dict[Hashable, list[Reading]] = {}
        for _, part in combo:
            options.update(part)
        yield options
