"""Table 二 printed transposed in text whose cells ran together (a crawler's page text): the
items named one after another (``规章 · 行政规范性文件``), then each field with one run of digits
holding a figure per item (``本年制发件数 · 1195``: 119 and 5, run into one).

Read along its rows, the run would be taken as one item's row of figures, every figure in another
cell. The block is put back as the template prints it (a header of the fields, a row per item),
each run cut into one figure per item only where the cut is unique (no figure but 0 begins with
0: ``010`` is 0 · 10); a field whose run cuts more than one way is left out of the header, so its
cells stay unread rather than read wrong.

Gated: only a row holding two or more cells in a row each naming a distinct row of table 二 with
no figure between them, then a field every item shares followed by a run of digits, and no figure
after a run but its field's (text with a cell per figure is read as such). Bounded: one
pass over the rows; at most two cuts of a run are looked for."""

from __future__ import annotations

from gongkai.ingest.digits import every_cut
from gongkai.ingest.document import Cell
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.vocabulary import field_of, vocabulary
from gongkai.report.labels import bare_label_key, label_key
from gongkai.report.templates import ACTIVE_CORNER

_MAX_DIGITS = 24  # a longer run is not a block of table 二 figures
_MAX_ITEMS = 6  # items of one block at most (bounds the cuts tried: C(23, 5) paths)


def runs_untransposed(rows: list[list[Cell]], shared_fields: dict[str, frozenset[str]]) -> list[list[Cell]]:
    """``rows`` with each transposed block of run-together figures put back (see module doc);
    ``shared_fields``: each table 二 row key with the keys of its fields."""
    out: list[list[Cell]] = []
    i = 0
    while i < len(rows):
        found = _block(rows, i, shared_fields)
        if found is None:
            out.append(rows[i])
            i += 1
            continue
        new_rows, used = found
        out.extend(new_rows)
        i += used
    return out


def _item_key(cell: Cell) -> str | None:
    return vocabulary().active_rows.get(bare_label_key(cell.text))


def _field_key(cell: Cell) -> str | None:
    hit = field_of(label_key(cell.text))
    return hit[0] if hit else None


def _run(cell: Cell) -> bool:
    text = cell.text.strip()
    return text.isascii() and text.isdigit() and len(text) <= _MAX_DIGITS


def _block(
    rows: list[list[Cell]], i: int, shared_fields: dict[str, frozenset[str]]
) -> tuple[list[list[Cell]], int] | None:
    """(the rows put back, rows used) of a block whose items begin in ``rows[i]``; None if none."""
    row = rows[i]
    for j in range(len(row)):
        items = _items_from(row, j)
        if not 2 <= len(items) <= _MAX_ITEMS:
            continue
        keys = [key for key, _ in items]
        shared = frozenset.intersection(*(shared_fields.get(key, frozenset()) for key in keys))
        pairs, rest, used = _pairs(rows, i, j + len(items), shared)
        if not pairs or (rest and parse_cell(rest[0].text).kind is not CellKind.TEXT):
            return None  # a figure after a field's run: figures a cell each (laid-out text), not runs
        return _put_back(row[:j], items, pairs, rest), used
    return None


def _items_from(row: list[Cell], j: int) -> list[tuple[str, Cell]]:
    """The distinct table 二 rows named by the cells from ``j`` on, up to the first that names none."""
    items: list[tuple[str, Cell]] = []
    for cell in row[j:]:
        key = _item_key(cell)
        if key is None or any(key == k for k, _ in items):
            break
        items.append((key, cell))
    return items


def _pairs(
    rows: list[list[Cell]], i: int, start: int, shared: frozenset[str]
) -> tuple[list[tuple[Cell, str]], list[Cell], int]:
    """The (field cell, run) pairs from ``rows[i][start:]`` on (the following rows too while they
    hold such pairs only), the cells left after them in the last row used, and the rows used."""
    pairs: list[tuple[Cell, str]] = []
    cells = rows[i][start:]
    used = 1
    while True:
        taken = _pairs_in(cells, shared)
        pairs.extend(taken)
        rest = cells[2 * len(taken) :]
        if rest or not taken or i + used >= len(rows):
            return pairs, rest, used
        following = rows[i + used]
        if not _pairs_in(following, shared):
            return pairs, rest, used
        cells = following
        used += 1


def _pairs_in(cells: list[Cell], shared: frozenset[str]) -> list[tuple[Cell, str]]:
    pairs: list[tuple[Cell, str]] = []
    for k in range(0, len(cells) - 1, 2):
        field, run = cells[k], cells[k + 1]
        if _field_key(field) not in shared or not _run(run):
            break
        pairs.append((field, run.text.strip()))
    return pairs


def _put_back(
    before: list[Cell], items: list[tuple[str, Cell]], pairs: list[tuple[Cell, str]], rest: list[Cell]
) -> list[list[Cell]]:
    """The rows of the block as the template prints it, fields whose runs cut more than one way
    left out."""
    cut = [(field, _unique_cut(run, len(items))) for field, run in pairs]
    kept = [(field, figures) for field, figures in cut if figures is not None]
    where = items[0][1].where
    out = [before] if before else []
    out.append([Cell(ACTIVE_CORNER, where), *(field for field, _ in kept)])
    for k, (_, label) in enumerate(items):
        out.append([label, *(Cell(figures[k], field.where) for field, figures in kept)])
    if rest:
        out.append(rest)
    return out


def _unique_cut(digits: str, parts: int) -> list[str] | None:
    """The one cut of ``digits`` into ``parts`` figures none of which but 0 begins with 0; None
    when there is none or more than one."""
    found: list[list[str]] = []
    for pieces in every_cut(digits, parts):
        found.append(list(pieces))
        if len(found) > 1:
            return None
    return found[0] if found else None
