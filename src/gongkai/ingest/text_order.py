"""Table 三's applicant columns in another order, stated by a header whose cells ran together.

``column_order`` puts a grid's columns back in the template's order where its header names them
in another (总计 first, a 小计 after the five organisations). A crawler's text of the same page
keeps no grid: the header's titles run together before the first row
(``项目申请人情况总计自然人法人或其他组织商业企业…其他``), a row's figures into one run of digits
(``907257006``). Here the header text gives the printed order, and each row is cut by the sums
of that order (``equations.printed_row_sums``, ``printed_cuts``), then read in template order:

* the titles after the table's corner (申请人情况) and before its first figure, read in order:
  the titles of the header's top row (自然人, 法人或其他组织, 总计 in the order printed), then the
  organisations' (and a 小计) that 法人或其他组织 stands over, which take its place; every
  column named once, 小计 at most once;
* only 总计 and 小计 may stand elsewhere than in the template: the sums place a total, never
  tell two parts apart (a header read in another order of parts, as a text converter setting
  rowspanned titles on their middle line, would put figures under the wrong columns unseen).

A header in the template's order, or one this does not settle, changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from gongkai.ingest.column_order import TITLES, Order
from gongkai.ingest.document import Document, TableBlock
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.printed_cuts import Pieces, cut_printed
from gongkai.ingest.row_reading import Reading, Slot
from gongkai.report.equations import printed_row_sums
from gongkai.report.templates import (
    ORGANISATION_GROUP,
    ORGANISATION_SUBTOTAL,
    REQUEST_COLUMNS,
    REQUESTS_CORNER,
    Template,
)

_GROUP = -1  # 法人或其他组织 in the header's top row: its columns go in its place
_SUBTOTAL = -2  # a 小计 (None in an ``Order``)
_TITLE_OF: dict[int | None, str] = {**{c.index: c.label for c in REQUEST_COLUMNS}, None: ORGANISATION_SUBTOTAL}


@cache
def _title_pattern() -> re.Pattern[str]:
    titles = sorted({*TITLES, ORGANISATION_GROUP, "其它"}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in titles))


def _index(title: str) -> int:
    if title == ORGANISATION_GROUP:
        return _GROUP
    index = TITLES[title.replace("其它", "其他")]
    return _SUBTOTAL if index is None else index


def order_of_titles(text: str) -> Order | None:
    """The printed order of the applicant columns a header's run-together ``text`` names (the
    template's column indices, None for a 小计); None where it names them otherwise than once each,
    or parts out of the template's order."""
    found = [_index(m.group()) for m in _title_pattern().finditer(text)]
    named = sorted(i for i in found if i >= 0)
    if named != [c.index for c in REQUEST_COLUMNS] or found.count(_SUBTOTAL) > 1 or found.count(_GROUP) > 1:
        return None
    grouped = {c.index for c in REQUEST_COLUMNS if c.group} | {_SUBTOTAL}
    order = found
    if _GROUP in found:  # the top row's titles, the group's own in the group's place
        top = [i for i in found if i not in grouped]
        at = top.index(_GROUP)
        order = [*top[:at], *(i for i in found if i in grouped), *top[at + 1 :]]
    total = REQUEST_COLUMNS[-1].index
    parts = [i for i in order if i not in (_SUBTOTAL, total)]
    if parts != sorted(parts):
        return None  # the sums cannot tell parts apart: only 总计 and 小计 are placed by them
    return tuple(None if i == _SUBTOTAL else i for i in order)


def _header_text(block: TableBlock) -> str:
    """The table's text from its corner up to its first figure ("" where it has no corner)."""
    text: list[str] = []
    for row in block.rows:
        for cell in row:
            if parse_cell(cell.text).kind is CellKind.NUMBER:
                joined = "".join(text)
                at = joined.find(REQUESTS_CORNER)
                return joined[at + len(REQUESTS_CORNER) :] if at >= 0 else ""
            text.append(cell.text)
    return ""


def stated_order(document: Document) -> Order | None:
    """The order a text table 三's header prints its applicant columns in, where it is not the
    template's (None where it is, or nothing settles it)."""
    if document.format != "text":
        return None
    template = tuple(c.index for c in REQUEST_COLUMNS)
    for block in document.tables:
        if block.piped:
            continue
        head = _header_text(block)
        if not head:
            continue
        order = order_of_titles(head)
        return order if order != template else None
    return None


