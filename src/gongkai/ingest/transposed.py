"""Table 二 printed transposed: a 第二十条 block's items across a header row (规章 · 行政规范性文件
under 第二十条第（一）项) and its fields down the label column (本年制发件数 · 本年废止件数 …), one
figure per item in each field's row. Read along its rows, each field's figures would go to the
items' rows one by one, every figure in another cell; the block is put back as the template prints
it (a header of the fields, a row per item) before any reader sees the table.

Gated: only a row whose every printed cell (the corner aside) names a row of table 二, two or more,
followed by rows each led by a field those items share and holding no more figures than items.
Bounded: one pass over the rows of each table."""

from __future__ import annotations

from functools import cache, lru_cache

from gongkai.ingest.document import Cell, Document
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.transposed_runs import runs_untransposed
from gongkai.ingest.vocabulary import TEMPLATES_BOTH, field_of, vocabulary
from gongkai.report.labels import bare_label_key, label_key
from gongkai.report.templates import ACTIVE_CORNER


@cache
def _row_fields() -> dict[str, frozenset[str]]:
    """Each table 二 row key with the keys of the fields either template gives it."""
    fields: dict[str, set[str]] = {}
    for template in TEMPLATES_BOTH:
        for row in template.active_rows:
            fields.setdefault(row.key, set()).update(f.key for f in row.fields)
    return {key: frozenset(keys) for key, keys in fields.items()}


def untransposed(document: Document) -> Document:
    """``document`` with every transposed table 二 block of its tables put back (in place)."""
    for table in document.tables:
        if not any(_names_items(row) for row in table.rows):
            continue  # no row names two rows of table 二: a block of neither shape begins here
        # cells run together (a crawler's text) first: their blocks are rows of another shape
        table.rows = _untransposed_rows(runs_untransposed(table.rows, _row_fields()))
    return document


def _names_items(row: list[Cell]) -> bool:
    """Two cells of the row or more name a row of table 二 (what a block of either shape begins
    with: ``_item_header``, ``runs_untransposed``)."""
    named = 0
    for cell in row:
        # (a figure's cell, ASCII, names no row: every row's label is Chinese, which no folding of
        # ASCII gives; told by ``str.isascii`` before the cached lookup of every cell)
        if not cell.text.isascii() and _names_item(cell.text):
            named += 1
            if named == 2:
                return True
    return False


@lru_cache(maxsize=1 << 14)  # the same cells (0, 总计, 规章) in every table of every report
def _names_item(text: str) -> bool:
    return bare_label_key(text) in vocabulary().active_rows


def _untransposed_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    i = 0
    while i < len(rows):
        members = _item_header(rows[i])
        fields = _field_rows(rows, i + 1, members) if members else []
        if not members or not fields:
            out.append(rows[i])
            i += 1
            continue
        if out:
            # the citation row above: its cells spanning down into the item header span no more
            out[-1] = [cell._replace(rowspan=1) for cell in out[-1]]
        where = members[0][1].where
        out.append([Cell(ACTIVE_CORNER, where), *(row[0]._replace(colspan=1) for row in fields)])
        for k, (_, label) in enumerate(members):
            out.append([label._replace(colspan=1), *(row[1 + k]._replace(colspan=1) for row in fields)])
        i += 1 + len(fields)
    return out


def _blank(cell: Cell) -> bool:
    return not cell.text.strip()


def _item_header(row: list[Cell]) -> list[tuple[str, Cell]]:
    """The (row key, cell) of each item of a header row naming two or more rows of table 二 and
    nothing else (the corner 信息内容 first aside); else empty."""
    printed = [cell for cell in row if not _blank(cell)]
    if printed and label_key(printed[0].text) == label_key(ACTIVE_CORNER):
        printed = printed[1:]
    rows = vocabulary().active_rows
    keys = [rows.get(bare_label_key(cell.text)) for cell in printed]
    if len(printed) < 2 or None in keys or len(set(keys)) < len(keys):
        return []
    return [(key, cell) for key, cell in zip(keys, printed, strict=True) if key is not None]


def _field_rows(rows: list[list[Cell]], start: int, members: list[tuple[str, Cell]]) -> list[list[Cell]]:
    """The rows from ``start`` each led by a field every member has, then a figure (or a blank)
    per member and only blank cells after."""
    shared = frozenset.intersection(*(_row_fields()[key] for key, _ in members))
    n = len(members)
    found: list[list[Cell]] = []
    for row in rows[start:]:
        hit = field_of(label_key(row[0].text)) if row else None
        if hit is None or hit[0] not in shared or len(row) < 1 + n:
            break
        if any(parse_cell(cell.text).kind is CellKind.TEXT and not _blank(cell) for cell in row[1 : 1 + n]):
            break
        if not all(_blank(cell) for cell in row[1 + n :]):
            break
        found.append(row)
    return found
