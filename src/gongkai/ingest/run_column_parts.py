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
import unicodedata
from collections.abc import Iterator

from gongkai.ingest.column_order import TITLES
from gongkai.ingest.digits import every_cut
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.records import Record, Token, cached_key
from gongkai.report.equations import requests_bound
from gongkai.report.templates import ORGANISATION_GROUP, REQUEST_COLUMNS, TEMPLATES

_COLUMNS = frozenset(c.index for c in REQUEST_COLUMNS)
_TITLE_KEYS = {cached_key(title): index for title, index in TITLES.items() if index is not None}
_MOST_DIGITS = 6  # digits of a cell, for cutting a run no space cuts
_MOST_ENDS = 32  # places a row's piece may end at, followed at once
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
    if named is None or len(rows) < 2:
        return None
    every = sorted(first) + sorted(named)
    if sorted(every) != sorted(_COLUMNS) or every != sorted(every):
        return None
    if any(not r.values or r.breaks for r in rows):
        return None  # a row of the first part without figures of its own: rows and figures not one to one
    figures = records[tail].values
    if len(figures) == 1 and len(rows) > 1:  # every row's run run together too: cut by the rows' sums
        figures = _tail_cut(rows, figures[0], len(named)) or figures
    if len(figures) != len(rows):
        return None
    joined = [Record(r.labels, [*r.values, t], r.table, list(r.breaks)) for r, t in zip(rows, figures, strict=True)]
    return records[:start] + joined + records[tail + 1 :]


def _cuts(digits: str, parts: int) -> Iterator[tuple[int, ...]]:
    """Every cut of a run of digits into ``parts`` counts (no count but 0 begins with a 0)."""
    return (tuple(map(int, cut)) for cut in every_cut(digits, parts))


def _tail_cut(rows: list[Record], run: Token, width: int) -> list[Token] | None:
    """The last part's one run cut into one run a row (a page with no space between rows'
    runs): the only way of cutting it where each row's cells, its first part's run cut some
    way and its piece of the last part cut some way, add up to the row's 总计 (the last part's
    last column; ``report.equations``). None where the runs are no plain digits, too long to
    search, or the cut is not the only one."""
    digits = unicodedata.normalize("NFKC", run.text).strip()  # full-width digits as ASCII ones
    firsts = [unicodedata.normalize("NFKC", r.values[0].text).strip() for r in rows]
    if (
        not digits.isascii()
        or not digits.isdigit()
        or any(len(r.values) != 1 or not f.isdigit() for r, f in zip(rows, firsts, strict=True))
    ):
        return None
    if len(digits) > _MOST_DIGITS * width * len(rows) or max(map(len, firsts)) > 2 * _MOST_DIGITS:
        return None
    width_1 = len(_COLUMNS) - width
    check = requests_bound(TEMPLATES["2021"].id).row_check(TEMPLATES["2021"].request_rows[0].key)
    # each row's first part cut some way, one cut for each sum it can have (only the row's sum matters)
    leads = [{sum(c): c for c in _cuts(f, width_1)} for f in firsts]
    # paths[i][p]: how many cuts of the run's first p digits into the first i rows' pieces (at most
    # 2), and where the last piece of one of them began
    paths: list[dict[int, tuple[int, int]]] = [{0: (1, 0)}]
    for lead in leads:
        ahead: dict[int, tuple[int, int]] = {}
        for p, (count, _) in paths[-1].items():
            for end in range(p + width, min(len(digits), p + _MOST_DIGITS * width) + 1):
                # the first part's cut whose sum the piece's cut leaves to its 总计, asked to add up
                if any(
                    (cut := lead.get(c[-1] - sum(c[:-1]))) is not None and check((*cut, *c))
                    for c in _cuts(digits[p:end], width)
                ):
                    ahead[end] = (min(2, ahead.get(end, (0, p))[0] + count), p)
        if not ahead or len(ahead) > _MOST_ENDS:
            return None  # no cut, or too many to follow (the search stays small)
        paths.append(ahead)
    if paths[-1].get(len(digits), (0, 0))[0] != 1:
        return None
    ends = [len(digits)]
    for i in range(len(rows), 0, -1):
        ends.append(paths[i][ends[-1]][1])
    ends.reverse()
    return [Token(digits[a:b], run.where, parse_cell(digits[a:b])) for a, b in itertools.pairwise(ends)]


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
