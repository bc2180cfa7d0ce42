"""A table 二 item's last column printed after the item's rows, its header with it (``pdftotext``
default mode, a phone page).

A 微信公众号 article printed at phone width can give table 二's first item as its headers but the
last (``本年制发件数`` / ``本年废止件数``), then each row's label with the figures under those headers
(``规章`` / ``2788`` / ``67``), and only after the table (past its note) the last column: its header
and its figures, a row each (``现行有效件数`` / ``2788`` / ``14272*``). Read by labels, each row
prints two cells of three and nothing says which.

Gated: text only; only an item whose every row the labels left unknown. The rows are read so only
where that is all the text says: between table 二's heading and table 三's, the item's headers but
one printed once, before its first row's label; every row's label followed by exactly as many
figures as those headers, in the template's row order; and, after the last row, the one header
left followed by exactly one figure per row. Table 二 has no equation: the headers alone place the
figures; the rows are named in ``uncertain``. Linear in the lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.ingest.document import Document, TableBlock, TextBlock
from gongkai.ingest.evidence import Evidence, count_value
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.section_headings import match_section_heading
from gongkai.report.labels import label_key
from gongkai.report.model import Report
from gongkai.report.templates import TABLES_BY_KEY, ActiveRow, Kind, Template

_MAX_LINES = 300  # lines of table 二's part looked at, at most


def _lines(document: Document) -> Iterator[tuple[str, str]]:
    """(text, where) of every non-blank line between table 二's heading and the next part's."""
    inside = False
    seen = 0
    for block in document.blocks:
        texts = [(block.text, block.where)] if isinstance(block, TextBlock) else []
        if isinstance(block, TableBlock):
            texts = [(cell.text, cell.where) for row in block.rows for cell in row]
        for text, where in texts:
            section = match_section_heading(text) if isinstance(block, TextBlock) else None
            if section is not None:
                if inside:
                    return
                inside = section.number == TABLES_BY_KEY["active"].number
                continue
            if inside and text.strip():
                seen += 1
                if seen > _MAX_LINES:
                    return
                yield text.strip(), where


def _figure(text: str) -> int | None:
    """The line's one whole count (``14272*``: the mark is no part of it), None otherwise."""
    value = parse_cell(text)
    amount = value.amount
    if value.kind is not CellKind.NUMBER or not isinstance(amount, int) or amount < 0 or value.unit:
        return None
    return amount


def _item_rows(template: Template) -> list[list[ActiveRow]]:
    """The template's table 二 rows, item by item (rows of one item share their columns)."""
    items: dict[str, list[ActiveRow]] = {}
    for row in template.active_rows:
        items.setdefault(row.item, []).append(row)
    return list(items.values())


def _read_item(rows: list[ActiveRow], lines: list[tuple[str, str]]) -> list[list[tuple[int, str]]] | None:
    """Each row's cells in the template's column order with their lines, where the text prints the
    item as the module says; else None."""
    fields = rows[0].fields
    names = {label_key(label): f.key for f in fields for label in f.labels}
    row_of = {label_key(label): i for i, row in enumerate(rows) for label in row.labels}
    keys = [label_key(text) for text, _ in lines]
    at = [j for j, key in enumerate(keys) if key in row_of]
    if [row_of[keys[j]] for j in at] != list(range(len(rows))):
        return None
    headers = [names[key] for key in keys[: at[0]] if key in names]
    late = [f.key for f in fields if f.key not in headers]
    if len(late) != 1 or len(headers) != len(set(headers)) or len(headers) != len(fields) - 1:
        return None
    cells: list[list[tuple[int, str]]] = []
    for j in at:
        after = lines[j + 1 : j + len(headers) + 2]
        figures = [(_figure(text), where) for text, where in after]
        if len(figures) < len(headers) or any(v is None for v, _ in figures[: len(headers)]):
            return None
        if len(figures) > len(headers) and figures[len(headers)][0] is not None:
            return None  # more figures than headers: not this print
        cells.append([(v, w) for v, w in figures[: len(headers)] if v is not None])
    later = [j for j, key in enumerate(keys) if j > at[-1] and names.get(key) == late[0]]
    if len(later) != 1:
        return None
    after = lines[later[0] + 1 : later[0] + len(rows) + 2]
    figures = [(_figure(text), where) for text, where in after]
    if len(figures) < len(rows) or any(v is None for v, _ in figures[: len(rows)]):
        return None
    if len(figures) > len(rows) and figures[len(rows)][0] is not None:
        return None
    order = [f.key for f in fields]
    out = []
    for row_cells, (value, where) in zip(cells, figures, strict=False):
        by_key = dict(zip(headers, row_cells, strict=True))
        by_key[late[0]] = (value or 0, where)
        out.append([by_key[key] for key in order])
    return out


def read_late_column(template: Template, document: Document, report: Report, evidence: Evidence) -> None:
    """Read table 二 items laid out as the module says, where the labels left their rows unknown."""
    if document.format != "text":
        return
    items = [
        rows
        for rows in _item_rows(template)
        if len(rows[0].fields) > 1
        and all(f.kind is Kind.COUNT for f in rows[0].fields)
        and all(all(v is None for v in report.active.get(row.key, {}).values()) for row in rows)
    ]
    if not items:
        return
    lines = list(_lines(document))
    for rows in items:
        found = _read_item(rows, lines)
        if found is None:
            continue
        for row, cells in zip(rows, found, strict=True):
            evidence.forget(f"active.{row.key}")
            for f, (value, where) in zip(row.fields, cells, strict=True):
                path = f"active.{row.key}.{f.key}"
                report.active[row.key][f.key] = count_value(value, f.kind, path, evidence, where)
                evidence.provenance[path] = where
            evidence.doubt(
                f"active.{row.key}",
                [value for value, _ in cells],
                "本项末列的表头及其数字印在各行之后：各行标签后的数字按此前印出的表头读取，末列按其表头读取",
                "this item's last column, header and figures, is printed after its rows: each row's "
                "figures read under the headers printed before it, the last column under its own header",
                cells[0][1],
            )
