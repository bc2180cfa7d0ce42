"""Table 三's lone figures placed by the column sums once the prose states a cell of the first row.

A table that leaves its zeros blank prints many rows as one figure and its 总计 (``| 5 |  | 5 |``),
and a converter that merged header cells (自然人 stacked with 商业企业 in one pipe cell) leaves the
column of that figure open: every row may shift alike and keep every sum. Where the prose states
a cell of the row it repeats (本年度新收政府信息公开申请5件，其中自然人5件), the first row is placed,
and the column sums through it (一+二 = 七+四, 七 = the rows above) place every other lone figure;
taken only where the table then keeps every equation with no cell left open, and said so.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Reading, Value, zero_reading
from gongkai.ingest.table_choice import Choice, choose
from gongkai.report.equations import Bound

HOW = "a lone figure and its 总计; its column placed by the column sums through the cell the prose states"
HOW_ZH = "本行只印出一个数字及其总计；其列位按正文所述的单元格与各列之和确定"


def _lone(values: Sequence[Token]) -> tuple[Token, Token] | None:
    """The row's figure and its 总计 where it prints nothing else (blank cells aside): two equal
    figures above 0."""
    printed = [t for t in values if t.value.kind is not CellKind.BLANK]
    if len(printed) != 2 or any(t.value.kind is not CellKind.NUMBER for t in printed):
        return None
    figure, total = printed
    amount = figure.value.amount
    return (figure, total) if amount and amount == total.value.amount else None


def _placements(figure: Token, total: Token, n: int) -> list[Reading]:
    """The figure in each column before 总计, the others 0."""
    out = []
    amount: Value = figure.value.amount
    for column in range(n - 1):
        values = tuple(amount if i in (column, n - 1) else 0 for i in range(n))
        wheres = tuple(figure.where if i == column else total.where if i == n - 1 else None for i in range(n))
        out.append(Reading(values, wheres, ("",) * n, 1, HOW, HOW_ZH))  # cost 1: noted as a judgement
    return out


def placed_by_prose(
    rows: Mapping[str, Sequence[Token]],
    chosen: dict[Hashable, Choice],
    unfit: Sequence[str],
    blank_rows: Sequence[str],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Bound,
    n: int,
    stated: Mapping[tuple[str, int], int],
) -> dict[Hashable, Choice]:
    """The choices of the lone-figure rows (``rows``: each row's printed cells) the prose and the
    column sums place, {} where they do not place every row left open (``chosen``'s unknown cells,
    the ``unfit`` rows no reading fitted). ``blank_rows``: rows printing no figure, 0 in the sums."""
    open_rows = [key for key, choice in chosen.items() if choice.unknown] + list(unfit)
    if not stated or not open_rows:
        return {}
    lone = {str(key): _lone(rows[str(key)]) for key in open_rows if str(key) in rows}
    if any(found is None for found in lone.values()) or len(lone) != len(open_rows):
        return {}
    options: dict[Hashable, list[Reading]] = {
        key: [choice.reading] for key, choice in chosen.items() if not choice.unknown
    }
    options.update({key: [zero_reading(n, 0, "", "")] for key in blank_rows if key not in options})
    pinned = False
    for key, found in lone.items():
        if found is None:  # (never: checked above)
            return {}
        candidates = _placements(*found, n)
        for (row, column), figure in stated.items():
            if row == key:
                candidates = [r for r in candidates if r.values[column] == figure]
                pinned = True
        if not candidates:
            return {}
        options[key] = candidates
    if not pinned:
        return {}
    placed = choose(options, failures, bound=bound)
    if failures({key: c.reading.values for key, c in placed.items()}) or any(placed[k].unknown for k in lone):
        return {}
    return {key: placed[key] for key in lone}
