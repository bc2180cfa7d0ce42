"""The statutory tables of the twelfth hold-out as a 国务院部门 / 省厅 office makes them in Excel:
the cells, merges and number formats of its sheets, and the text Excel shows for a number.

What such an office's sheets carry and the other sets' pages do not, chosen per report by a
``Style`` (``layout.Style``):

* Excel's number formats, shown as Excel shows them: ``#,##0`` thousands separators with zero shown
  as ``-`` (``#,##0;-#,##0;"-"``), the accounting format (``_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ ``:
  the figure padded, zero a lone dash), or the plain ``0``; money ``#,##0.00`` the same ways;
* table 三 with its numbering in a narrow column of its own (``一`` / ``（一）`` / ``1.``), each
  section and group label in a bold row of its own with blank figure cells, 法人或其他组织 merged
  over five columns whose labels wrap in two lines (``商业`` / ``企业``), a narrow 总计 column;
* table 二 with each 第二十条 item as a merged bold row, a one-field item's figure merged across;
* table 四's fifteen columns, their labels wrapped in two lines (``结果`` / ``维持``).

``layout.py`` lays the sheets out as Excel's web-page export prints them. The gold is the
statutory cells only; nothing here is read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import APPEAL_FIELDS, APPEAL_GROUPS, ORGANISATION_GROUP, REQUEST_COLUMNS, TEMPLATES, Kind

Report = dict[str, Any]
# the number formats, as Excel writes them into its web page (mso-number-format)
FORMATS = {
    ("dash", "count"): '#,##0;-#,##0;"-"',
    ("dash", "money"): '#,##0.00;-#,##0.00;"-"',
    ("acct", "count"): '_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ ',
    ("acct", "money"): '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ',
    ("plain", "count"): "0",
    ("plain", "money"): "0.00",
}
# 法人或其他组织's five labels as the narrow columns wrap them (Alt+Enter in the cell)
WRAPPED = {
    "商业企业": "商业\n企业",
    "科研机构": "科研\n机构",
    "社会公益组织": "社会公\n益组织",
    "法律服务机构": "法律服\n务机构",
}


@dataclass(frozen=True)
class Cell:
    text: str
    kind: str = ""  # "" (centred) | "label" (left) | "count" / "money" (a number, right) | "unknown"
    rows: int = 1
    cols: int = 1
    bold: bool = False
    value: float | None = None  # the number behind a "count" / "money" cell


Rows = list[list[Cell]]


def shown(value: float, kind: str, fmt: str) -> str:
    """What Excel shows for ``value`` under the report's number format: ``1,234`` / ``-`` / ``0``;
    the accounting format's padding (``_ `` keeps a space's width) as spaces."""
    money = kind == "money"
    if fmt == "plain":
        return f"{value:.2f}" if money else str(int(value))
    if value == 0:
        return " - " if fmt == "acct" else "-"
    text = f"{abs(value):,.2f}" if money else f"{abs(int(value)):,}"
    text = ("-" if value < 0 else "") + text
    return f" {text} " if fmt == "acct" else text


def number(value: Any, kind: str, fmt: str) -> Cell:
    if value is None:
        return Cell("未知", "unknown")
    return Cell(shown(value, kind, fmt), kind, value=value)


def active_grid(report: Report, fmt: str, wan: bool = False) -> tuple[Rows, int]:
    """Table 二: each item a merged bold row, its header row, its rows; no header repeated; with
    ``wan`` the 2019 template's money in 万元 (its header saying so)."""
    template = TEMPLATES[report["template"]]
    width = 1 + max(len(r.fields) for r in template.active_rows)
    rows: Rows = []
    for item in template.active_items:
        members = [r for r in template.active_rows if r.item == item]
        fields = members[0].fields
        rows.append([Cell(item, cols=width, bold=True)])
        last = width - len(fields)  # a one-field item's cell merged across the rest
        head = [Cell("信息内容", bold=True)]
        headers = [f.header.replace("单位：元", "单位：万元") if wan else f.header for f in fields]
        head += [Cell(headers[k], cols=last if k == len(fields) - 1 else 1, bold=True) for k in range(len(fields))]
        rows.append(head)
        for r in members:
            values = report["active"].get(r.key, {})
            line = [Cell(r.label, "label")]
            for k, f in enumerate(r.fields):
                value = values.get(f.key)
                if wan and f.kind is Kind.MONEY and value is not None:
                    value = round(value / 10_000, 2)
                cell = number(value, "money" if f.kind is Kind.MONEY else "count", fmt)
                line.append(Cell(cell.text, cell.kind, cols=last if k == len(r.fields) - 1 else 1, value=cell.value))
            rows.append(line)
    return rows, 0


def numbering(label: str) -> tuple[str, str]:
    """``三、本年度办理结果`` → (``三``, ``本年度办理结果``); ``（三）不予公开`` → (``（三）``, …);
    ``1.属于国家秘密`` → (``1.``, …): the numbering goes to a narrow column of its own."""
    for close, keep in (("、", False), ("）", True), (".", True)):
        at = label.find(close, 0, 5)
        if at > 0:
            return label[: at + 1] if keep else label[:at], label[at + 1 :]
    return "", label


def request_grid(report: Report, fmt: str) -> tuple[Rows, int]:
    """Table 三: three header rows (the rows printed on every page), then the body, a section or
    group label a bold row of its own."""
    template = TEMPLATES[report["template"]]
    n = len(REQUEST_COLUMNS)
    natural, orgs, total = REQUEST_COLUMNS[0], REQUEST_COLUMNS[1:-1], REQUEST_COLUMNS[-1]
    rows: Rows = [
        [Cell("", rows=3, cols=2), Cell("申请人情况", cols=n, bold=True)],
        [
            Cell(natural.label, rows=2, bold=True),
            Cell(ORGANISATION_GROUP, cols=n - 2, bold=True),
            Cell(total.label, rows=2, bold=True),
        ],
        [Cell(WRAPPED.get(c.label, c.label), bold=True) for c in orgs],
    ]
    seen: set[str] = set()
    for r in template.request_rows:
        for above in (r.section, r.group):
            if above and above not in seen:
                seen.add(above)
                mark, label = numbering(above)
                rows.append([Cell(mark, bold=True), Cell(label, "label", bold=True)] + [Cell("")] * n)
        mark, label = numbering(r.printed)
        rows.append([Cell(mark), Cell(label, "label")] + [number(v, "count", fmt) for v in report["requests"][r.key]])
    return rows, 3


def appeal_grid(report: Report, fmt: str) -> tuple[Rows, int]:
    review, direct, after = APPEAL_GROUPS
    n = len(APPEAL_FIELDS)
    labels = [Cell(f.label[:2] + "\n" + f.label[2:], bold=True) for f in APPEAL_FIELDS]
    appeals = report["appeals"]
    rows: Rows = [
        [Cell(review.label, rows=2, cols=n, bold=True), Cell(direct.parent, cols=2 * n, bold=True)],
        [Cell(direct.label, cols=n, bold=True), Cell(after.label, cols=n, bold=True)],
        labels * 3,
        [number(appeals[g.key][f.key], "count", fmt) for g in APPEAL_GROUPS for f in APPEAL_FIELDS],
    ]
    return rows, 3


def grids(report: Report, fmt: str, wan: bool = False) -> dict[str, tuple[Rows, int]]:
    """Each statutory table's cells and how many of its rows are the header printed on every page."""
    return {"二": active_grid(report, fmt, wan), "三": request_grid(report, fmt), "四": appeal_grid(report, fmt)}
