# ruff: noqa: E501  (HTML as a front-end framework renders it: long lines are the point)
"""A ninth page style none of the readers was built on: a province's 政务公开 集约化平台 (the one
platform every department, city and county of the province publishes on), its pages rendered by a
front-end framework (Vue / React-like markup), and the Word original an office uploaded.

Written for the ninth hold-out set (``generate.py``), apart from the layouts of the other sets on
purpose: the reader is scored on these pages before anything is changed for them. What such a
platform prints and the other eight sets do not, chosen per report by a ``Style``:

* the statutory tables as ``<div>`` rows and cells, no ``<table>`` element at all: a CSS grid (each
  cell placed by ``grid-column`` / ``grid-row``, header cells spanning by ``span``), or flex rows
  (a merged cell printed in its first row, an empty cell of the same width below it); ARIA roles
  (``role="table"`` / ``row`` / ``cell``) in some, none in others; the framework's scoped-style
  attributes (``data-v-…``) and empty ``<!---->`` placeholders;
* figures with thousands separators (``1,234``), or in full-width digits (``１２３``, ``１，２３４``);
  a zero cell printed as ``—``, ``/``, ``-`` or ``无`` (the gold keeps 0: a printed blank or zero
  cell counts as 0);
* section headings as ``【一】总体情况`` or ``第一部分 总体情况`` instead of ``一、``; table captions
  as a separate div above the table (``表1 …``) or none;
* table 四 transposed: one row per figure (行政复议 · 结果维持 · value), the group in a merged left
  cell, one value column;
* the platform's chrome: breadcrumb, 索引号 / 发布机构 / 发布日期 block, 点击量, a print / share
  toolbar, a 数据来源 / 说明 block after the article, related links;
* the Word original (``spa_word``): the document alone with ruled ``<table>`` tables, the
  same figures' formatting, through LibreOffice's Word route.
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
FULL = str.maketrans("0123456789,.-", "０１２３４５６７８９，．－")
PROVINCE = "江南省"  # the platform's province (every agency below publishes on it)


@dataclass(frozen=True)
class Style:
    cells: str = "grid"  # the div tables: "grid" (CSS grid placement) | "flex" (flex rows)
    roles: bool = False  # role="table" / "row" / "cell" on the divs
    vue: bool = False  # scoped-style data-v attributes and <!----> placeholders
    thousands: bool = False  # 1,234
    fullwidth: bool = False  # １２３ (every figure of the tables)
    zero: str = ""  # a zero cell printed as "—" | "/" | "-" | "无" ("" prints 0)
    heading: str = "bracket"  # "bracket" (【一】总体情况) | "part" (第一部分 总体情况)
    captions: bool = False  # 表1 … in a div above each table
    transposed: bool = False  # table 四 one row per figure


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    figure: bool = False


Rows = list[list[Cell]]


def e(text: str) -> str:
    return html.escape(text, quote=False)


def number(value: Any, style: Style, money: bool = False) -> str:
    """A figure as the platform prints it: separators, full-width digits, zero as a mark."""
    if value is None:
        return "未知"
    if value == 0 and style.zero:
        return style.zero
    text = (
        (f"{value:,.2f}" if style.thousands else f"{value:.2f}")
        if money
        else (f"{value:,}" if style.thousands else str(value))
    )
    return text.translate(FULL) if style.fullwidth else text


# ---------------------------------------------------------------------------------------------
# The three statutory tables as rows of cells (the renderers below place them)
# ---------------------------------------------------------------------------------------------


def active_rows(template: Template, report: Report, style: Style) -> Rows:
    width = 1 + max(len(row.fields) for row in template.active_rows)
    rows: Rows = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        fields = members[0].fields
        rows.append([Cell(item, width)])
        last = width - len(fields)
        rows.append(
            [Cell(ACTIVE_CORNER)] + [Cell(f.header, last if i == len(fields) - 1 else 1) for i, f in enumerate(fields)]
        )
        for r in members:
            line = [Cell(r.label)]
            for i, f in enumerate(r.fields):
                value = report["active"].get(r.key, {}).get(f.key)
                span = width - len(r.fields) if i == len(r.fields) - 1 else 1
                line.append(Cell(number(value, style, f.kind is Kind.MONEY), span, figure=True))
            rows.append(line)
    return rows


def request_rows(template: Template, report: Report, style: Style) -> Rows:
    natural, total = REQUEST_COLUMNS[0], REQUEST_COLUMNS[-1]
    orgs = REQUEST_COLUMNS[1:-1]
    rows: Rows = [
        [Cell("项目", 3, 3), Cell(REQUESTS_CORNER, len(REQUEST_COLUMNS))],
        [Cell(natural.label, rowspan=2), Cell(ORGANISATION_GROUP, len(orgs)), Cell(total.label, rowspan=2)],
        [Cell(c.label) for c in orgs],
    ]
    every = template.request_rows
    for i, r in enumerate(every):
        line: list[Cell] = []
        if not r.section:
            line.append(Cell(r.printed, 3))
        else:
            if not every[i - 1].section:
                line.append(Cell(r.section, rowspan=sum(1 for x in every if x.section)))
            if not r.group:
                line.append(Cell(r.printed, 2))
            else:
                if every[i - 1].group != r.group:
                    line.append(Cell(r.group, rowspan=sum(1 for x in every if x.group == r.group)))
                line.append(Cell(r.printed))
        line += [Cell(number(v, style), figure=True) for v in report["requests"][r.key]]
        rows.append(line)
    return rows


def appeal_rows(report: Report, style: Style) -> Rows:
    appeals = report["appeals"]
    review, direct, after = APPEAL_GROUPS
    if style.transposed:  # one row per figure: group · result · value
        rows: Rows = [[Cell("项目", 2), Cell("数量（件）")]]
        for g in APPEAL_GROUPS:
            label = f"{g.parent}（{g.label}）" if g.parent else g.label
            for i, f in enumerate(APPEAL_FIELDS):
                lead = [Cell(label, rowspan=len(APPEAL_FIELDS))] if i == 0 else []
                rows.append([*lead, Cell(f.label), Cell(number(appeals[g.key][f.key], style), figure=True)])
        return rows
    n = len(APPEAL_FIELDS)
    return [
        [Cell(review.label, n), Cell(direct.parent, 2 * n)],
        [Cell(f.label, rowspan=2) for f in APPEAL_FIELDS] + [Cell(direct.label, n), Cell(after.label, n)],
        [Cell(f.label) for f in APPEAL_FIELDS] * 2,
        [Cell(number(appeals[g.key][f.key], style), figure=True) for g in APPEAL_GROUPS for f in APPEAL_FIELDS],
    ]


# ---------------------------------------------------------------------------------------------
# Renderers: CSS grid, flex rows, and the Word original's ruled table
# ---------------------------------------------------------------------------------------------


def placed(rows: Rows) -> tuple[list[list[tuple[int, Cell]]], int]:
    """Each row's cells with their first column (rowspans taken into account), and the width."""
    taken: set[tuple[int, int]] = set()
    out: list[list[tuple[int, Cell]]] = []
    for r, row in enumerate(rows):
        c, line = 0, []
        for cell in row:
            while (r, c) in taken:
                c += 1
            line.append((c, cell))
            taken |= {(r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan)}
            c += cell.colspan
        out.append(line)
    return out, max(c for _r, c in taken) + 1


