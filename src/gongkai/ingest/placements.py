"""Rows and figures of table 三 put in place by position, not by their labels or the arithmetic:
rows no label named placed between their named neighbours (``place_orphans``), the blank cells of
a label pulled out of its row (``label_cell_shift``), and the placements by blank cells the column
sums cannot confirm (``unconfirmed_placements``)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from gongkai.ingest.align import readings
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Token
from gongkai.ingest.request_rows import Orphan, RequestRaw
from gongkai.ingest.row_reading import Reading, Value, slots_of
from gongkai.ingest.row_shapes import PIPE_CELL, pipe_row
from gongkai.ingest.table_choice import Choice, choose
from gongkai.ingest.template_align import align_gap
from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.equations import Bound
from gongkai.report.templates import Template


def label_cells(found: RequestRaw) -> int:
    """How many blank cells open the row that may be the label's own cell emptied and spare grid
    cells beside it rather than its first columns: a converter pulled the label out of the table
    onto a line of its own (``一、本年新收…`` then ``|     | 180 | 1 |     |     | 3   | 184 |``, or
    ``|     |     | 180 | 1 | …``), or left spare cells after it (``| 四、结转… |     | 6 | … | 6 |``).
    0 when the row does not open so."""
    lead = 0
    while lead < len(found.values) and found.values[lead].value.kind is CellKind.BLANK:
        lead += 1
    if not lead or lead == len(found.values):
        return 0
    first = PIPE_CELL.match(found.values[0].where)
    if first is None or any(not t.where.startswith(f"line {first.group(1)} cell ") for t in found.values[: lead + 1]):
        return 0
    line, cell = first.groups()
    label = PIPE_CELL.match(found.label.where)
    if cell == "1":
        return lead if not found.label.where.startswith(f"line {line} ") else 0
    adjacent = label is not None and label.group(1) == line and int(label.group(2)) == int(cell) - 1
    return lead if adjacent else 0


def label_cell_shift(
    raw: dict[str, RequestRaw],
    options: dict[Hashable, list[Reading]],
    chosen: dict[Hashable, Choice],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    n: int,
    bound: Bound,
    blank_rows: Sequence[str] = (),
) -> dict[Hashable, Choice]:
    """The table read again with the blank cells opening rows whose label stands outside them
    (``label_cells``) taken as the label's emptied cell and spare cells. Every such row shifts
    alike, so the statutory sums hold either way where they hold at all: a reading that breaks
    fewer of them is taken; one that breaks as few leaves the cells the two readings disagree on
    unknown, both readings given as alternatives. A consistent shift never passes as read.
    ``blank_rows``: rows printed with no figure; where ``chosen`` with them read as 0 keeps every
    equation (a page grid placed its lone figures by the sums through them), both readings are
    weighed with them as 0, so a shift the column sums through them refute is not a tie."""
    shiftable = [key for key in options if isinstance(key, str) and key in raw and label_cells(raw[key])]
    if not shiftable:
        return chosen
    zero = Reading((0,) * n, (None,) * n, ("",) * n, 0, "", "")
    zeros: dict[Hashable, tuple[Value, ...]] = {key: zero.values for key in blank_rows if key not in options}
    if zeros and failures({**zeros, **{key: c.reading.values for key, c in chosen.items()}}):
        zeros = {}  # the table does not balance with them as 0: they weigh nothing
    shifted_options: dict[Hashable, list[Reading]] = {**{key: [zero] for key in zeros}, **options}
    for key in shiftable:
        found = raw[key]
        check = bound.row_check(key)
        # The blank was the label's cell: the row's next cell stands in the first column.
        shifted = [
            r for r in readings(slots_of(found.values[label_cells(found) :]), n, check) if r.wheres[0] is not None
        ]
        if not shifted:
            return chosen
        shifted_options[key] = shifted
    shifted_chosen = choose(shifted_options, failures)
    as_read = failures({**zeros, **{key: c.reading.values for key, c in chosen.items()}})
    moved = failures({key: c.reading.values for key, c in shifted_chosen.items()})
    for zero_key in zeros:
        shifted_chosen.pop(zero_key, None)
    if moved < as_read:
        return shifted_chosen
    if moved > as_read:
        return chosen
    result = dict(chosen)
    for key in shiftable:
        mine, other = chosen[key], shifted_chosen[key]
        differ = {i for i, (a, b) in enumerate(zip(mine.reading.values, other.reading.values, strict=True)) if a != b}
        if differ:
            tied = tuple(dict.fromkeys((*(mine.alternatives or (mine.reading.values,)), other.reading.values)))
            result[key] = Choice(
                mine.reading, mine.unknown | frozenset(differ), mine.rivals + len(shifted_options[key]), tied[:8]
            )
    return result


def unconfirmed_placements(
    template: Template, read: dict[str, list[int | None]], raw: dict[str, RequestRaw], chosen: dict[Hashable, Choice]
) -> list[str]:
    """Rows whose figures sit in their columns only because of blank cells around them (a blank
    for none, or cells the reading inserted) while the column sums that would confirm those
    columns cannot be checked (a row unknown) or do not hold. Blank cells are where text
    extraction and converters lose or add cells: a shifted figure keeps its row's sum, so only
    the columns' arithmetic can tell; without it the placement is a guess."""
    total = template.total_column
    outcomes = [row.key for row in template.outcome_rows]
    balance = ("new_received", "carried_over", "total_processed", "carried_forward")

    # Rows read as 0 only because their label stood with no figure (a blank row, or one whose
    # figures went elsewhere) confirm nothing.
    guessed = {key for key, found in raw.items() if not found.values}

    def holds(rows: list[str], column: int, left: int) -> bool:
        cells = [read[k][column] if k in read and k not in guessed else None for k in rows]
        if None in cells:
            return False
        return sum(c or 0 for c in cells[:left]) == sum(c or 0 for c in cells[left:])

    doubted: list[str] = []
    sums: list[list[bool]] = []  # the column sums, worked out for the first row that needs them
    for key, values in read.items():
        choice = chosen.get(key)
        found = raw.get(key)
        if choice is None or found is None or not any(values[:total]):
            continue
        blanks = any(t.value.kind is CellKind.BLANK for t in found.values) or None in choice.reading.wheres[:total]
        if not blanks:
            continue
        if not sums:
            sums.append([holds([*outcomes, "total_processed"], c, len(outcomes)) for c in range(total)])
            sums.append([holds(list(balance), c, 2) for c in range(total)])
        by_outcome, by_balance = sums
        confirmed = (
            by_outcome
            if key in outcomes
            else by_balance
            if key in balance[:2] or key == balance[3]
            else [a or b for a, b in zip(by_outcome, by_balance, strict=True)]
        )
        if not all(confirmed):
            doubted.append(key)
    return doubted


