"""Table 三's applicant columns printed out of the template's order, in a table read from text.

``column_order`` puts a 总计 printed first, or a 小计 column after the five organisations, back in
the template's order where the table keeps its grid. Text (pdftotext, with or without -layout)
keeps no grid: the header's words come as fragments (``总计 自然``, ``人 商业企``, ``其 小 总计``),
in reading order, and each row's figures follow its label. Where the header words say the order
is not the template's, the rows' figures are put back in template order before they are read:

* the gate: the header (the labels of table 三 up to its first figures) names a 小计, or names
  总计 before 自然人 (the first fragment of each title, in reading order);
* the places of 总计 and 小计 the header words state are taken where the statutory arithmetic of every row agrees
  (总计 the sum of the others, a 小计 the sum of the five organisations, via ``equations``); where
  it does not (a title printed lower, in a taller cell, is read later), the one placing of 总计
  and 小计 among the others (in the template's order) that every row agrees with is taken;
* only where the records hold whole numbers of rows of figures (one figure per printed column),
  and at least two rows contradict the template's order; records that do not (a flowed print's
  figures moved ahead of a label, a wrapped cell's figure printed a row early) are allowed only
  where the whole rows are most records and half the table's rows at least, and are left as
  printed: a row whose figures were lost or split is never re-read by guess.

Anything else leaves the figures as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import permutations

from gongkai.ingest.column_order import TITLES, Order
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.report.equations import balance
from gongkai.report.templates import ORGANISATION_GROUP, REQUEST_COLUMNS

_TOTAL = next(c.index for c in REQUEST_COLUMNS if c.key == "total")
_PERSON = REQUEST_COLUMNS[0].index
_COLUMNS: tuple[int, ...] = tuple(c.index for c in REQUEST_COLUMNS)
_TEMPLATE: Order = _COLUMNS
_COUNTS = (CellKind.NUMBER, CellKind.DASH)  # a dash: a printed 0
_MIN_CONTRADICTING = 2  # rows the template's order must contradict before another is read
_MIN_WHOLE_ROWS = 12  # whole rows that must state the order where other records are split (half of 三)


def _title_of(word: str) -> list[int | None]:
    """The column a header word begins (a title's first fragment: 总计, 总, 自然, 科研机), as a
    list of one, or an empty list where it begins none (None is the 小计's column)."""
    for title, index in TITLES.items():
        if title.startswith(word) and (len(word) >= 2 or len(title) == 2):
            return [index]  # the title or its wrapped first part (一字 only for 总计, 其他, 小计)
    return []


def _header_order(labels: list[Token], header: Sequence[str] = ()) -> Order | None:
    """The columns in the order the header words first name them (``header``: the document's
    words of table 三's header, where the records' labels lack some: cut off into the part above);
    None where they do not name each applicant column (a 小计 at most)."""
    seen = _named([t.text for t in labels])
    if sorted(i for i in seen if isinstance(i, int)) != sorted(_COLUMNS):
        seen = _named(header)
        if sorted(i for i in seen if isinstance(i, int)) != sorted(_COLUMNS):
            return None
    # The words' reading order is the lines' (科研机 … 其 on one line, 人 商业企 on the next; a
    # title in a taller cell read later): it states 总计 first only where 总计 comes before
    # 自然人's first fragment, and a 小计 by its name alone (after the five organisations, as
    # the platforms print it). No sum tells one organisation from another: they stay in order.
    first = seen.index(_TOTAL) < seen.index(_PERSON)
    others: list[int | None] = [i for i in _TEMPLATE if i != _TOTAL]
    subtotal: list[int | None] = [None] if None in seen else []
    return (_TOTAL, *others, *subtotal) if first else (*others, *subtotal, _TOTAL)


def _named(texts: Sequence[str]) -> list[int | None]:
    """The columns the words of ``texts`` name, in the order they first name them."""
    seen: list[int | None] = []
    for text in texts:
        # the group's title run into a column's first part (科研机法人或其他组织) is no word of it
        for word in text.replace(ORGANISATION_GROUP, " ").split():
            seen += [index for index in _title_of(word) if index not in seen]
    return seen


def _figures(record: Record) -> list[Token] | None:
    printed = [t for t in record.values if t.value.kind is not CellKind.BLANK]
    if any(t.value.kind not in _COUNTS or not float(t.value.amount or 0).is_integer() for t in printed):
        return None
    return printed


def _holds(order: Order, row: list[int]) -> bool:
    """The row's figures, read in ``order``, keep 总计 the sum of the others and a 小计 the sum of
    the five organisations."""
    by = dict(zip(order, row, strict=True))
    others = [v for i, v in by.items() if i not in (_TOTAL, None)]
    if not balance(others, [by[_TOTAL]]):
        return False
    orgs = [v for i, v in by.items() if i not in (_TOTAL, None, _PERSON)]
    return None not in by or bool(balance(orgs, [by[None]]))


def _candidates(width: int) -> list[Order]:
    """Every placing of 总计 (and a 小计, with ``width`` 8) among the others in template order:
    at most 8 × 7 orders."""
    others = [i for i in _TEMPLATE if i != _TOTAL]
    extra: list[int | None] = [_TOTAL] if width == len(_TEMPLATE) else [_TOTAL, None]
    out = []
    for places in permutations(range(width), len(extra)):
        order: list[int | None] = list(others)
        for place, index in sorted(zip(places, extra, strict=True)):
            order.insert(place, index)
        if len(order) == width:
            out.append(tuple(order))
    return sorted(set(out), key=out.index)


def _decided(stated: Order, rows: list[list[int]]) -> Order | None:
    """The stated order where every row agrees with it, else the one placing every row agrees with."""
    if sum(not _holds(_TEMPLATE, row[: len(_TEMPLATE)]) for row in rows) < _MIN_CONTRADICTING:
        return None  # the template's order reads (nearly) every row: nothing says otherwise
    if all(_holds(stated, row) for row in rows):
        return stated
    fitting = [order for order in _candidates(len(stated)) if all(_holds(order, row) for row in rows)]
    return fitting[0] if len(fitting) == 1 else None


def _reordered(record: Record, figures: list[Token], order: Order) -> Record:
    width = len(order)
    values: list[Token] = []
    for start in range(0, len(figures), width):
        chunk = figures[start : start + width]
        by = {index: token for index, token in zip(order, chunk, strict=True) if index is not None}
        # each figure moves to its template column; the place on the line stays the slot's
        values += [replace(by[i], x=slot.x) for i, slot in zip(_COLUMNS, chunk, strict=False)]
    # a break at a row's first figure stays at it (a 小计 taken out shortens the rows before it)
    breaks = [b // width * len(_TEMPLATE) for b in record.breaks if b % width == 0]
    return replace(record, values=values, breaks=breaks)


def requests_in_template_order(records: list[Record], header: Sequence[str] = ()) -> list[Record]:
    """Table 三's records with each row's figures in template order (``records`` itself where
    the header states the template's order or the rows do not settle another); ``header``: the
    header's words as the document prints them (``text_order.header_words``)."""
    # (a record of blank values only, a header line's, is no row: its labels are the header's too)
    head = next((r for r, record in enumerate(records) if any(t.text.strip() for t in record.values)), None)
    if head is None:
        return records
    stated = _header_order([t for record in records[: head + 1] for t in record.labels], header)
    if stated is None or (stated[-1] == _TOTAL and None not in stated):
        return records  # the cheap gate: the header states the template's order
    width = len(stated)
    figures: dict[int, list[Token]] = {}
    split = 0  # records whose figures are no whole rows (lost, split, run on): left as printed
    for r, record in enumerate(records[head:], head):
        printed = _figures(record) if record.values else []
        if printed is None or (record.values and (not printed or len(printed) % width)):
            split += bool(printed)
            continue
        if printed:
            figures[r] = printed
    rows = [
        [int(t.value.amount or 0) for t in f[s : s + width]] for f in figures.values() for s in range(0, len(f), width)
    ]
    if split and (len(rows) < _MIN_WHOLE_ROWS or split >= len(figures)):
        return records  # too few whole rows to say the order: nothing is re-read by guess
    order = _decided(stated, rows)
    if order is None:
        return records
    return [_reordered(record, figures[r], order) if r in figures else record for r, record in enumerate(records)]


def printed_columns(labels: list[Token], header: Sequence[str] = ()) -> Order:
    """The applicant columns in the order table 三's header words name them (with a 小计's
    None), the template's where they do not name every column."""
    return _header_order(labels, header) or _TEMPLATE


def adds_up(row: list[int], order: Order) -> bool:
    """Whether ``row`` (one figure per printed column, in ``order``) keeps the statutory sums."""
    return len(row) == len(order) and _holds(order, row)