def _attrs(style: Style, role: str) -> str:
    return (' data-v-5f2a7c1e=""' if style.vue else "") + (f' role="{role}"' if style.roles else "")


def grid(rows: Rows, style: Style) -> str:
    lines, width = placed(rows)
    out = [
        f'<div class="gk-table"{_attrs(style, "table")} style="display:grid;grid-template-columns:repeat({width},minmax(0,1fr))">'
    ]
    for r, line in enumerate(lines):
        out.append(f'<div class="gk-row"{_attrs(style, "row")} style="display:contents">')
        for c, cell in line:
            place = f"grid-column:{c + 1} / span {cell.colspan};grid-row:{r + 1} / span {cell.rowspan}"
            cls = "gk-cell num" if cell.figure else "gk-cell"
            out.append(f'<div class="{cls}"{_attrs(style, "cell")} style="{place}">{e(cell.text)}</div>')
        out.append("</div>")
    return "\n".join(out) + "\n</div>"


def flex(rows: Rows, style: Style) -> str:
    """Flex rows: a merged cell printed in its first row, an empty cell of its width below it."""
    lines, _width = placed(rows)
    below: dict[int, dict[int, int]] = {}  # row → first column → width of a merged cell above
    out = [f'<div class="gk-flex"{_attrs(style, "table")}>']
    for r, line in enumerate(lines):
        cells = [(c, cell, False) for c, cell in line] + [(c, Cell("", w), True) for c, w in below.get(r, {}).items()]
        out.append(f'<div class="gk-tr"{_attrs(style, "row")} style="display:flex">')
        for c, cell, empty in sorted(cells, key=lambda x: x[0]):
            for i in range(1, cell.rowspan):
                below.setdefault(r + i, {})[c] = cell.colspan
            grow = f"flex:{cell.colspan} 1 0;min-width:0"
            text = "<!---->" if empty and style.vue else e(cell.text)
            out.append(f'<div class="gk-td"{_attrs(style, "cell")} style="{grow}">{text}</div>')
        out.append("</div>")
    return "\n".join(out) + "\n</div>"