def _sentence(found: RequestRaw) -> bool:
    """A row named by a sentence a converter cut into pipe cells (``件，其中予以公开 | 116 |
    件``): at most one figure, no row of the table. Elsewhere only a row with nothing printed."""
    if not found.values:
        return True
    figures = sum(1 for t in found.values if t.value.kind is not CellKind.BLANK)
    return figures <= 1 and pipe_row(found.values)


def place_orphans(template: Template, raw: dict[str, RequestRaw], orphans: list[Orphan]) -> None:
    """Put the rows no label named on the template rows missing between their named neighbours
    (``template_align``), each placement noted on the row it fills."""
    merged = {row.key: row for row in vocabulary().request_rows}
    ours = [merged[row.key] for row in template.request_rows]
    gaps: dict[tuple[int, int], list[Orphan]] = {}
    for orphan in orphans:
        gaps.setdefault((orphan.after, orphan.before), []).append(orphan)
    for (after, before), items in gaps.items():
        free = [row for row in ours if after < row.index < before and (row.key not in raw or _sentence(raw[row.key]))]
        placements = align_gap([o.label for o in items], [sorted(row.keys) for row in free])
        for placement in placements:
            orphan, row = items[placement.item], free[placement.row]
            label = Token(orphan.label, orphan.where, orphan.values[0].value)
            if placement.score >= 1.0:
                how = ""
            elif placement.score:
                how = f"label read fuzzily ({placement.score:.2f})"
            else:
                how = "no label names this row; placed by its position between the rows named around it"
            raw[row.key] = RequestRaw(row.key, label, orphan.values, orphan.table, placed=how)
