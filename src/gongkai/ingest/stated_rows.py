"""Table 三's four outer rows (新收, 上年结转, 办结, 结转下年度) from the totals the prose states, where
a Word table's blank cells vanished from ``pdftotext``'s flow and no reading placed the rows.

LibreOffice's print of a Word table whose zero cells are blank, read by ``pdftotext``'s default
mode, keeps no order of the grid where rows are tall and their cells centred: a row's figures come
out among the next rows' (row 一's 总计 after rows 二 and 三's), whole blocks of a column after
the labels of rows further down, and a row of zeros prints nothing at all. Which row and column a
figure is in is then not in the text, and the readers of the flow (``vanished``) leave most cells
unknown. Two things stay decidable there, both given by the report itself:

- a row whose total the prose states as 0 (上年结转 0 件, 结转下年度继续办理 0 件) holds 0 in every
  cell: its cells are counts, none below 0, adding up to its total (the row's equation);
- a row whose 总计 the reading left unknown holds the total the prose states for it, where that
  figure is printed in the table (the prose is no equation: it only names which printed figure is
  the total, and a reading that breaks one more of the table's equations is not taken).

Both only where the prose's four totals agree with table 三's own balance (新收 + 上年结转 = 办结 +
结转下年度), the row's cells read so far are no other figure, and the table printed fewer figures
than it has cells (its zeros vanished). Every row read so is named in ``uncertain``: the table
itself does not show it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Record
from gongkai.ingest.vanished import printed_figures
from gongkai.report.equations import Value, balance, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

# The rows whose totals the prose states (``stated.STATED_TOTALS``), and the side of table 三's
# balance each stands on (新收 + 上年结转 = 办结 + 结转下年度).
_LEFT = ("new_received", "carried_over")
_RIGHT = ("total_processed", "carried_forward")


def _said(stated: dict[str, int]) -> dict[str, int] | None:
    """The four stated totals by row key, where the prose states all four and they balance."""
    said = {key: stated.get(f"requests.{key}") for key in (*_LEFT, *_RIGHT)}
    if any(v is None for v in said.values()):
        return None
    found = {key: v for key, v in said.items() if v is not None}
    left: list[Value] = [found[k] for k in _LEFT]
    right: list[Value] = [found[k] for k in _RIGHT]
    return found if balance(left, right) else None


def _row_read(values: Sequence[int | None], total: int) -> list[int | None] | None:
    """The row read with the stated ``total``, or None where the reading already decides it or
    holds a figure that says otherwise."""
    if all(v is not None for v in values):
        return None  # read already: the table's word, not the prose's
    if total == 0:
        if any(v not in (None, 0) for v in values):
            return None  # a printed figure in a row said to be empty: a contradiction, left as read
        return [0] * len(values)
    if values[-1] is not None:
        return None
    return [*values[:-1], total]


def read_stated_rows(
    template: Template, records: list[Record], report: Report, evidence: Evidence, stated: dict[str, int]
) -> None:
    """Fill table 三's outer rows from the prose's totals where its blank cells vanished from the
    flow and the readings left them unknown; ``records``: table 三's records, in order."""
    said = _said(stated)
    if said is None:
        return
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    if not any(None in (report.requests.get(key) or ()) for key in said):
        return  # the readings decided every outer row
    figures = printed_figures(records)
    if figures is None or not figures or len(figures) >= len(keys) * width:
        return  # every cell printed (the other readers' case), or not a table of counts
    if any(t.x is not None for t in figures):
        return  # laid-out text: where a figure stands says its column (``placed``)
    printed = {int(t.value.amount or 0) for t in figures}
    bound = requests_bound(template.id)
    for key, total in said.items():
        values = report.requests.get(key)
        if values is None or len(values) != width:
            continue
        filled = _row_read(values, total)
        if filled is None or (total and total not in printed):
            continue
        before: dict[Hashable, tuple[int | None, ...]] = {k: tuple(v) for k, v in report.requests.items()}
        after = {**before, key: tuple(filled)}
        if bound.broken(after) > bound.broken(before):
            continue  # the total does not fit the cells read: left to the readings
        report.requests[key] = filled
        if total == 0:
            zh = "表三留空了为零的单元格（Word 表格），文本的排版流无法确定本行的数字；正文称本行为 0 件，各格均按 0 计"
            en = (
                "table 三 leaves its zero cells blank (a Word table) and its flow does not say this row's "
                "figures; the text states 0: read as 0"
            )
        else:
            zh = (
                "表三留空了为零的单元格（Word 表格），文本的排版流无法确定总计所在的格："
                f"取正文所称的 {total} 件（表中印有此数）"
            )
            en = (
                f"table 三 leaves its zero cells blank (a Word table) and its flow does not say where the total is: "
                f"the {total} the text states (printed in the table)"
            )
        evidence.doubt_more(f"requests.{key}", zh, en)
