# ruff: noqa: E501  (HTML as a converter and a Word user write it: long lines are the point)
"""A sixth page style none of the readers was built on: a city-level bureau (市级局) that posts its
report as the paginated document itself, its Word original converted page by page to HTML.

Written for the sixth hold-out set (``generate.py``), apart from the layouts of the other sets on
purpose: the reader is scored on these pages before anything is changed for them. What such
bureaus print and the other five sets do not, chosen per report by a ``Style``:

* the document's pages kept in the web page: long tables break across pages, and between their
  parts the page's foot (the page number ``— 3 —`` or ``第 3 页 共 6 页``) and the next page's
  running head (the report's title over a rule) are printed, the table's header rows REPEATED at
  the top of each part (with ``（续表）`` above in some); a group's merged label cell cut by the
  page is blank in the part after;
* 斜线表头: table 三's corner a diagonal cell holding two labels (申请人情况 at its top right over
  项目 at its bottom left), the applicant header in two rows under it (no 申请人情况 row); table
  四's corner another (结果 / 类别);
* table 二 with the 第二十条 citation as the LAST column (条款), merged down beside each item's
  rows, each item's header row its own;
* table 四 transposed: its groups as the first column (行政复议; 行政诉讼 merged down beside
  未经复议直接起诉 and 复议后起诉), its five results as the header row;
* figures right-aligned, with thousands separators in some; zeros printed ``0``, ``—`` or ``0件``;
* the Word original (``bureau_word``): no site around it, the tables whole, their header rows in
  ``<thead>`` (Word repeats them where LibreOffice's print breaks the table), the diagonal corners as
  two lines of text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from gongkai.report.templates import (
    ACTIVE_CORNER,
    APPEAL_FIELDS,
    APPEAL_GROUPS,
    LITIGATION,
    ORGANISATION_GROUP,
    REQUEST_COLUMNS,
    REQUESTS_CORNER,
    SECTIONS,
    TEMPLATES,
    Kind,
    Template,
)
from tests.ingest.publishers.layouts import prose, title

Report = dict[str, Any]


@dataclass(frozen=True)
class Style:
    zero: str = "0"  # how a zero is printed: "0", "—" or "0件"
    thousands: bool = False  # 12,345
    breaks: tuple[int, ...] = (12,)  # table 三's rows after which a page ends (none: the table whole)
    active_break: int = 0  # table 二's 第二十条 items after which a page ends (0: none)
    page_number: str = "dash"  # dash: — 3 — | of: 第 3 页 共 6 页
    continued: bool = False  # （续表） above a table's continued part


def e(text: str) -> str:
    return html.escape(text, quote=False)


def figure(value: Any, style: Style, money: bool = False) -> str:
    if value is None:
        return "未知"
    if value == 0:
        return style.zero
    if money:
        return f"{value:,.2f}" if style.thousands else f"{value:.2f}"
    return f"{value:,}" if style.thousands else str(value)


def td(inner: str, colspan: int = 1, rowspan: int = 1, cls: str = "") -> str:
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{inner}</td>"


def diagonal(top_right: str, bottom_left: str, colspan: int = 1, rowspan: int = 1, word: bool = False) -> str:
    """A 斜线表头: one cell, a line (an inline SVG, drawn as a vector by the print) from its top left
    to its bottom right, a label above it at the right and one under it at the left. The Word
    original keeps the two labels only."""
    line = (
        ""
        if word
        else '<svg class="dl" viewBox="0 0 100 100" preserveAspectRatio="none"><line x1="0" y1="0" x2="100" y2="100" '
        'stroke="#000" stroke-width="1" vector-effect="non-scaling-stroke"/></svg>'
    )
    inner = f'{line}<div class="tr">{e(top_right)}</div><div class="bl">{e(bottom_left)}</div>'
    return td(inner, colspan, rowspan, "diag")


def _table(head: list[str], body: list[str], word: bool) -> str:
    """A ruled table; the Word original's header rows in ``<thead>`` (repeated by Word)."""
    if word:
        return (
            '<table border="1" cellspacing="0" cellpadding="2" width="100%">\n<thead>\n'
            + "\n".join(head)
            + "\n</thead>\n<tbody>\n"
            + "\n".join(body)
            + "\n</tbody>\n</table>"
        )
    return '<table class="t" border="1" cellspacing="0" cellpadding="2">\n' + "\n".join(head + body) + "\n</table>"


# ---------------------------------------------------------------------------------------------
# Table 二: the citation column on the right
# ---------------------------------------------------------------------------------------------


