# ruff: noqa: E501  (HTML as a WPS document exported to a page prints it: long lines are the point)
"""An eleventh page style none of the readers was built on: a 县 department's report typeset as a
公文 in WPS, its 三线表 tables, and the Word original (``word.py``).

Written for the eleventh hold-out set (``generate.py``), apart from the layouts of the other sets on
purpose: the reader is scored on these pages before anything is changed for them. What such a
department prints and the other ten sets do not, chosen per report by a ``Style``:

* 三线表 (three-line tables): a top rule, a rule under the header and a bottom rule, no vertical
  rules and no cell borders; no merged cells either: a group title (申请人情况, 法人或其他组织,
  行政复议, 行政诉讼 …) is centred over blank cells, a row section (二、本年度办理结果, （三）不予公开)
  printed in the first row of its rows only, the cells under it blank;
* 分散对齐 labels: a short label's characters spread out, typed with spaces (``自 然 人``), with
  full-width spaces (``予　以　公　开``), or by the cell's distributed alignment (the text clean,
  the glyphs spread across the cell in the print);
* figures right-aligned, every other body row shaded (zebra), 单位：件 over the tables;
* 公文 page furniture: ``— 3 —`` page numbers (odd pages at the right, even at the left), the
  signature and date, the tables as 附件 after them (附件1 … 附件3, the text saying 详见附件), and the
  版记: 抄送 and 印发 lines between rules;
* table 三 broken across two pages WITHOUT its header repeated (the office's Word file breaks it
  where the page ends; nothing is printed again above the rest).

The gold is the statutory cells only.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import (
    ACTIVE_CORNER,
    APPEAL_FIELDS,
    APPEAL_GROUPS,
    ORGANISATION_GROUP,
    REQUEST_COLUMNS,
    REQUESTS_CORNER,
    SECTIONS,
    TEMPLATES,
    Kind,
    Template,
)
from tests.ingest.publishers.layouts import CAPTIONS, prose, title

Report = dict[str, Any]
SPACES = {"space": " ", "ideo": "\u3000"}


@dataclass(frozen=True)
class Style:
    spread: str = "space"  # 分散对齐: "space" (自 然 人) | "ideo" (自　然　人) | "css" (the cell's alignment)
    annex: bool = False  # the tables as 附件 after the signature (the text saying 详见附件)
    labels_low: bool = False  # table 三's column labels in the header's last row (else in the row of their group)
    zebra: bool = True  # every other body row shaded
    unit: bool = True  # 单位：件 over the tables
    split: int = 0  # table 三 broken after this many body rows, its header not repeated (0: in one piece)
    wan: bool = False  # the 2019 template's money in 万元


@dataclass(frozen=True)
class Cell:
    text: str
    kind: str = ""  # "" | "num" (right-aligned figure) | "fs" (a spread label) | "rule" (a short rule under it)


Rows = list[list[Cell]]


def e(text: str) -> str:
    return html.escape(text, quote=False)


def figure(value: Any, money: bool = False, wan: bool = False) -> Cell:
    if value is None:
        return Cell("未知", "num")
    if money:
        return Cell(f"{value / 10_000:.2f}" if wan else f"{value:.2f}", "num")
    return Cell(str(value), "num")


def spread(label: str, style: Style) -> Cell:
    """A short label as 分散对齐 prints it: the characters after its numbering spread out."""
    head = ""
    for close in ("）", "、", "."):
        if close in label[:5]:
            cut = label.index(close) + 1
            head, label = label[:cut], label[cut:]
            break
    if len(label) > 6 or len(label) < 2:
        return Cell(head + label)
    if style.spread == "css":
        return Cell(head + label, "fs")
    return Cell(head + SPACES[style.spread].join(label))


# ---------------------------------------------------------------------------------------------
# The three statutory tables, unmerged: group titles over blank cells
# ---------------------------------------------------------------------------------------------


def active_rows(template: Template, report: Report, style: Style) -> tuple[Rows, int]:
    width = 1 + max(len(row.fields) for row in template.active_rows)
    rows: Rows = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        fields = members[0].fields
        rows.append([Cell(item)] + [Cell("") for _ in range(width - 1)])
        head = [spread(ACTIVE_CORNER, style)] + [Cell("") for _ in range(width - 1 - len(fields))]
        head += [Cell(f.header.replace("单位：元", "单位：万元") if style.wan else f.header) for f in fields]
        rows.append(head)
        for r in members:
            line = [spread(r.label, style)] + [Cell("") for _ in range(width - 1 - len(r.fields))]
            values = report["active"].get(r.key, {})
            line += [figure(values.get(f.key), f.kind is Kind.MONEY, style.wan) for f in r.fields]
            rows.append(line)
    return rows, 0


def request_head(style: Style) -> Rows:
    """Three header rows, nothing merged: 申请人情况 centred over the seven figure columns, 法人或其他
    组织 over its five, 自然人 and 总计 in the row of their group or (``labels_low``) in the last."""
    n = len(REQUEST_COLUMNS)
    natural, total, orgs = REQUEST_COLUMNS[0], REQUEST_COLUMNS[-1], REQUEST_COLUMNS[1:-1]
    blank = [Cell("")] * 3
    top = blank + [Cell(REQUESTS_CORNER) if i == n // 2 else Cell("") for i in range(n)]
    group = [Cell(ORGANISATION_GROUP, "rule") if i == len(orgs) // 2 else Cell("", "rule") for i in range(len(orgs))]
    ends = (Cell(""), Cell("")) if style.labels_low else (spread(natural.label, style), spread(total.label, style))
    middle = [*blank, ends[0], *group, ends[1]]
    lows = (spread(natural.label, style), spread(total.label, style)) if style.labels_low else (Cell(""), Cell(""))
    corner = [Cell(""), spread("项目", style), Cell("")]
    last = [*corner, lows[0], *(spread(c.label, style) for c in orgs), lows[1]]
    return [top, middle, last]


def request_body(template: Template, report: Report, style: Style) -> Rows:
    """Table 三's rows, each section and group label in the first of its rows only."""
    requests = report["requests"]
    rows: Rows = []
    every = template.request_rows
    for i, r in enumerate(every):
        before = every[i - 1] if i else None
        if not r.section:
            labels = [spread(r.printed, style), Cell(""), Cell("")]
        else:
            section = Cell(r.section) if before is None or before.section != r.section else Cell("")
            if not r.group:
                labels = [section, spread(r.printed, style), Cell("")]
            else:
                group = Cell(r.group) if before is None or before.group != r.group else Cell("")
                labels = [section, group, spread(r.printed, style)]
        rows.append(labels + [figure(v) for v in requests[r.key]])
    return rows


