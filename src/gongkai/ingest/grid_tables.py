"""Table 三 chosen again as a whole where its rows as printed leave it open: read on its pages' grids.

One job: once ``requests.read_requests`` has chosen the table from its rows as printed, weigh
whole tables read another way against that choice. A converter may set a page's rows on a grid of
fewer or more cells than the template's columns (``page_grid``: figures of neighbouring columns
sharing a cell, figures set after blanks inside their cells, rows as pipe tables of their own);
``on_page_grids`` reads the table on every map of each page's grid and keeps the tables that break
no more equations than the rows as printed, the cells they disagree on unknown. The blank rows (a
label with not one figure after it) take part as rows of zeros where that alone keeps every
equation: on the grids, and in ``with_blank_rows`` for a table whose blank cells vanished.

Layering: ``requests`` imports this module, never the other way round; a row as printed is
anything with its tokens (``PrintedRow``, which ``requests.RequestRaw`` is).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from gongkai.ingest.document import TableBlock
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.page_grid import against_header, grid_options, grid_row, header_anchors
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Reading, Slot, Value
from gongkai.ingest.table_choice import Choice, choose
from gongkai.report.equations import Bound
from gongkai.report.templates import Template


class PrintedRow(Protocol):
    """A row of table 三 as printed (``requests.RequestRaw``): its tokens after the label."""

    @property
    def values(self) -> list[Token]: ...


def shared_cells(raw: Mapping[str, PrintedRow], options: dict[Hashable, list[Reading]]) -> bool:
    """Whether a row prints figures of neighbouring columns in one cell, or a figure after blanks
    inside its cell: what shows a page grid (``page_grid``) without a header to read it by."""
    return any(True for key in options for t in raw[str(key)].values if t.lead or " number " in t.where)


def on_page_grids(
    raw: Mapping[str, PrintedRow],
    options: dict[Hashable, list[Reading]],
    chosen: dict[Hashable, Choice],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    n: int,
    bound: Bound,
    template: Template,
    tables: Sequence[TableBlock],
    blank_rows: Sequence[str] = (),
    stated: dict[tuple[str, int], int] | None = None,
) -> tuple[dict[Hashable, Choice], bool]:
    """The table read again with its pipe rows on their pages' grids (``page_grid``: a
    converter that set a page's rows on one grid of fewer or more cells than the template's
    columns), every map of each page tried; taken where it breaks no more equations than the
    reading as printed. Maps that keep the table equally whole but read a cell differently leave
    that cell unknown. ``blank_rows``: rows printed with no figure (``read_requests`` reads them
    as 0 in doubt, outside the sums); where the grid leaves cells unknown, the table is tried
    again with them as 0, and taken only where it then keeps every equation: the column sums
    through them (一+二 = 七+四, 七 = the rows above) are what place a lone figure among the
    columns of its cell. With it, whether the table was read on grids of its rows' own
    (``_fewest_columns``) with no cell left open."""
    # A page grid shows in figures of neighbouring columns sharing a cell, or in figures set after
    # blanks inside their cells; a table with neither (a tab-separated dump, a pipe table a cell a
    # column) is read as printed, unless a row opens with blank cells (a grid's cells before its
    # figures) and a header on the grid sets the columns' titles in other cells than the rows as
    # printed put their figures (below): the titles' cells are the columns'.
    shared = shared_cells(raw, options)
    if not shared and not (
        any(table.piped for table in tables)
        and any(
            (first := raw[str(key)].values[:1]) and " cell " in first[0].where and first[0].value.kind is CellKind.BLANK
            for key in options
        )
    ):
        return chosen, False

    # A row's label may wrap over lines of its grid around its figures' line (the lines before
    # them print blank cells only).
    rows = [
        row
        for key in options
        if (
            row := grid_row(
                key,
                [Slot(t.value, t.where) for t in raw[str(key)].values],
                [t.lead for t in raw[str(key)].values],
                any(t.stacked for t in raw[str(key)].values),
            )
        )
    ]
    # Rows not on the template's grid: more or fewer cells than its label and columns, or figures
    # of neighbouring columns sharing a cell.
    needed = {row.key for row in rows if row.width != n + 1 or any(len(f) > 1 for _, f in row.cells)}
    if shared and not needed:
        return chosen, False
    grid_keys = {row.key for row in rows}
    anchors = header_anchors(tables, [c.labels for c in template.request_columns])
    breaks = sorted(line for table in tables for line in table.breaks)
    if not shared:
        # No cell shows the grid: a header on it must, naming both ends (自然人, 总计) and most
        # columns between; only the pages it heads are read on it.
        anchors = [
            anchor
            for anchor in anchors
            if 2 * len(anchor.cells) > n and {0, n - 1} <= {column for column, _ in anchor.cells}
        ]
        printed = {key: choice.reading.wheres for key, choice in chosen.items()}
        needed = against_header(rows, anchors, printed, breaks)
        if not needed:
            return chosen, False
        # The other pages of a table read on its header's grid whose rows hold more or fewer cells
        # than the template's columns (a page after the converter's page join, no header of its
        # own): as printed, their figures stand on no grid either.
        needed |= {row.key for row in rows if row.width != n + 1}
    cued = any(row.indented for row in rows)
    alternatives = [
        weighed_by_prose(alternative, stated or {})
        for alternative in grid_options(rows, n, needed, cued, anchors, breaks)
    ]
    context = _Context(options, chosen, failures, bound, grid_keys)
    read = _read_on_grids(context, alternatives, blank_rows, n)
    if len({row.width for row in rows}) == 1 or (read is not None and read[1] == 0):
        return (read[0], False) if read is not None else (chosen, False)
    # Rows on grids of different numbers of cells, and no one grid a page keeps the table whole:
    # a converter that set rows as pipe tables of their own, each on a grid of its own.
    alternatives = [
        weighed_by_prose(alternative, stated or {})
        for alternative in grid_options(rows, n, needed, cued, anchors, breaks, own=True)
    ]
    own = _read_on_grids(context, alternatives, blank_rows, n)
    if own is None or own[1] != 0:
        return (read[0], False) if read is not None else (chosen, False)
    merged, _, zeros = own
    if any(choice.unknown for choice in merged.values()):
        # The equations leave cells open: the fewest columns holding figures may not.
        narrow = _fewest_columns(context, alternatives, merged, zeros)
        merged = _merged_tables(narrow) if narrow else merged
    if any(choice.unknown for choice in merged.values()):
        # Rows on grids of their own that leave cells open are no better evidence than the rows
        # as printed (which the passes after this one may still place).
        return (read[0], False) if read is not None else (chosen, False)
    return merged, True


@dataclass(frozen=True)
class _Context:
    """What every table read on the grids is weighed against: the rows' readings as printed
    (``options``), the table chosen from them (``chosen``), the equations it breaks
    (``failures``, ``bound``), and the rows set on a grid (``grid_keys``)."""

    options: dict[Hashable, list[Reading]]
    chosen: dict[Hashable, Choice]
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int]
    bound: Bound
    grid_keys: set[Hashable]


def _read_on_grids(
    context: _Context, alternatives: Sequence[dict[Hashable, list[Reading]]], blank_rows: Sequence[str], n: int
) -> tuple[dict[Hashable, Choice], int, dict[Hashable, Reading]] | None:
    """The table of the grids' readings (``_best_grid_tables``, cells they disagree on unknown),
    the equations it breaks, and the blank rows read as 0 it was taken with (where the grids leave
    cells unknown and the table keeps every equation with them as 0); None where none breaks no
    more equations than ``chosen``."""
    best, least = _best_grid_tables(context, alternatives, {})
    if not best:
        return None
    merged = _merged_tables(best)
    if blank_rows and any(choice.unknown for choice in merged.values()):
        zeros = _zero_rows(blank_rows, n)
        whole, whole_least = _best_grid_tables(context, alternatives, zeros)
        if whole and whole_least == 0:
            return _merged_tables(whole), 0, zeros
    return merged, least, {}


_MAX_COLUMN_SETS = 40  # sets of columns a table on several grids is tried with


def _fewest_columns(
    context: _Context,
    alternatives: Sequence[dict[Hashable, list[Reading]]],
    merged: dict[Hashable, Choice],
    zeros: dict[Hashable, Reading],
) -> list[dict[Hashable, Choice]]:
    """The consistent tables, among the page grids' readings, whose figures stand in the fewest
    columns: a converter that set a table on several grids (rows of different numbers of cells)
    drew each grid from the figures it held, so a column blank all down the table left no cell
    and the rows' figures may be moved by whole columns with every sum kept; the readings that
    give the blank column a figure in some rows and not others are not the table's. Only the
    columns ``merged`` leaves unknown are tried blank; [] where no set of them keeps the table
    consistent, or the sets are too many."""
    known = {
        i for choice in merged.values() for i, v in enumerate(choice.reading.values) if v and i not in choice.unknown
    }
    loose = sorted({i for choice in merged.values() for i in choice.unknown} - known)
    for size in range(len(loose) + 1):
        subsets = list(itertools.combinations(loose, size))
        if len(subsets) > _MAX_COLUMN_SETS:
            return []
        found: list[dict[Hashable, Choice]] = []
        least: tuple[int, ...] | None = None
        for subset in subsets:
            used = known | set(subset)
            restricted = []
            for alternative in alternatives:
                kept = {
                    key: [r for r in readings if all(not v or i in used for i, v in enumerate(r.values))]
                    for key, readings in alternative.items()
                }
                if set(kept) >= context.grid_keys and all(kept.values()):  # every grid row read on a grid
                    restricted.append(kept)
            if not restricted:
                continue
            best, broken = _best_grid_tables(context, restricted, zeros)
            if not best or broken:
                continue
            tail = sum(c.reading.tail for key, c in best[0].items() if key in context.grid_keys)
            score = (tail,)
            if least is None or score < least:
                found, least = list(best), score
            elif score == least:
                found.extend(best)
        if found:
            return found
    return []


def weighed_by_prose(
    options: dict[Hashable, list[Reading]], stated: dict[tuple[str, int], int]
) -> dict[Hashable, list[Reading]]:
    """``options`` with each reading that reads a cell otherwise than the prose states
    (``stated``) counted once more in ``tail``, which decides only between readings the equations
    hold equally well; a reading that agrees says so (the row stays in doubt)."""
    if not stated:
        return options
    out = dict(options)
    for (key, column), figure in stated.items():
        readings = options.get(key)
        if not readings or len({r.values[column] for r in readings}) < 2:
            continue
        out[key] = [
            r._replace(tail=r.tail + 1)
            if r.values[column] != figure
            else r._replace(
                how=f"{r.how}; column {column} as the prose states ({figure})",
                how_zh=f"{r.how_zh}；第 {column} 列（从 0 起）按正文所述（{figure}）",
            )
            for r in readings
        ]
    return out


def _best_grid_tables(
    context: _Context, alternatives: Sequence[dict[Hashable, list[Reading]]], zeros: dict[Hashable, Reading]
) -> tuple[list[dict[Hashable, Choice]], int]:
    """The tables of the grids' readings (``alternatives``) that break fewest equations, no more
    than ``context.chosen`` does, with ``zeros`` (rows read as 0) among the rows the sums see; and
    how many they break."""
    options, chosen, failures, grid_keys = context.options, context.chosen, context.failures, context.grid_keys
    fixed = {key: reading.values for key, reading in zeros.items()}

    def broken(choice: dict[Hashable, Choice]) -> tuple[int, int]:
        read = {key: c.reading.values for key, c in choice.items()}
        return failures({**fixed, **read}), sum(c.reading.tail for key, c in choice.items() if key in grid_keys)

    best: list[dict[Hashable, Choice]] = []
    least = (broken(chosen)[0], 0)
    for alternative in alternatives:
        trial = choose({**{k: [r] for k, r in zeros.items()}, **options, **alternative}, failures, bound=context.bound)
        for key in zeros:
            trial.pop(key, None)
        if set(trial) != set(chosen):
            continue
        score = broken(trial)
        if score[0] > least[0]:
            continue
        if not best or score < least:
            best, least = [trial], score
        elif score == least:
            best.append(trial)
    return best, least[0]


def _merged_tables(best: list[dict[Hashable, Choice]]) -> dict[Hashable, Choice]:
    """The first of ``best`` with every cell the others read differently left unknown."""
    first = best[0]
    merged: dict[Hashable, Choice] = {}
    for key, choice in first.items():
        unknown = set(choice.unknown)
        tied = list(choice.alternatives) or [choice.reading.values]
        for other in best[1:]:
            values = other[key].reading.values
            unknown.update(other[key].unknown)
            unknown.update(i for i, (a, b) in enumerate(zip(choice.reading.values, values, strict=True)) if a != b)
            tied.extend(other[key].alternatives or [values])
        alternatives = tuple(dict.fromkeys(tied))[:10] if unknown else ()
        merged[key] = Choice(choice.reading, frozenset(unknown), choice.rivals, alternatives)
    return merged


def _zero_rows(blank_rows: Sequence[str], n: int) -> dict[Hashable, Reading]:
    """The blank rows (a label printed with no figure) each read as a row of ``n`` zeros: how both
    the vanished-blanks search and the page grids let the sums run through them."""
    return {key: Reading((0,) * n, (None,) * n, ("",) * n, 0, "", "") for key in blank_rows}


def with_blank_rows(
    options: dict[Hashable, list[Reading]],
    chosen: dict[Hashable, Choice],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Bound,
    blank_rows: list[str],
    n: int,
) -> dict[Hashable, Choice]:
    """``chosen`` again with the blank rows (a label with not one figure after it, in a table whose
    blank cells vanished) taking part as rows of zeros, where a table so read keeps every equation:
    left out, they leave every sum through them open (总计 over the rows of 三, a column's total),
    and the rows' cuts and columns with it. Where no such table balances, a blank row may hold
    figures printed elsewhere: ``chosen`` as it was. The blank rows stay out of the result (they
    are read as 0, in doubt, as before)."""
    with_zeros: dict[Hashable, list[Reading]] = dict(options)
    with_zeros.update({key: [zero] for key, zero in _zero_rows(blank_rows, n).items()})
    trial = choose(with_zeros, failures, bound=bound)
    if failures({key: choice.reading.values for key, choice in trial.items()}):
        return chosen
    return {key: choice for key, choice in trial.items() if key not in blank_rows}
