"""Table 三's cells the prose's totals and the table's equations decide, where a Word table's blank
cells vanished from ``pdftotext``'s flow and the readings of that flow left doubt.

LibreOffice's print of a Word table whose zero cells are blank, read by ``pdftotext``'s default
mode, keeps no order of the grid where rows are tall and their cells centred: a row's figures come
out among the next rows' (row 一's 总计 after rows 二 and 三's), whole blocks of a column after
the labels of rows further down, and a row of zeros prints nothing at all. Which row and column a
figure is in is then not in the text, and the readers of the flow (``vanished``) leave most cells
unknown or guessed (in ``uncertain``). What stays decidable is given by the report itself:

- the prose's totals (新收 880 件, 上年结转 0 件, 办结, 结转下年度; ``stated``), where all four are
  stated and agree with table 三's own balance (新收 + 上年结转 = 办结 + 结转下年度), and with them
  the 予以公开 row's (其中予以公开 0 件, ``stated.stated_outcomes``): a row stated as 0 holds 0 in
  every cell, a stated total the table prints is that row's 总计, a first-column
  figure the prose states (其中自然人 5 件) where the table prints it is that cell;
- the table's equations (``report/equations``), counts being never negative: an equation with one
  unknown cell solves it, and a side whose known cells already add up to the other side holds 0
  in its unknown cells (a column with nothing received, carried over or forward processed
  nothing in any row: every cell of that column is 0).

From those and the cells read that ``uncertain`` does not name, the equations' consequences are
worked out to the end; a cell they decide replaces a guessed reading (one in ``uncertain``) or an
unknown cell, and every row changed so is named in ``uncertain`` (the table itself does not show
it). Where the cells read without doubt contradict the prose, or break an equation, nothing is
read here (``stated.doubt_against_prose`` reports it). Rows whose figures print but whose columns
the flow does not say (6 4 2 for 自然人 4, 商业企业 0, 科研机构 2, total 6) stay unknown.
"""

from __future__ import annotations

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Record
from gongkai.ingest.vanished_flow import printed_figures
from gongkai.report.equations import Cell, Value, balance, closure, equations
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


def _seeds(said: dict[str, int], first: dict[tuple[str, int], int], printed: set[int], width: int) -> dict[Cell, int]:
    """The cells the prose decides: every cell of a row it states as 0, the 总计 of a row whose
    stated total the table prints, a first-column figure it states (其中自然人 5 件) where printed."""
    out: dict[Cell, int] = {}
    for key, stated in said.items():
        if stated == 0:
            out.update({Cell("requests", key, c): 0 for c in range(width)})
        elif stated in printed:
            out[Cell("requests", key, width - 1)] = stated
    for (key, column), stated in first.items():
        if stated in printed:
            out[Cell("requests", key, column)] = stated
    return out


def _doubted(evidence: Evidence) -> set[str]:
    """The places ``uncertain`` names (a table, a row, a cell)."""
    return {entry.cell for entry in evidence.uncertain}


def _is_doubted(cell: Cell, doubted: set[str]) -> bool:
    return cell.path in doubted or f"requests.{cell.row}" in doubted or "requests" in doubted


def read_stated_rows(
    template: Template,
    records: list[Record],
    report: Report,
    evidence: Evidence,
    stated: dict[str, int],
    first: dict[tuple[str, int], int],
) -> None:
    """Table 三's cells the prose's totals and the table's equations decide where its blank cells
    vanished from the flow and the readings left doubt; ``records``: table 三's records, in order;
    ``stated``: the prose's totals (``stated.stated_figures``); ``first``: its first-column
    figures (``stated.stated_columns``)."""
    said = _said(stated)
    if said is None:
        return
    if "requests.granted" in stated:  # an outcome row the prose counts (其中予以公开 0 件)
        said["granted"] = stated["requests.granted"]
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    if template.total_column != width - 1:
        return
    doubted = _doubted(evidence)
    read = {Cell("requests", key, c): v for key in keys for c, v in enumerate(report.requests.get(key) or ())}
    if all(v is not None and not _is_doubted(cell, doubted) for cell, v in read.items()):
        return  # every cell read, none in doubt
    figures = printed_figures(records)
    if figures is None or not figures or len(figures) > len(keys) * (width - 2):
        # every cell printed (the other readers' case), a table of the other template's rows (a
        # row or two short, its zeros printed), or not a table of counts: its zeros did not vanish
        return
    if any(t.x is not None for t in figures):
        return  # laid-out text: where a figure stands says its column (``placed``)
    printed = {int(t.value.amount or 0) for t in figures}
    seeds = _seeds(said, first, printed, width)
    sure = {cell: int(v) for cell, v in read.items() if v is not None and not _is_doubted(cell, doubted)}
    if any(sure.get(cell, v) != v for cell, v in seeds.items()):
        return  # the table read otherwise where it is sure: read as printed (``doubt_against_prose``)
    chosen = [e for e in equations(template, derived=True) if e.table == "requests"]
    closed = closure({**sure, **seeds}, chosen)
    if closed is None:
        return
    evidence.write_cells(
        report.requests,
        closed,
        "表三留空了为零的单元格（Word 表格），文本的排版流无法确定各数字所在的格：第 {where} 列（从 0 起）"
        "按正文所称的总数（表中印有此数）与表三勾稽关系推定（件数不为负）",
        "table 三 leaves its zero cells blank (a Word table) and its flow does not say where its figures are: "
        "column(s) {where} worked out from the totals the text states (printed in the table) and table 三's "
        "equations (counts are never negative)",
        keep=lambda cell: cell in sure,
    )
