"""Rows of a Word table whose blank cells left only a space in a crawler's page text.

A Word export leaves a zero cell blank; a crawler that collapses whitespace keeps one space where
one or more blank cells stood and runs the printed cells on either side together:
``14 14 15 43`` for ``14 · 14 · 15 · 43`` and ``829 537 871`` for ``829 · 5 37 · · 871``. So the
text still tells, for a row of cells ending in their sum (a row of table 三), where blank cells
were: each space is one blank cell or more, each run of digits is printed cells side by side (cut
where the row adds up), the first run starts in the first column (自然人, printed even when 0)
and the last ends in the sum column. ``gap_readings`` lists every reading of that shape; which
columns the blank cells took is left to the table's column sums (``table_search``).

A table is read so only where its rows show the shape: its blank cells vanished (rows shorter
than the template) and rows hold runs separated by spaces (``spaced_table``). A table printed
without any space (``crawler-nospace``) keeps the sparse readings (``run_cuts.sparse_readings``):
there a run may hide blank cells anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from gongkai.ingest.row_reading import Reading, Slot, Value

_MAX_GAP_READINGS = 400  # readings of one row past which it is not read so (the generic readings take over)


def _pieces(digits: str, count: int) -> Iterator[tuple[int, ...]]:
    """``digits`` cut into ``count`` numbers, none with a leading zero."""
    if count == 1:
        if digits and (digits == "0" or digits[0] != "0"):
            yield (int(digits),)
        return
    if not digits or len(digits) < count:
        return
    if digits[0] == "0":
        for rest in _pieces(digits[1:], count - 1):
            yield (0, *rest)
        return
    for cut in range(1, len(digits) - count + 2):
        for rest in _pieces(digits[cut:], count - 1):
            yield (int(digits[:cut]), *rest)


def gap_readings(slots: Sequence[Slot], n: int) -> list[Reading]:
    """Every reading of ``slots`` (runs of digits printed on one line, spaces between them) as a
    row of ``n`` cells whose last is the sum of the others, each space one blank cell or more and
    each run cells side by side: the first run from the first column, the last to the sum column.
    Empty when no reading adds up, a slot is not a plain run of digits, or there are too many."""
    runs = [s.value.digits for s in slots]
    if not runs or not all(runs) or len(runs) > (n + 1) // 2:
        return []
    found: dict[tuple[Value, ...], Reading] = {}

    # The first run from the first column (a Word table prints 自然人 even when 0, as the
    # fixtures' exports do); from a later one at a cost (a table that leaves that cell blank too:
    # the space before the run is lost where the label runs into it), taken only where the
    # table's sums leave no reading from the first column.
    starts = [(0, 0), *((start, 1) for start in range(1, n - 2 * (len(runs) - 1)))]
    for first, extra in starts:
        _add_readings(_placements(runs, n, 0, first, []), slots, n, extra, found)
        if len(found) > _MAX_GAP_READINGS:
            return []
    return list(found.values())


def _placements(
    runs: list[str], n: int, j: int, column: int, cells: list[tuple[int, int, int]]
) -> Iterator[list[tuple[int, int, int]]]:
    """Runs j… of ``runs`` from ``column`` on, in a row of ``n`` cells: (column, value, run) for
    each printed cell (a module function, not a closure calling itself: that is a reference cycle
    left for the cyclic collector on every call)."""
    run = runs[j]
    last = j == len(runs) - 1
    room = n - column - (len(runs) - 1 - j) * 2  # each later run needs a blank and a cell
    for count in range(1, min(len(run), room) + 1):
        if last and column + count != n:
            continue
        for values in _pieces(run, count):
            here = [*cells, *((column + i, v, j) for i, v in enumerate(values))]
            if last:
                yield here
                continue
            # The next run after one blank cell or more.
            for start in range(column + count + 1, n - (len(runs) - 1 - j - 1) * 2):
                yield from _placements(runs, n, j + 1, start, here)


def _add_readings(
    placed: Iterator[list[tuple[int, int, int]]],
    slots: Sequence[Slot],
    n: int,
    extra: int,
    found: dict[tuple[Value, ...], Reading],
) -> None:
    """The placements (column, value, run) that add up, as readings, into ``found``."""
    for cells in placed:
        total = cells[-1][1]
        if sum(v for _, v, _ in cells[:-1]) != total:
            continue
        values: list[Value] = [0] * n
        wheres: list[str | None] = [None] * n
        cut = {j for _, _, j in cells if sum(1 for _, _, k in cells if k == j) > 1}
        for column, value, j in cells:
            values[column] = value
            wheres[column] = f"{slots[j].where} (split)" if j in cut else slots[j].where
        key = tuple(values)
        if key in found:
            continue
        shown = " ".join(str(v) for _, v, _ in cells)
        blanks = n - len(cells)
        first = "" if not extra else "; the first column blank too"
        first_zh = "" if not extra else "；第一列亦为空白"
        found[key] = Reading(
            key,
            tuple(wheres),
            ("",) * n,
            n - len(slots) + extra,
            f"cells ran together and {blanks} blank cell(s) left only the spaces between them: read as {shown}, "
            f"the last the sum of the others{first}",
            f"单元格粘连，{blanks} 个空白单元格只留下空格：读作 {shown}，末项为其余之和{first_zh}",
        )
        if len(found) > _MAX_GAP_READINGS:
            return


_MIN_GLUED_ROWS = 2  # rows whose printed runs do not add up as cells that make a table's runs glued cells


def spaced_table(rows: Sequence[Sequence[Slot]], n: int) -> bool:
    """Whether the table's rows are runs of cells glued together with a space where blank cells
    stood (a crawler's text of a Word table), not a cell per figure with spaces between (text laid
    out from a PDF, Markdown): no row prints more runs than a row of ``n`` cells can with a blank
    between each two, and rows of several runs on one line (``line 12 part 3``) do not add up as
    cells (``829 537 871``: 829 + 537 is not 871) but only once their runs are cut."""
    glued = 0
    for slots in rows:
        if not slots:
            continue
        if len(slots) > (n + 1) // 2:
            return False
        if len(slots) < 2:
            continue
        if not all(s.value.digits and " part " in s.where for s in slots):
            continue
        if len({s.where.split(" part ")[0] for s in slots}) != 1:
            continue
        amounts = [int(s.value.digits) for s in slots]
        if sum(amounts[:-1]) != amounts[-1]:
            glued += 1
    return glued >= _MIN_GLUED_ROWS