def active_parts(template: Template, report: Report, style: Style, word: bool) -> list[str]:
    """Table 二: per 第二十条 item its header row (信息内容 + its fields + 条款) and its rows, the
    item's citation merged down at the right; cut after ``active_break`` items on the web page."""
    width = max(len(row.fields) for row in template.active_rows)
    groups: list[list[str]] = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        fields = members[0].fields
        head = [td(e(ACTIVE_CORNER))]
        for i, f in enumerate(fields):
            head.append(td(e(f.header), width - len(fields) + 1 if i == len(fields) - 1 else 1))
        head.append(td("条款"))
        rows = [f"<tr>{''.join(head)}</tr>"]
        for n, row in enumerate(members):
            values = report["active"].get(row.key, {})
            line = [td(e(row.label), cls="l")]
            for i, f in enumerate(row.fields):
                span = width - len(row.fields) + 1 if i == len(row.fields) - 1 else 1
                line.append(td(figure(values.get(f.key), style, money=f.kind is Kind.MONEY), span, cls="n"))
            if n == 0:
                line.append(td(e(item), rowspan=len(members), cls="c"))
            rows.append(f"<tr>{''.join(line)}</tr>")
        groups.append(rows)
    cut = style.active_break if not word else 0
    chunks = [groups[:cut], groups[cut:]] if cut else [groups]
    return [_table([], [r for g in chunk for r in g], word) for chunk in chunks]


# ---------------------------------------------------------------------------------------------
# Table 三: a diagonal corner, its header repeated on every page
# ---------------------------------------------------------------------------------------------


def request_head(word: bool) -> list[str]:
    """Two header rows under a diagonal corner spanning the three label columns."""
    natural, *orgs, total = REQUEST_COLUMNS
    return [
        f"<tr>{diagonal(REQUESTS_CORNER, '项目', 3, 2, word)}{td(e(natural.label), rowspan=2)}"
        f"{td(e(ORGANISATION_GROUP), 5)}{td(e(total.label), rowspan=2)}</tr>",
        "<tr>" + "".join(td(e(o.label)) for o in orgs) + "</tr>",
    ]


def request_parts(template: Template, report: Report, style: Style, word: bool) -> list[str]:
    """The template's three label columns (section | group | item), cut after the rows of
    ``breaks`` on the web page: each part under the header again, a merged label cell that the
    page cuts left blank in the part after (Word prints its text once)."""
    rows = template.request_rows
    cuts = [] if word else [b for b in style.breaks if 0 < b < len(rows)]
    bounds = [0, *cuts, len(rows)]
    parts: list[str] = []
    for start, stop in pairwise(bounds):
        body: list[str] = []
        for i in range(start, stop):
            r = rows[i]
            lead = ""
            if r.section:
                if i == start or not rows[i - 1].section:
                    span = sum(1 for x in rows[i:stop] if x.section)
                    text = e(r.section) if i == 0 or not rows[i - 1].section else ""
                    lead += td(text, rowspan=span)
                if r.group:
                    if i == start or rows[i - 1].group != r.group:
                        span = sum(1 for x in rows[i:stop] if x.group == r.group)
                        text = e(r.group) if rows[i - 1].group != r.group else ""
                        lead += td(text, rowspan=span)
                    lead += td(e(r.printed), cls="l")
                else:
                    lead += td(e(r.printed), 2, cls="l")
            else:
                lead = td(e(r.printed), 3, cls="l")
            values = "".join(td(figure(v, style), cls="n") for v in report["requests"][r.key])
            body.append(f"<tr>{lead}{values}</tr>")
        parts.append(_table(request_head(word), body, word))
    return parts


# ---------------------------------------------------------------------------------------------
# Table 四: transposed, its groups down the first column
# ---------------------------------------------------------------------------------------------


def appeal_table(report: Report, style: Style, word: bool) -> str:
    review, direct, after = APPEAL_GROUPS

    def figures(key: str) -> str:
        return "".join(td(figure(report["appeals"][key][f.key], style), cls="n") for f in APPEAL_FIELDS)

    head = [f"<tr>{diagonal('结果', '类别', 2, word=word)}" + "".join(td(e(f.label)) for f in APPEAL_FIELDS) + "</tr>"]
    body = [
        f"<tr>{td(e(review.label), 2)}{figures(review.key)}</tr>",
        f"<tr>{td(e(LITIGATION), rowspan=2)}{td(e(direct.label))}{figures(direct.key)}</tr>",
        f"<tr>{td(e(after.label))}{figures(after.key)}</tr>",
    ]
    return _table(head, body, word)


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


class Pages:
    """The page breaks of the converted document: the foot of the page that ends (its number) and
    the running head of the next. Sections 二 and 三 begin a page; tables 二 and 三 break where the
    style says."""

    def __init__(self, report: Report, style: Style) -> None:
        self.report, self.style, self.number = report, style, 1
        self.total = 3 + (1 if style.active_break else 0) + len(style.breaks)

    def foot(self) -> str:
        n = self.number
        text = f"— {n} —" if self.style.page_number == "dash" else f"第 {n} 页 共 {self.total} 页"
        return f'<div class="pfoot">{text}</div>'

    def turn(self) -> str:
        foot = self.foot()
        self.number += 1
        return f'{foot}\n<div class="pbreak"></div>\n<div class="phead">{e(title(self.report))}</div>'


