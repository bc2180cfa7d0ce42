"""A 序号 column in text whose numbers are no cells of the rows' lines (pdftotext, with or without
-layout).

``serials.text_without_serials`` takes a table's row numbers off the rows' ends where every row
ends with the next one. A Word table printed by pdftotext -layout breaks that: a tall row's number
stands on the line of its wrapped label (``5`` under ``（二）部分公开…``, ``15   供``), so some rows
end with no number and others with two. The layout still tells the numbers from figures: each
begins its line at the page's left edge, far left of every figure column. Here they are taken out
of table 三's records, before its rows are read:

* the gate: the records above table 三's first row of figures name 序号 (or 序 … 号);
* a number is a bare whole number beginning its line (the line's first part), standing left of a
  third of the leftmost figure's place on its line, or a line's first words ``15   供`` (the number
  and, after two blanks or more, a wrapped label's piece);
* the numbers so found, in reading order, count 1, 2, 3 … by one with no gap and no other, at least
  ``_MIN_ROWS`` of them: anything else leaves the records as they are.

Plain pdftotext keeps no places: there the rows' sums tell the numbers (``records_without_trailing_serials``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from gongkai.ingest.column_order import Order
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.ingest.text_column_order import adds_up, printed_columns
from gongkai.report.templates import SERIAL_HEADER

_BARE = re.compile(r"\d{1,3}")
_LEADING = re.compile(r"(\d{1,3})\s{2,}(\S.*)", re.S)  # ``15            供``
_FIRST_PART = re.compile(r"line \d+(?: part 1)?")
_MIN_ROWS = 5  # numbers the run must hold (table 三 has 20 rows and more)
_LEFT_SHARE = 3  # a number stands left of a third of the leftmost figure's place


def _names_serial(labels: list[Token]) -> bool:
    words = " ".join(t.text for t in labels)
    if SERIAL_HEADER in words.replace(" ", ""):
        return True
    first = words.find(SERIAL_HEADER[0])
    return first >= 0 and SERIAL_HEADER[1] in words[first + 1 :]


def _head(records: list[Record]) -> int | None:
    """The index of the first record holding three figures or more (table 三's first row)."""
    for r, record in enumerate(records):
        if sum(t.value.kind is CellKind.NUMBER for t in record.values) >= 3:
            return r
    return None


def _is_number(token: Token, limit: float) -> bool:
    return bool(
        _BARE.fullmatch(token.text.strip())
        and _FIRST_PART.fullmatch(token.where)
        and token.x is not None
        and token.x < limit
    )


def records_without_serials(records: list[Record]) -> list[Record]:
    """Table 三's records (read from laid-out text) with its 序号 numbers taken out (``records``
    itself where the module's conditions do not all hold)."""
    head = _head(records)
    if head is None or not _names_serial([t for record in records[: head + 1] for t in record.labels]):
        return records  # the cheap gate: no 序号 named above the first row
    places = [
        t.x
        for record in records
        for t in record.values
        if t.x is not None and t.value.kind is CellKind.NUMBER and not _FIRST_PART.fullmatch(t.where)
    ]
    if not places:
        return records
    limit = min(places) / _LEFT_SHARE
    expected = 1
    out: list[Record] = []
    for record in records:
        labels: list[Token] = []
        for token in record.labels:
            lead = _LEADING.fullmatch(token.text.strip())
            if lead and int(lead.group(1)) == expected and _FIRST_PART.fullmatch(token.where):
                labels.append(replace(token, text=lead.group(2)))
                expected += 1
            else:
                labels.append(token)
        values: list[Token] = []
        kept: list[int] = []  # each old value's index among the kept ones (a break's new place)
        for token in record.values:
            kept.append(len(values))
            if _is_number(token, limit):
                if int(token.text) != expected:
                    return records  # a number out of the run: nothing is taken out by guess
                expected += 1
            else:
                values.append(token)
        if len(values) != len(record.values) and all(t.value.kind is CellKind.BLANK for t in values):
            values = []  # the number was the record's only printed value
        breaks = sorted({kept[b] if b < len(kept) else len(values) for b in record.breaks})
        breaks = [b for b in breaks if 0 < b < len(values)] if values else []
        out.append(replace(record, labels=labels, values=values, breaks=breaks))
    return out if expected - 1 >= _MIN_ROWS else records


# Plain pdftotext (no layout, no places): a row's number mostly ends the row above (``… 1 35 2``),
# but where a tall row's lines come in another order it begins a row's figures, stands among them
# (``28 0 3 4 0 0 11 14 42``: row 4's number) or ends two rows' figures run into one record. A
# figure is taken for a number only where the record holds one figure more than whole rows of the
# header's columns, without it (and only without it) every row keeps the statutory sums, and it
# goes on the run of numbers found (a greater number, ``_MAX_SKIP`` rows on at most).
_MAX_SKIP = 10
_MAX_ROWS = 2  # rows of figures one record may hold (two rows' lines run together)


def _whole_rows(figures: list[int], order: Order) -> bool:
    width = len(order)
    return all(adds_up(figures[s : s + width], order) for s in range(0, len(figures), width))


def _numbers_at(record: Record, order: Order, seen: set[int]) -> tuple[list[int], list[int]] | None:
    """The indices in ``record.values`` of the row numbers among its figures, and the numbers
    (``seen``: the numbers found in the records before)."""
    last, width = max(seen, default=0), len(order)
    at = [i for i, t in enumerate(record.values) if t.value.kind is not CellKind.BLANK]
    printed = [record.values[i] for i in at]
    if printed and len(printed) < width and all(_BARE.fullmatch(t.text.strip()) for t in printed):
        # numbers alone (tall rows' numbers, their lines set after the rows' figures): one run
        # going on, or filling a gap of the run found (numbers printed after later rows)
        numbers = [int(t.text) for t in printed]
        run = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        gap = numbers[-1] < last and not seen.intersection(numbers) and numbers[0] > 0
        return (at, numbers) if run and (gap or last < numbers[0] <= last + _MAX_SKIP) else None
    rows, extra = divmod(len(printed), width)
    if extra != 1 or not 1 <= rows <= _MAX_ROWS or any(t.value.kind is not CellKind.NUMBER for t in printed):
        return None
    if not all(float(t.value.amount or 0).is_integer() for t in printed):
        return None
    figures = [int(t.value.amount or 0) for t in printed]
    found: dict[tuple[int, ...], tuple[list[int], list[int]]] = {}
    for i, (token, number) in enumerate(zip(printed, figures, strict=True)):
        if _BARE.fullmatch(token.text.strip()) and last < number <= last + _MAX_SKIP:
            rest = figures[:i] + figures[i + 1 :]
            if _whole_rows(rest, order):
                found.setdefault(tuple(rest), ([at[i]], [number]))
    # one reading only (the same figures where two equal ones stand side by side)
    return next(iter(found.values())) if len(found) == 1 else None


def records_without_trailing_serials(records: list[Record], named: bool, header: Sequence[str] = ()) -> list[Record]:
    """Table 三's records (plain text) with the 序号 numbers among rows' figures taken out, where
    the header names 序号 (or ``named``: a table of the text does, table 三's header words cut off
    into the part above it) and ``_MIN_ROWS`` numbers at least are found (see above)."""
    head = _head(records)
    if head is None:
        return records
    labels = [t for record in records[: head + 1] for t in record.labels]
    if not (named or _names_serial(labels)):
        return records  # the cheap gate: no 序号 named
    order = printed_columns(labels, header)
    seen: set[int] = set()
    out: list[Record] = []
    for record in records:
        hit = _numbers_at(record, order, seen)
        if hit is None:
            out.append(record)
            continue
        taken, numbers = hit
        values = [t for i, t in enumerate(record.values) if i not in taken]
        breaks = [b - sum(i < b for i in taken) for b in record.breaks]
        out.append(replace(record, values=values, breaks=breaks))
        seen.update(numbers)
    return out if len(seen) >= _MIN_ROWS else records