def _runs(slots: Sequence[Slot]) -> tuple[list[tuple[str, bool]], list[str]] | None:
    """A row's printed figures as ``Pieces.of`` takes them, and where each was printed; None for a
    row holding an unknown or a fraction (no row of counts to cut)."""
    runs: list[tuple[str, bool]] = []
    wheres: list[str] = []
    for slot in slots:
        value = slot.value
        if value.kind is CellKind.BLANK:
            continue
        if value.kind is CellKind.DASH:
            runs.append(("0", True))
        elif value.kind is CellKind.NUMBER and value.digits:
            runs.append((value.digits, False))
        elif value.kind is CellKind.NUMBER and type(value.amount) is int and value.amount >= 0:
            runs.append((str(value.amount), True))
        else:
            return None
        wheres.append(slot.where)
    return runs, wheres


def _cuts(runs: list[tuple[str, bool]], order: Order, template: Template) -> list[tuple[int, ...]] | None:
    """The cuts of a row's figures into the columns ``order`` that keep its sums."""
    sums = printed_row_sums(template, order)
    if len(runs) == len(order):  # a figure a column: the one cut there is
        cut = tuple(int(text) for text, _ in runs)
        return [cut] if all(cut[t] == sum(cut[p] for p in parts) for t, parts in sums) else []
    return cut_printed(Pieces.of(runs), len(order), sums)


def order_fits(rows: Sequence[Sequence[Slot]], printed: Order, template: Template) -> bool:
    """Whether the rows' own sums hold in more rows read in the ``printed`` order than in the
    template's (a header read in an order the table does not print, as tab-separated text whose
    header rows lost their places, is left: the template's order keeps its rows' sums)."""
    natural = tuple(c.index for c in template.request_columns)
    score = 0
    for slots in rows:
        found = _runs(slots)
        if not found or not found[0]:
            continue
        runs = found[0]
        # More figures printed apart than columns: no cut (each ends a cell), told without the search.
        score += bool(len(runs) <= len(printed) and _cuts(runs, printed, template)) - bool(
            len(runs) <= len(natural) and _cuts(runs, natural, template)
        )
    return score > 0


def printed_readings(slots: Sequence[Slot], printed: Order, template: Template) -> list[Reading]:
    """Readings of a row of table 三 printed in the columns ``printed``, in template order: its
    figures (runs of digits, or figures printed apart) cut where the printed order's sums hold;
    figures printed one to a column are read as printed whatever the sums (a report may contradict
    itself). Empty where no cut holds, or too many do."""
    found = _runs(slots)
    width = len(printed)
    if not found or not found[0] or len(found[0]) > width:
        return []
    runs, wheres = found
    if len(runs) == width:  # a figure a column: read as printed, whatever its sums say
        return [_reading(tuple(int(text) for text, _ in runs), printed, wheres, 0)]
    cuts = cut_printed(Pieces.of(runs), width, printed_row_sums(template, printed))
    if not cuts:
        return []
    split = tuple(f"{w} (split)" for w in wheres)
    return [_reading(cut, printed, split, len(template.request_columns) - 1) for cut in dict.fromkeys(cuts)]


def _reading(cut: tuple[int, ...], printed: Order, wheres: Sequence[str], cost: int) -> Reading:
    """``cut`` (in printed order) as a reading in template order; ``wheres``: the printed figures'
    places (each cut cell is in one of them; which is not kept)."""
    by_column = {index: value for index, value in zip(printed, cut, strict=True) if index is not None}
    values = tuple(by_column[c.index] for c in REQUEST_COLUMNS)
    n = len(values)
    place = {index: wheres[p] if len(wheres) == len(printed) else wheres[0] for p, index in enumerate(printed)}
    shown = "、".join(_TITLE_OF[i] for i in printed)
    if not cost:
        how, how_zh = f"columns printed as {shown}", f"各列按表头次序（{shown}）读入"
    else:
        how = f"cells ran together; cut where the columns printed as {shown} add up"
        how_zh = f"单元格粘连，按表头的列次序（{shown}）及其合计拆分"
    return Reading(values, tuple(place[c.index] for c in REQUEST_COLUMNS), ("",) * n, cost, how, how_zh)