def ruled(rows: Rows) -> str:
    """The Word original's table: ``border="1"``, real row and column spans."""
    out = ['<table border="1" cellspacing="0" cellpadding="3" width="100%">']
    for row in rows:
        cells = "".join(
            "<td"
            + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
            + f">{e(c.text)}</td>"
            for c in row
        )
        out.append(f"<tr>{cells}</tr>")
    return "\n".join(out) + "\n</table>"


# ---------------------------------------------------------------------------------------------
# The document, the platform page and the Word original
# ---------------------------------------------------------------------------------------------


def heading(number_: str, text: str, style: Style) -> str:
    return f"【{number_}】{text}" if style.heading == "bracket" else f"第{number_}部分　{text}"


def article(report: Report, style: Style, word: bool) -> str:
    template = TEMPLATES[report["template"]]
    text = prose(report)
    agency, year = report["agency"], report["year"]
    tables = {
        "二": active_rows(template, report, style),
        "三": request_rows(template, report, style),
        "四": appeal_rows(report, style),
    }
    render = ruled if word else (lambda rows: grid(rows, style) if style.cells == "grid" else flex(rows, style))
    v = ' data-v-5f2a7c1e=""' if style.vue and not word else ""
    body = [
        f"<p{v}>根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布{e(agency)}{year}年政府信息公开工作年度报告。"
        f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>"
    ]
    for n, section in enumerate(SECTIONS, 1):
        body.append(f'<div class="gk-h"{v}><strong>{e(heading(section.number, section.title, style))}</strong></div>')
        body += [f"<p{v}>{e(p)}</p>" for p in text[section.number]]
        if section.number in tables:
            if style.captions:
                body.append(f'<div class="gk-cap"{v}>表{n - 1}　{CAPTIONS[section.number]}</div>')
            body.append(render(tables[section.number]))
        elif style.vue and not word:
            body.append("<!---->")
    body.append(f'<p class="sign"{v}>{e(agency)}<br>{year + 1}年1月{(year % 7) + 20}日</p>')
    return "\n".join(body)


def source_note(report: Report, style: Style) -> str:
    """The 数据来源 / 说明 block the platform prints after every report."""
    zero = f"表中“{style.zero}”表示数量为零；" if style.zero else ""
    return (
        f'<div class="gk-note"><div class="gk-note-t">数据来源及说明</div>'
        f"<p>数据来源：{e(report['agency'])}政府信息公开工作统计。</p>"
        f"<p>说明：{zero}表中数据的统计口径与《中华人民共和国政府信息公开条例》规定一致；因四舍五入，部分合计数与分项之和可能略有差异。</p></div>"
    )


