"""The statutory tables of the thirteenth hold-out as an old site's editor draws them in text
(``boxes.render``): the cells, merges and line breaks of each table.

What such a table carries and the other sets' pages do not, chosen per report by a ``Style``
(``layout.Style``):

* every label wrapped inside its cell at the column's width (a long table 三 label over two or
  three lines, 法人或其他组织's five labels two characters a line: ``商业`` / ``企业``);
* table 三's section and group labels in narrow columns of their own, merged down over their rows
  and written one character a line (``三`` / ``、`` / ``本`` / ``年`` …), as the statute's form has
  them, or each on a row of its own above its rows;
* table 四's fifteen labels two characters a line, or (narrower still) one a line;
* figures right-aligned, zero printed ``0``; money with two decimals (or in 万元).

The gold is the statutory cells only; nothing here is read back.
"""

from __future__ import annotations

from typing import Any

from gongkai.report.templates import APPEAL_FIELDS, APPEAL_GROUPS, ORGANISATION_GROUP, REQUEST_COLUMNS, TEMPLATES, Kind
from tests.ingest.holdout13.boxes import Cell, Rows

Report = dict[str, Any]


def wrap(text: str, per_line: int) -> str:
    """``text`` broken every ``per_line`` characters (how the editor fits a label to its column)."""
    return "\n".join(text[k : k + per_line] for k in range(0, len(text), per_line)) or text


def figure(value: Any, money: bool = False) -> Cell:
    if value is None:
        return Cell("未知", "c")
    return Cell(f"{value:.2f}" if money else str(int(value)), "r")


def active_rows(report: Report, wan: bool = False) -> Rows:
    """Table 二: each 第二十条 item a merged row, its header row, its rows (a one-field item's figure
    merged across the rest); with ``wan`` the 2019 template's money in 万元."""
    template = TEMPLATES[report["template"]]
    width = 1 + max(len(r.fields) for r in template.active_rows)
    rows: Rows = []
    for item in template.active_items:
        members = [r for r in template.active_rows if r.item == item]
        fields = members[0].fields
        rows.append([Cell(item, "c", cols=width)])
        last = width - len(fields)
        headers = [f.header.replace("单位：元", "单位：万元") if wan else f.header for f in fields]
        head = [Cell("信息内容")]
        head += [Cell(wrap(h, 6), cols=last if k == len(fields) - 1 else 1) for k, h in enumerate(headers)]
        rows.append(head)
        for r in members:
            values = report["active"].get(r.key, {})
            line = [Cell(wrap(r.label, 12), "l")]
            for k, f in enumerate(r.fields):
                value = values.get(f.key)
                money = f.kind is Kind.MONEY
                if wan and money and value is not None:
                    value = round(value / 10_000, 2)
                cell = figure(value, money)
                line.append(Cell(cell.text, cell.align, cols=last if k == len(r.fields) - 1 else 1))
            rows.append(line)
    return rows


def _head(label_cols: int) -> Rows:
    n = len(REQUEST_COLUMNS)
    natural, orgs, total = REQUEST_COLUMNS[0], REQUEST_COLUMNS[1:-1], REQUEST_COLUMNS[-1]
    return [
        [Cell("", rows=3, cols=label_cols), Cell("申请人情况", cols=n)],
        [
            Cell(wrap(natural.label, 2), rows=2),
            Cell(ORGANISATION_GROUP, cols=n - 2),
            Cell(wrap(total.label, 2), rows=2),
        ],
        [Cell(wrap(c.label, 2)) for c in orgs],
    ]


def request_rows(report: Report, vertical: bool, label_width: int) -> Rows:
    """Table 三: the three header rows, then the body. ``vertical``: the section and group labels in
    narrow columns of their own merged down over their rows (one character a line), as the statute's
    form; else each a row of its own above its rows, blank figure cells beside it."""
    template = TEMPLATES[report["template"]]
    n = len(REQUEST_COLUMNS)
    rows = _head(3 if vertical else 1)
    spans: dict[str, int] = {}
    for r in template.request_rows:
        for above in (r.section, r.group):
            if above:
                spans[above] = spans.get(above, 0) + 1
    seen: set[str] = set()
    for r in template.request_rows:
        figures = [figure(v) for v in report["requests"][r.key]]
        if not vertical:
            for above in (r.section, r.group):
                if above and above not in seen:
                    seen.add(above)
                    rows.append([Cell(wrap(above, label_width), "l")] + [Cell("")] * n)
            rows.append([Cell(wrap(r.printed, label_width), "l"), *figures])
            continue
        line: list[Cell] = []
        if r.section and r.section not in seen:
            seen.add(r.section)
            line.append(Cell(wrap(r.section, 1), rows=spans[r.section]))
        if r.group and r.group not in seen:
            seen.add(r.group)
            line.append(Cell(wrap(r.group, 4), rows=spans[r.group]))
        cols = 3 - bool(r.section) - bool(r.group)
        line.append(Cell(wrap(r.printed, label_width), "l", cols=cols))
        rows.append(line + figures)
    return rows


def appeal_rows(report: Report, per_line: int) -> Rows:
    """Table 四: its two header rows of groups, the fifteen labels ``per_line`` characters a line,
    the figures."""
    review, direct, after = APPEAL_GROUPS
    n = len(APPEAL_FIELDS)
    labels = [Cell(wrap(f.label, per_line)) for f in APPEAL_FIELDS]
    appeals = report["appeals"]
    return [
        [Cell(review.label, rows=2, cols=n), Cell(direct.parent, cols=2 * n)],
        [Cell(direct.label, cols=n), Cell(after.label, cols=n)],
        labels * 3,
        [figure(appeals[g.key][f.key]) for g in APPEAL_GROUPS for f in APPEAL_FIELDS],
    ]