def appeal_rows(report: Report, style: Style) -> tuple[Rows, int]:
    """Table 四 in three header rows, nothing merged: 行政复议 over its five, 行政诉讼 over ten, 未经
    复议直接起诉 and 复议后起诉 over five each."""
    appeals = report["appeals"]
    review, direct, after = APPEAL_GROUPS
    n = len(APPEAL_FIELDS)

    def over(title: str, width: int) -> list[Cell]:
        return [Cell(title, "rule") if i == width // 2 else Cell("", "rule") for i in range(width)]

    fields = [spread(f.label, style) for f in APPEAL_FIELDS]
    rows: Rows = [
        over(review.label, n) + over(direct.parent, 2 * n),
        [Cell("")] * n + over(direct.label, n) + over(after.label, n),
        fields * 3,
        [figure(appeals[g.key][f.key]) for g in APPEAL_GROUPS for f in APPEAL_FIELDS],
    ]
    return rows, 3


# ---------------------------------------------------------------------------------------------
# 三线表 in HTML
# ---------------------------------------------------------------------------------------------


def columns(rows: Rows) -> str:
    """The column widths WPS keeps (fixed, so a title over blank cells wraps in its own cell):
    table 三's three label columns wide, the figure columns even."""
    width = len(rows[0])
    labels = 3 if width == 3 + len(REQUEST_COLUMNS) else 1 if width < len(APPEAL_FIELDS) * 3 else 0
    shares = {3: (11, 12, 17), 1: (30,), 0: ()}[labels]
    rest = (100 - sum(shares)) / (width - labels)
    return (
        "<colgroup>" + "".join(f'<col width="{w:.1f}%">' for w in (*shares, *[rest] * (width - labels))) + "</colgroup>"
    )


def three_line(rows: Rows, head: int, style: Style, split: int = 0) -> str:
    """A three-line table: no borders but the top rule, the rule under the ``head`` header rows and
    the bottom rule; with ``split`` the body breaks to a new page after that many rows, nothing
    printed again above the rest."""

    def td(cell: Cell, under: bool) -> str:
        classes = [c for c in (cell.kind, "hr" if under else "") if c]
        attr = f' class="{" ".join(classes)}"' if classes else ""
        return f"<td{attr}>{e(cell.text)}</td>"

    out = ['<table class="sx" cellspacing="0" cellpadding="3" width="100%">', columns(rows)]
    for i, row in enumerate(rows):
        attrs = []
        if style.zebra and i >= head and (i - head) % 2 == 1:
            attrs.append('class="z"')
        if split and i == head + split:
            attrs.append('style="break-before:page;page-break-before:always"')
        lead = " " + " ".join(attrs) if attrs else ""
        out.append(f"<tr{lead}>" + "".join(td(c, head > 0 and i == head - 1) for c in row) + "</tr>")
    return "\n".join(out) + "\n</table>"


def table_rows(report: Report, style: Style) -> dict[str, tuple[Rows, int]]:
    """Each statutory table's rows and how many of them are its header."""
    template = TEMPLATES[report["template"]]
    head = request_head(style)
    return {
        "二": active_rows(template, report, style),
        "三": (head + request_body(template, report, style), len(head)),
        "四": appeal_rows(report, style),
    }


def tables(report: Report, style: Style) -> dict[str, str]:
    return {
        number: three_line(rows, head, style, style.split if number == "三" else 0)
        for number, (rows, head) in table_rows(report, style).items()
    }


def spread_labels(report: Report, style: Style) -> frozenset[str]:
    """The labels the cell's alignment spreads (``spread="css"``): what Word's 分散对齐 gets."""
    return frozenset(
        c.text for rows, _head in table_rows(report, style).values() for row in rows for c in row if c.kind == "fs"
    )


def unit_line(style: Style) -> str:
    return '<p class="unit">单位：件</p>' if style.unit else ""


def office_name(report: Report) -> str:
    """The department's 办公室 (the 印发机关 of the 版记)."""
    return f"{report['agency']}办公室"


def document(report: Report, style: Style) -> str:
    """The 公文: title, text, signature and date, the 附件 tables (``annex``), the 版记."""
    text = prose(report)
    agency, year = report["agency"], report["year"]
    printed = tables(report, style)
    body = [
        f'<p class="tt">{e(title(report))}</p>',
        f"<p>根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布{e(agency)}{year}年政府信息公开工作年度报告。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>",
    ]
    annexes: list[str] = []
    for n, section in enumerate(SECTIONS, 1):
        body.append(f'<p class="h1">{section.number}、{e(section.title)}</p>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number not in printed:
            continue
        caption = CAPTIONS[section.number]
        if style.annex:
            k = len(annexes) + 1
            body.append(f"<p>具体情况详见附件{k}。</p>")
            annexes.append(
                f'<p class="fj">附件{k}</p>\n<p class="fjt">{caption}</p>\n{unit_line(style)}\n{printed[section.number]}'
            )
        else:
            body.append(f'<p class="cap">表{n - 1}　{caption}</p>')
            body += [unit_line(style), printed[section.number]]
    if style.annex:
        names = "；".join(f"{k}.{CAPTIONS[s]}" for k, s in enumerate(("二", "三", "四"), 1))
        body.append(f'<p class="att">附件：{names}</p>')
    day = (year % 7) + 15
    body.append(f'<p class="sign">{e(agency)}</p>\n<p class="sign">{year + 1}年1月{day}日</p>')
    body += [f'<div class="annex">{a}</div>' for a in annexes]
    body.append(
        '<div class="bj"><p class="cs">抄送：县委办公室，县人大常委会办公室，县政协办公室，县纪委监委。</p>'
        f'<p class="yf"><span>{e(office_name(report))}</span><span>{year + 1}年1月{day}日印发</span></p></div>'
    )
    return "\n".join(body)


def css(style: Style) -> str:
    fs = (
        "td.fs{text-align:justify;text-align-last:justify;text-justify:inter-character}"
        if style.spread == "css"
        else "td.fs{text-align:center}"
    )
    return (
        "@page{size:A4;margin:37mm 26mm 35mm 28mm}"
        " @page:right{@bottom-right{content:'— ' counter(page) ' —';font-family:'SimSun','Noto Serif CJK SC',serif;font-size:14pt}}"
        " @page:left{@bottom-left{content:'— ' counter(page) ' —';font-family:'SimSun','Noto Serif CJK SC',serif;font-size:14pt}}"
        " body{font-family:'FangSong_GB2312','FangSong','Noto Serif CJK SC',serif;font-size:16pt;line-height:1.6;margin:0}"
        " p{text-indent:2em;margin:0} p.tt{text-align:center;text-indent:0;font-size:22pt;font-family:'FZXiaoBiaoSong-B05S','Noto Serif CJK SC',serif;margin:20px 0}"
        " p.h1{font-family:'SimHei','Noto Sans CJK SC',sans-serif} p.cap,p.fjt{text-align:center;text-indent:0;font-family:'SimHei','Noto Sans CJK SC',sans-serif}"
        " p.unit{text-align:right;font-size:11pt} p.sign{text-align:right;padding-right:2em} p.att{text-indent:2em;margin-top:1em}"
        " div.annex{break-before:page;page-break-before:always} p.fj{text-indent:0;font-family:'SimHei','Noto Sans CJK SC',sans-serif}"
        " div.bj{break-before:page;page-break-before:always;margin-top:60%;border-top:1px solid #000;border-bottom:1px solid #000;font-size:14pt}"
        " div.bj p{text-indent:1em} p.cs{border-bottom:1px solid #000} p.yf{display:flex;justify-content:space-between;padding-right:1em}"
        " table.sx{border-collapse:collapse;table-layout:fixed;border-top:2px solid #000;border-bottom:2px solid #000;margin:4px 0 12px;font-size:10.5pt;line-height:1.3}"
        " table.sx td{border:none;padding:3px 4px;text-align:center} table.sx td.num{text-align:right} table.sx td.hr{border-bottom:1px solid #000}"
        " table.sx td.rule{border-bottom:0.5px solid #000} table.sx tr.z td{background:#eeeeee}"
        f" {fs}"
    )


def gongwen(report: Report, style: Style) -> str:
    """The document as the department's site publishes it: the WPS file saved as a web page."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="Generator" content="WPS Office">
<title>{e(title(report))}</title><style>{css(style)}</style></head>
<body>
{document(report, style)}
</body></html>
"""
