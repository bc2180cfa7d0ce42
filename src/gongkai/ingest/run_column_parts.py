"""Table 三 printed in column parts, in text: its applicant columns cut into two tables or more.

A page too narrow for the eight columns of table 三 may print it as two tables, one under the
other (自然人 商业企业 科研机构, then "（续上表）" 社会公益组织 法律服务机构 其他 总计), each with the
header and every row label again. A crawler's text of such a page keeps each part's rows, their
figures run together, and nothing says they are one table: read as they stand, the second part's
rows overwrite the first's. Here they are put back together, row by row:

* the gate: two or more header records (records naming two or more applicant columns by their
  titles) whose columns are disjoint, follow each other in the template's order part by part, and
  together name every applicant column;
* each part's rows name the same row labels, in the same order, as the first part's;
* each row then is the first part's labels with every part's figures after them, in printed
  order; a run of digits of one part never joins another's (the records keep them apart), and
  the row's own arithmetic cuts the runs as it cuts any row's.

A phone-width page may instead print the second part under the table without its row labels (a
"mobile layout": the header's remaining titles, then one run of digits a row, ``法律服务机构其他
0012 000 009 …``). Then the second part is one record, its labels titles only, holding exactly one
figure for each row of the first part: the n-th figure is the n-th row's, in the same order.

Anything else leaves the records as they are.
"""

from __future__ import annotations

import itertools

from gongkai.ingest.column_order import TITLES
from gongkai.ingest.records import Record, cached_key
from gongkai.report.templates import ORGANISATION_GROUP, REQUEST_COLUMNS

_COLUMNS = frozenset(c.index for c in REQUEST_COLUMNS)
_TITLE_KEYS = {cached_key(title): index for title, index in TITLES.items() if index is not None}
_GROUP_KEYS = {cached_key(ORGANISATION_GROUP), *(cached_key(t) for t, index in TITLES.items() if index is None)}


def columns_named(record: Record) -> list[int]:
    """The applicant columns a header record names by a label of its own (自然人, 总计), in
    printed order; its last label, the first row's, is no title."""
    labels = record.labels[:-1] if record.values else record.labels
    named: list[int] = []
    for token in labels:
        index = _TITLE_KEYS.get(cached_key(token.text))
        if index is not None and index not in named:
            named.append(index)
    return named


def _titles_only(record: Record) -> list[int] | None:
    """The applicant columns of a record whose every label is an applicant title or the group
    word (法人或其他组织), printed order; None where a label is anything else (a row's)."""
    named: list[int] = []
    for token in record.labels:
        key = cached_key(token.text)
        if key not in _TITLE_KEYS and key not in _GROUP_KEYS:
            return None
        index = _TITLE_KEYS.get(key)
        if index is not None and index not in named:
            named.append(index)
    return named


def _joined_labelless_tail(records: list[Record], start: int, first: list[int]) -> list[Record] | None:
    """Records ``start`` on (the first part, header on its first row) joined with a last part
    printed without row labels (see the module): None where the records are no such table."""
    tail = next((i for i in range(start + 1, len(records)) if len(columns_named(records[i])) >= 2), None)
    if tail is None:
        return None
    named = _titles_only(records[tail])
    rows = records[start:tail]
    if named is None or len(records[tail].values) != len(rows) or len(rows) < 2:
        return None
    every = sorted(first) + sorted(named)
    if sorted(every) != sorted(_COLUMNS) or every != sorted(every):
        return None
    if any(not r.values or r.breaks for r in rows):
        return None  # a row of the first part without figures of its own: rows and figures not one to one
    joined = [
        Record(r.labels, [*r.values, t], r.table, list(r.breaks))
        for r, t in zip(rows, records[tail].values, strict=True)
    ]
    return records[:start] + joined + records[tail + 1 :]


def _row_key(record: Record) -> str:
    return cached_key(record.labels[-1].text) if record.labels else ""


def joined_column_parts(records: list[Record]) -> list[Record]:
    """Table 三's records with its column parts joined row by row (see the module's doc)."""
    heads = [(i, named) for i, r in enumerate(records) if len(named := columns_named(r)) >= 2]
    if len(heads) < 2:
        return records
    if len(heads) == 2 and (tail := _joined_labelless_tail(records, *heads[0])) is not None:
        return tail
    columns = [sorted(named) for _, named in heads]
    every = [c for part in columns for c in part]
    if sorted(every) != sorted(_COLUMNS) or every != sorted(every):
        return records  # not every column once, or the parts not in the template's order
    starts = [i for i, _ in heads]
    size = starts[1] - starts[0]
    if any(b - a != size for a, b in itertools.pairwise(starts)) or starts[-1] + size > len(records):
        return records
    parts = [records[start : start + size] for start in starts]
    keys = [_row_key(r) for r in parts[0]]
    if size < 2 or any([_row_key(r) for r in part] != keys for part in parts[1:]):
        return records
    joined = [
        Record(rows[0].labels, [t for row in rows for t in row.values], rows[0].table, list(rows[0].breaks))
        for rows in zip(*parts, strict=True)
    ]
    return records[: starts[0]] + joined + records[starts[-1] + size :]