CSS = (
    "body{font-family:'Microsoft YaHei','Noto Sans CJK SC',sans-serif;font-size:15px;margin:0;color:#333;background:#f4f6f9}"
    " .gk-top{background:#c4161c;color:#fff;padding:10px 40px;font-size:20px} .gk-crumb{font-size:13px;color:#666;margin:12px 0}"
    " .gk-main{max-width:1000px;margin:0 auto;background:#fff;padding:20px 40px} .gk-title{font-size:24px;text-align:center;margin:14px 0}"
    " .gk-meta{font-size:12px;color:#888;border:1px solid #e4e4e4;padding:6px 10px;display:flex;flex-wrap:wrap;gap:6px 30px}"
    " .gk-info{font-size:13px;color:#999;text-align:center;margin:10px 0} .gk-h{margin:16px 0 6px;font-size:16px} .sign{text-align:right}"
    " .gk-cap{text-align:center;font-weight:bold;font-size:14px;margin:10px 0 4px}"
    " .gk-table{border-top:1px solid #999;border-left:1px solid #999;margin:6px 0 14px}"
    " .gk-cell{border-right:1px solid #999;border-bottom:1px solid #999;font-size:12px;text-align:center;padding:3px 2px;word-break:break-all;display:flex;align-items:center;justify-content:center}"
    " .gk-flex{border-top:1px solid #999;border-left:1px solid #999;margin:6px 0 14px}"
    " .gk-td{border-right:1px solid #999;border-bottom:1px solid #999;font-size:12px;text-align:center;padding:3px 2px;word-break:break-all}"
    " .gk-tools{text-align:right;font-size:13px;color:#666;margin-top:20px} .gk-tools span{margin-left:18px;cursor:pointer}"
    " .gk-note{background:#f7f7f7;padding:8px 14px;font-size:13px;color:#666;margin-top:16px} .gk-note-t{font-weight:bold}"
    " .gk-rel{font-size:13px;margin-top:16px} .gk-foot{font-size:12px;color:#999;text-align:center;padding:16px}"
)


def spa(report: Report, style: Style) -> str:
    """The web page: the province's 集约化平台 article, the framework's markup and the chrome."""
    agency, year = report["agency"], report["year"]
    province = PROVINCE
    day = (year % 7) + 20
    index = (
        f"{(year * 7919) % 100000:05d}{agency.encode('utf-8')[0] % 90 + 10}/{year + 1}-{(year * 37) % 900 + 100:05d}"
    )
    clicks = number((year * 2131) % 9000 + 312, Style(thousands=True))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(title(report))}_{e(province)}人民政府门户网站</title><style>{CSS}</style></head>
<body>
<div id="app">
<div class="gk-top">{e(province)}人民政府　政务公开</div>
<div class="gk-main">
<div class="gk-crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">{e(agency)}</a> &gt; <a href="#">政府信息公开年报</a></div>
<div class="gk-meta"><span>索引号：{index}</span><span>发布机构：{e(agency)}</span><span>主题分类：政务公开</span><span>发布日期：{year + 1}-01-{day}</span><span>文号：无</span></div>
<h1 class="gk-title">{e(title(report))}</h1>
<div class="gk-info">来源：{e(agency)}　发布时间：{year + 1}-01-{day} 10:{year % 60:02d}　点击量：{clicks}　字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="gk-article">
{article(report, style, word=False)}
</div>
{source_note(report, style)}
<div class="gk-tools"><span>【打印本页】</span><span>【分享到：微信 微博】</span><span>【收藏】</span><span>【关闭窗口】</span></div>
<div class="gk-rel">相关链接：<a href="#">{year - 1}年政府信息公开工作年度报告</a>　<a href="#">政府信息公开指南</a></div>
</div>
<div class="gk-foot">主办：{e(province)}人民政府办公厅　网站标识码：{(year * 131) % 9000 + 1000}000001</div>
</div>
<script>window.__APP_VERSION__="3.4.{year % 10}";</script>
</body></html>
"""


def spa_word(report: Report, style: Style) -> str:
    """The Word original the office uploaded: the document alone, ruled tables."""
    css = (
        "body{font-family:'FangSong','Noto Serif CJK SC',serif;font-size:12pt}"
        " .tt{text-align:center;font-size:18pt} .sign{text-align:right} .gk-cap{text-align:center;font-weight:bold}"
        " td{font-size:9pt;text-align:center}"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>{css}</style></head>
<body>
<p class="tt">{e(title(report))}</p>
{article(report, style, word=True)}
</body></html>
"""
