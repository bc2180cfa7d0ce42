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

Anything else leaves the records as they are.
"""

from __future__ import annotations

import itertools

from gongkai.ingest.column_order import TITLES
from gongkai.ingest.records import Record, cached_key
from gongkai.report.templates import REQUEST_COLUMNS

_COLUMNS = frozenset(c.index for c in REQUEST_COLUMNS)
_TITLE_KEYS = {cached_key(title): index for title, index in TITLES.items() if index is not None}


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


def _row_key(record: Record) -> str:
    return cached_key(record.labels[-1].text) if record.labels else ""


def joined_column_parts(records: list[Record]) -> list[Record]:
    """Table 三's records with its column parts joined row by row (see the module's doc)."""
    heads = [(i, named) for i, r in enumerate(records) if len(named := columns_named(r)) >= 2]
    if len(heads) < 2:
        return records
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