def _broken(parts: list[str], caption: str, pages: Pages | None) -> list[str]:
    """A table's parts with the page turns between them (and （续表） above the continued parts)."""
    out = [parts[0]]
    for part in parts[1:]:
        if pages is not None:
            out.append(pages.turn())
        if pages is not None and pages.style.continued:
            out.append(f'<p class="cont">（续表）{e(caption)}</p>')
        out.append(part)
    return out


def article(report: Report, style: Style, word: bool) -> str:
    template = TEMPLATES[report["template"]]
    text = prose(report)
    agency, year = report["agency"], report["year"]
    pages = None if word else Pages(report, style)
    parts = {
        "二": (active_parts(template, report, style, word), "主动公开政府信息情况"),
        "三": (request_parts(template, report, style, word), "收到和处理政府信息公开申请情况"),
        "四": ([appeal_table(report, style, word)], ""),
    }
    body = [f'<h1 class="tt">{e(agency)}<br>{year}年政府信息公开工作年度报告</h1>']
    body.append(
        f"<p>根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条之规定，现公布{e(agency)}{year}年度政府信息公开工作年度报告。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{e(agency)}办公室联系。</p>"
    )
    for section in SECTIONS:
        if pages is not None and section.number in ("二", "三"):
            body.append(pages.turn())
        body.append(f'<p class="sec">{section.number}、{e(section.title)}</p>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number in parts:
            if section.number == "三":
                body.append('<p class="unit">单位：件</p>')
            body += _broken(*parts[section.number], pages)  # the page turns numbered in order
    body.append(f'<p class="sign">{e(agency)}<br>{year + 1}年1月{(year % 7) + 18}日</p>')
    if pages is not None:
        body.append(pages.foot())
    return "\n".join(body)


CSS = (
    "body{font-family:'SimSun','Noto Serif CJK SC',serif;font-size:14px;margin:0;color:#222}"
    " .top{background:#a8201a;color:#fff;padding:10px 24px;font-size:20px} .nav{background:#eee;padding:4px 24px;font-size:12px}"
    " .doc{width:660px;margin:10px auto} .meta{font-size:12px;color:#666;text-align:center;margin-bottom:8px}"
    " .tt{text-align:center;font-size:19px;font-family:'Noto Sans CJK SC',sans-serif;line-height:1.5}"
    " .sec{font-weight:bold;font-family:'Noto Sans CJK SC',sans-serif} .sign{text-align:right} .unit{text-align:right;font-size:12px;margin:0}"
    " .cont{font-size:12px;margin:2px 0} .pfoot{text-align:center;font-size:12px;margin:6px 0}"
    " .pbreak{page-break-after:always;break-after:page;height:0}"
    " .phead{font-size:11px;color:#555;text-align:right;border-bottom:1px solid #555;margin:0 0 8px}"
    " table.t{border-collapse:collapse;width:100%;margin:4px 0} table.t td{font-size:9.5pt;text-align:center;padding:2px 3px}"
    " table.t td.l{text-align:left} table.t td.n{text-align:right}"
    " td.diag{padding:0 4px;position:relative} svg.dl{position:absolute;left:0;top:0;width:100%;height:100%}"
    " td.diag .tr{text-align:right} td.diag .bl{text-align:left}"
    " .foot{font-size:12px;color:#555;text-align:center;margin-top:16px;border-top:2px solid #a8201a}"
)


def _city(agency: str) -> str:
    return agency[: agency.index("市") + 1] if "市" in agency else agency


def bureau(report: Report, style: Style) -> str:
    """The web page: the bureau's site with the converted document (its pages kept)."""
    agency, year = report["agency"], report["year"]
    views = (year * 53) % 700 + 120
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>{CSS}</style></head>
<body>
<div class="top">{e(agency)}</div>
<div class="nav">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="doc">
<div class="meta">{year + 1}-01-{(year % 7) + 20:02d}　{e(agency)}　阅读：{views}次　【打印】【关闭】</div>
{article(report, style, word=False)}
</div>
<div class="foot"><p>{e(agency)}主办　{e(_city(agency))}大数据中心技术支持</p><p>政府网站标识码：{3300000000 + year * 7}</p></div>
</body></html>
"""


def bureau_word(report: Report, style: Style) -> str:
    """The Word original: the document alone, the tables whole (header rows in ``<thead>``), the
    diagonal corners two lines of text."""
    css = (
        "body{font-family:'SimSun','Noto Serif CJK SC',serif;font-size:12pt}"
        " .tt{text-align:center;font-size:16pt} .sec{font-weight:bold} .sign,.unit{text-align:right}"
        " td{font-size:9pt;text-align:center} td.l{text-align:left} td.n{text-align:right}"
        " .tr{text-align:right} .bl{text-align:left}"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>{css}</style></head>
<body>
{article(report, style, word=True)}
</body></html>
"""
