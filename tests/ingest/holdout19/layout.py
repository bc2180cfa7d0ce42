# ruff: noqa: E501  (HTML as the district's CMS serves it: long lines are the point)
"""A nineteenth page style none of the readers was built on: a 区/县 government's 政府信息公开 年报
page as its CMS (TRS WCM-like) serves it, the whole page as a crawler saves it before any tool
turns it into text (``generate.py``: the set's point is that text, made by the tools crawlers use).

The page, chosen per report by a ``Style``:

* the site's chrome: a top banner and menu, a breadcrumb (当前位置：首页 > 政务公开 > 政府信息公开
  > 政府信息公开年报), a LEFT nav column of the 政府信息公开 catalogue (指南, 制度, 法定主动公开内容,
  年报 …) laid out as a table beside the article (``Style.frame``: a layout table or floated divs),
  an info line (发布日期, 来源, 浏览次数), a ``字号：大 中 小 | 打印 | 关闭`` tool bar, a
  related-links list and the footer with the site's ICP numbers;
* the article in ``<div class="TRS_Editor">`` as pasted from Word: paragraphs with inline styles,
  every table cell's text in ``<p style=…><span style=…>`` (``Style.pasted``), ``&nbsp;`` padding in
  empty cells, table widths in pt, ``<colgroup>``;
* table 二 with its items' header rows, table 三's label levels merged, as heading rows or in one
  cell (``Style.rows``), its header in ``<td>`` with ``<strong>`` or in ``<th>``
  (``Style.strong``), table 四 in ONE table of fifteen columns under its three header rows;
* an optional 索引号 / 发布机构 box above the title (``Style.index``).

The gold is the statutory cells only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import APPEAL_FIELDS, APPEAL_GROUPS, REQUESTS_NOTE, SECTIONS, TEMPLATES
from tests.ingest.publishers.layouts import CAPTIONS, ORGS, _attrs, _num, active_rows, e, prose, request_body, title

Report = dict[str, Any]
Td = Callable[..., str]


@dataclass(frozen=True)
class Style:
    site: str = "某某区人民政府"  # the district's site name (banner, footer)
    rows: str = "merged"  # table 三's labels: merged / headings / unmerged (publishers.layouts)
    pasted: bool = True  # cells' text in Word's <p><span> with inline styles
    strong: bool = True  # header cells as <td><strong> (else <th>)
    frame: str = "table"  # the left nav beside the article: a layout table or floated divs
    views: int = 1024  # 浏览次数
    index: bool = False  # a 索引号 / 发布机构 box above the title


SPAN = "font-family:仿宋_GB2312;font-size:12pt"
P = "margin:0pt;text-align:center;line-height:15pt"


def cells(style: Style) -> tuple[Td, Td]:
    """The page's data and header cells: Word's pasted markup or bare cells."""

    def inner(text: str, bold: bool = False) -> str:
        body = e(text) if text else "&nbsp;"
        if bold and style.strong:
            body = f"<strong>{body}</strong>"
        if not style.pasted:
            return body
        return f'<p style="{P}"><span style="{SPAN}">{body}</span></p>'

    def td(text: str, colspan: int = 1, rowspan: int = 1) -> str:
        return f'<td{_attrs(colspan, rowspan)} valign="center" style="border:1pt solid windowtext;padding:0pt 5.4pt">{inner(text)}</td>'

    def th(text: str, colspan: int = 1, rowspan: int = 1) -> str:
        tag = "td" if style.strong else "th"
        return f'<{tag}{_attrs(colspan, rowspan)} valign="center" style="border:1pt solid windowtext;background:#d9d9d9">{inner(text, True)}</{tag}>'

    return td, th


def _table(rows: list[str], columns: int, width: str = "100%") -> str:
    group = "<colgroup>" + "<col>" * columns + "</colgroup>"
    return (
        f'<table border="1" cellspacing="0" cellpadding="0" width="{width}" style="border-collapse:collapse;border:none;margin:0 auto">\n'
        + group
        + "\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>"
    )


def request_table(report: Report, style: Style) -> str:
    td, th = cells(style)
    template = TEMPLATES[report["template"]]
    head = [
        f"<tr>{th(REQUESTS_NOTE, colspan=3, rowspan=3)}{th('申请人情况', colspan=7)}</tr>",
        f"<tr>{th('自然人', rowspan=2)}{th('法人或其他组织', colspan=5)}{th('总计', rowspan=2)}</tr>",
        f"<tr>{''.join(th(o) for o in ORGS)}</tr>",
    ]
    return _table(head + request_body(template, report, style.rows, td, lambda v, c: _num(v)), 10)


def appeal_table(report: Report, style: Style) -> str:
    td, th = cells(style)
    review, direct, after = APPEAL_GROUPS
    fields = "".join(th(f.label) for f in APPEAL_FIELDS)
    figures = "".join(td(_num(report["appeals"][g.key][f.key])) for g in APPEAL_GROUPS for f in APPEAL_FIELDS)
    rows = [
        f"<tr>{th(review.label, colspan=5)}{th(direct.parent, colspan=10)}</tr>",
        "<tr>"
        + "".join(th(f.label, rowspan=2) for f in APPEAL_FIELDS)
        + f"{th(direct.label, colspan=5)}{th(after.label, colspan=5)}</tr>",
        f"<tr>{fields}{fields}</tr>",
        f"<tr>{figures}</tr>",
    ]
    return _table(rows, 15)


def article(report: Report, style: Style) -> str:
    """The ``TRS_Editor`` body as pasted from Word."""
    td, _th = cells(style)
    template = TEMPLATES[report["template"]]
    text = prose(report)
    agency, year = report["agency"], report["year"]
    para = 'style="text-indent:32pt;line-height:28pt;margin:0pt"'
    run = 'style="font-family:仿宋_GB2312;font-size:16pt"'
    active = active_rows(template, report, lambda v, c: _num(v), lambda t: t, lambda t, span: td(t, span), _num)
    tables = {
        "二": _table(active, 1 + max(len(r.fields) for r in template.active_rows)),
        "三": request_table(report, style),
        "四": appeal_table(report, style),
    }
    out = [
        f"<p {para}><span {run}>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</span></p>"
    ]
    for section in SECTIONS:
        out.append(
            f'<p {para}><span style="font-family:黑体;font-size:16pt">{e(f"{section.number}、{section.title}")}</span></p>'
        )
        out += [f"<p {para}><span {run}>{e(p)}</span></p>" for p in text[section.number]]
        if section.number in tables:
            unit = "" if section.number == "二" else "（单位：件）"
            out.append(
                f'<p style="text-align:center;margin:6pt 0"><span style="font-family:黑体;font-size:12pt">{e(CAPTIONS[section.number] + unit)}</span></p>'
            )
            out.append(tables[section.number])
    day = (year % 7) + 15
    out.append(f'<p style="text-align:right;margin:0pt"><span {run}>{e(agency)}</span></p>')
    out.append(f'<p style="text-align:right;margin:0pt"><span {run}>{year + 1}年1月{day}日</span></p>')
    return (
        '<div class="TRS_Editor"><style>.TRS_Editor P{margin-top:0;margin-bottom:0}</style>\n'
        + "\n".join(out)
        + "\n</div>"
    )


NAV = ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开", "政务公开工作")


def left_nav(style: Style) -> str:
    on = ' class="on"'
    items = "\n".join(
        f'<li{on if n == "政府信息公开年报" else ""}><a href="../{i:02d}/">{e(n)}</a></li>'
        for i, n in enumerate(NAV, 1)
    )
    return f'<div class="xxgk-left"><div class="xxgk-left-title">政府信息公开</div><ul>\n{items}\n</ul></div>'


def index_box(report: Report, style: Style) -> str:
    year = report["year"] + 1
    return (
        '<table class="xxgk-index" width="100%"><tr>'
        f"<td>索引号：</td><td>{e(style.site[:3])}/{year}-{style.views % 97:05d}</td><td>发布机构：</td><td>{e(report['agency'])}</td></tr>"
        f"<tr><td>发文日期：</td><td>{year}-01-20</td><td>主题分类：</td><td>政务公开</td></tr></table>"
    )


def district(report: Report, style: Style) -> str:
    """The report page as the district's CMS serves it (what a crawler saves)."""
    year = report["year"]
    site = style.site
    info = (
        f'<div class="xxgk-info"><span>发布日期：{year + 1}-01-{(year % 7) + 18:02d}</span>'
        f"<span>来源：{e(report['agency'])}</span><span>浏览次数：{style.views}</span>"
        '<span class="fontsize">字号：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> '
        '<a href="javascript:doZoom(12)">小</a></span></div>'
    )
    main = (
        (index_box(report, style) if style.index else "")
        + f'<div class="xxgk-title">{e(title(report))}</div>\n{info}\n'
        + article(report, style)
        + '\n<div class="xxgk-tools"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>'
    )
    nav = left_nav(style)
    if style.frame == "table":
        frame = f'<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr>\n<td width="220" valign="top">{nav}</td>\n<td width="780" valign="top">{main}</td></tr></table>'
    else:
        frame = f'<div class="wrap"><div style="float:left;width:220px">{nav}</div>\n<div style="float:right;width:760px">{main}</div><div style="clear:both"></div></div>'
    links = "".join(
        f'<li><a href="../{y}/">{e(report["agency"])}{y}年政府信息公开工作年度报告</a></li>'
        for y in (year - 1, year - 2)
    )
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(title(report))}-{e(site)}</title>
<meta name="ArticleTitle" content="{e(title(report))}"><meta name="PubDate" content="{year + 1}-01-20">
<style>body{{margin:0;font:14px/1.8 'Microsoft YaHei','Noto Sans CJK SC',sans-serif}} .xxgk-left ul{{list-style:none;padding:0}} .xxgk-title{{font-size:22px;text-align:center;font-weight:bold}} .xxgk-info span{{margin:0 10px;color:#666}} .TRS_Editor table{{font-size:12px}}</style>
<script type="text/javascript">function doZoom(size){{document.querySelector('.TRS_Editor').style.fontSize=size+'px';}}</script>
</head>
<body>
<div class="header"><div class="banner">{e(site)}</div><ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjqx/">走进{e(site[:3])}</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xxgk/">政府信息公开</a> &gt; <a href="/zwgk/xxgk/nb/">政府信息公开年报</a></div>
{frame}
<div class="related"><h4>相关文章</h4><ul>{links}</ul></div>
<div class="footer"><p>主办：{e(site)}办公室　承办：{e(site[:3])}大数据发展管理中心</p><p>网站标识码：3301090004　浙ICP备13011385号-2　浙公网安备 33010902000127号</p><p>（建议使用1920×1080分辨率、IE10以上浏览器浏览本站）</p></div>
</body></html>
"""


def original(report: Report, style: Style) -> str:
    """The Word original the office pasted into the CMS: the article alone."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title></head>
<body>
<p style="text-align:center;font-size:22pt">{e(title(report))}</p>
{article(report, style)}
</body></html>
"""
