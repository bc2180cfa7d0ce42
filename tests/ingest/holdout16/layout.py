# ruff: noqa: E501  (HTML as a portal's CMS serves it: long lines are the point)
"""A sixteenth page style none of the readers was built on: a portal's report page PRINTED TO PDF
FROM A BROWSER by a researcher collecting reports in bulk (Chrome / Edge / Firefox, "Print → Save as
PDF" with headers and footers on).

Written for the sixteenth hold-out set (``generate.py``), apart from the layouts of the other sets
on purpose: the reader is scored on these pages before anything is changed for them. What such a
PDF holds, chosen per report by a ``Style``:

* the browser's header and footer on every page, drawn by chromium in the page's margin boxes
  (``@page`` ``@top-left`` …, where the browser draws its own): the date and time of the print
  (``2021/1/29 下午3:25``) and the page's title at the top, the page's URL full of digits
  (``http://www.xxx.gov.cn/art/2021/1/29/art_1229_5812345.html``) and a ``1/5`` counter at the bottom
  (Chrome and Edge), or the title and URL at the top and ``第 1 页，共 5 页`` and the date at the
  bottom (Firefox);
* the site's chrome printed too: top navigation, a breadcrumb ``首页 > 政务公开 > 政府信息公开年报``,
  an info bar (发布时间, 来源, 浏览次数：1234), 字号【大 中 小】, 打印 / 关闭, share buttons, a sidebar
  of 相关链接 with dated items (beside the article, or below it), and the footer with 网站标识码,
  ICP and 公网安备 numbers;
* the statutory tables with their header in a ``thead`` that chromium repeats on every page the
  table crosses, and tall rows (a wrapped label) that chromium splits across a page break;
* the mobile layout (a page printed in a narrow window): table 三 and 四 scrolled horizontally, so
  that their right columns are printed as a second block under the first, the row labels repeated
  (a sticky first column) or not.

The gold is the statutory cells only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import APPEAL_FIELDS, APPEAL_GROUPS, REQUESTS_NOTE, SECTIONS, TEMPLATES
from tests.ingest.publishers.layouts import (
    CAPTIONS,
    ORGS,
    _num,
    active_rows,
    e,
    prose,
    request_body,
    td,
    th,
    title,
)

Report = dict[str, Any]


@dataclass(frozen=True)
class Style:
    browser: str = "chrome"  # "chrome" | "edge" | "firefox": where the header and footer lines go
    site: str = "浙江"  # the portal's province (ICP / 公网安备 prefixes)
    host: str = "www.example.gov.cn"
    article: int = 5812345  # the article's id in the URL
    printed: str = "2021/1/29 下午3:25"  # the print's date and time as the browser prints it
    views: int = 1234  # 浏览次数
    sidebar: bool = True  # 相关链接 beside the article (False: below it)
    mobile: str = ""  # "" | "sticky" (second block repeats the labels) | "bare" (figures only)
    font: float = 10.5  # the tables' type size (where the page breaks fall)
    tall: bool = False  # table 三's label column narrow: its rows two or three lines tall
    links: int = 0  # more dated 相关链接 (a long side column beside the tables: ``beside.py``)
    left: bool = False  # the side column on the article's left


def _table(head: list[str], body: list[str], cls: str) -> str:
    thead = f"<thead>\n{chr(10).join(head)}\n</thead>\n" if head else ""
    return f'<table class="{cls}">\n{thead}<tbody>\n' + "\n".join(body) + "\n</tbody>\n</table>"


def url(report: Report, style: Style) -> str:
    year = report["year"] + 1
    day = (report["year"] % 9) + 12
    return f"http://{style.host}/art/{year}/1/{day}/art_1229_{style.article}.html"


def page_title(report: Report, style: Style) -> str:
    return f"{title(report)}_政府信息公开年报_{report['agency'][:3]}人民政府"


def request_tables(report: Report, style: Style) -> list[str]:
    """Table 三: its header a ``thead`` (repeated on every page); in the mobile layout its right
    columns a second block (``cut`` figures in the first)."""
    template = TEMPLATES[report["template"]]
    body = request_body(template, report, "merged", td, lambda v, c: _num(v))
    head = [
        f"<tr>{th(REQUESTS_NOTE, colspan=3, rowspan=3)}{th('申请人情况', colspan=7)}</tr>",
        f"<tr>{th('自然人', rowspan=2)}{th('法人或其他组织', colspan=5)}{th('总计', rowspan=2)}</tr>",
        f"<tr>{''.join(th(o) for o in ORGS)}</tr>",
    ]
    if not style.mobile:
        return [_table(head, body, "t3")]
    cut = 4  # figures in the first block: 自然人 and three organisations
    first_head = [
        f"<tr>{th(REQUESTS_NOTE, colspan=3, rowspan=3)}{th('申请人情况', colspan=cut)}</tr>",
        f"<tr>{th('自然人', rowspan=2)}{th('法人或其他组织', colspan=cut - 1)}</tr>",
        f"<tr>{''.join(th(o) for o in ORGS[: cut - 1])}</tr>",
    ]
    rest = 7 - cut
    lead = style.mobile == "sticky"
    second_head = [
        f"<tr>{th(REQUESTS_NOTE, colspan=3, rowspan=2) if lead else ''}{th('法人或其他组织', colspan=rest - 1)}{th('总计', rowspan=2)}</tr>",
        f"<tr>{''.join(th(o) for o in ORGS[cut - 1 :])}</tr>",
    ]
    first, second = [], []
    for r in template.request_rows:
        values = report["requests"][r.key]
        label = td(f"{r.number}{r.label}", colspan=3)
        figures = [td(_num(v)) for v in values]
        first.append(f"<tr>{label}{''.join(figures[:cut])}</tr>")
        second.append(f"<tr>{label if lead else ''}{''.join(figures[cut:])}</tr>")
    return [_table(first_head, first, "t3 m"), _table(second_head, second, "t3 m")]


def appeal_tables(report: Report, style: Style) -> list[str]:
    """Table 四: the official three-row header in a ``thead``; in the mobile layout the 行政诉讼
    columns a second block."""
    fields = "".join(th(f.label) for f in APPEAL_FIELDS)
    review, direct, after = APPEAL_GROUPS
    figures = [td(_num(report["appeals"][g.key][f.key])) for g in APPEAL_GROUPS for f in APPEAL_FIELDS]
    if not style.mobile:
        head = [
            f"<tr>{th(review.label, colspan=5)}{th(direct.parent, colspan=10)}</tr>",
            "<tr>"
            + "".join(th(f.label, rowspan=2) for f in APPEAL_FIELDS)
            + f"{th(direct.label, colspan=5)}{th(after.label, colspan=5)}</tr>",
            f"<tr>{fields}{fields}</tr>",
        ]
        return [_table(head, [f"<tr>{''.join(figures)}</tr>"], "t4")]
    first = _table(
        [f"<tr>{th(review.label, colspan=5)}</tr>", f"<tr>{fields}</tr>"], [f"<tr>{''.join(figures[:5])}</tr>"], "t4 m"
    )
    second_head = [
        f"<tr>{th(direct.parent, colspan=10)}</tr>",
        f"<tr>{th(direct.label, colspan=5)}{th(after.label, colspan=5)}</tr>",
        f"<tr>{fields}{fields}</tr>",
    ]
    return [first, _table(second_head, [f"<tr>{''.join(figures[5:])}</tr>"], "t4 m")]


def article(report: Report, style: Style) -> str:
    """The report itself as the CMS holds it: title, prose, the three tables, the signature."""
    text = prose(report)
    template = TEMPLATES[report["template"]]
    agency, year = report["agency"], report["year"]
    tables = {
        "二": [
            _table(
                [],
                active_rows(template, report, lambda v, c: _num(v), lambda t: t, lambda t, span: td(t, span), _num),
                "t2",
            )
        ],
        "三": request_tables(report, style),
        "四": appeal_tables(report, style),
    }
    out = [
        f'<h1 class="tt">{e(title(report))}</h1>',
        f"<p>根据《中华人民共和国政府信息公开条例》规定，现公布{e(agency)}{year}年政府信息公开工作年度报告。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>",
    ]
    for n, section in enumerate(SECTIONS, 1):
        out.append(f'<p class="h1">{e(f"{section.number}、{section.title}")}</p>')
        out += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number in tables:
            out.append(f'<p class="cap">{e(f"表{n - 1}  {CAPTIONS[section.number]}")}</p>')
            if section.number != "二":
                out.append('<p class="unit">单位：件</p>')
            out += tables[section.number]
    day = (year % 9) + 12
    out.append(f'<p class="sign">{e(agency)}</p>\n<p class="sign">{year + 1}年1月{day}日</p>')
    return "\n".join(out)


def chrome_top(report: Report, style: Style) -> str:
    agency, year = report["agency"], report["year"]
    day = (year % 9) + 12
    site = f"{agency[:3]}人民政府"
    return f"""<div class="top"><div class="logo">{e(site)}门户网站</div>
<div class="tools">无障碍浏览 | 长者模式 | 简体 | 繁體 | 登录 | 注册</div>
<ul class="nav"><li>首页</li><li>政务公开</li><li>政务服务</li><li>互动交流</li><li>数据开放</li><li>走进{e(site[:2])}</li></ul></div>
<div class="crumb">首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="info">发布时间：{year + 1}-01-{day:02d} 15:{(style.views % 60):02d}　来源：{e(agency)}　浏览次数：{style.views}　字号【大 中 小】　【打印】【关闭】</div>
"""


def related(report: Report, style: Style) -> str:
    agency, year = report["agency"], report["year"]
    items = [
        (f"{agency}{year - 1}年政府信息公开工作年度报告", f"{year}-01-{(year % 7) + 20:02d}"),
        (f"{agency}{year - 2}年政府信息公开工作年度报告", f"{year - 1}-01-{(year % 5) + 15:02d}"),
        (f"关于公布{year + 1}年第1批政府信息公开目录的通知", f"{year + 1}-01-0{(year % 8) + 2}"),
        ("政府信息公开指南", f"{year + 1}-01-05"),
    ]
    items += [
        (f"关于{year}年第{i}批行政许可事项的公示", f"{year}-{i % 12 + 1:02d}-{i * 7 % 28 + 1:02d}")
        for i in range(1, style.links + 1)
    ]
    lis = "\n".join(f"<li><span>{e(t)}</span><em>{d}</em></li>" for t, d in items)
    return f'<div class="side"><h4>相关链接</h4><ul>\n{lis}\n</ul></div>'


def chrome_bottom(report: Report, style: Style) -> str:
    code = 3301000012 + style.article % 97
    return f"""<div class="share">分享到：微信 微博 QQ空间　【打印本页】【关闭窗口】【返回顶部】</div>
<div class="foot"><p>主办：{e(report["agency"][:3])}人民政府办公室　承办：{e(report["agency"][:3])}大数据发展管理局</p>
<p>网站标识码：{code}　{style.site[0]}ICP备05012345号-{style.article % 9 + 1}　{style.site[0]}公网安备 {33010202000123 + style.article % 1000}号</p>
<p>联系电话：0571-8700{style.article % 10000:04d}　建议使用1920×1080分辨率、IE10以上版本浏览器浏览</p></div>
"""


def _margins(report: Report, style: Style) -> str:
    """The browser's header and footer lines, where chromium draws its own (the page's margin boxes)."""
    date, name, link = style.printed, page_title(report, style), url(report, style)
    box = "font-family:'Noto Sans CJK SC',sans-serif;font-size:8pt"
    if style.browser == "firefox":
        return (
            f"@top-left{{content:'{name}';{box}}} @top-right{{content:'{link}';{box}}}"
            f" @bottom-left{{content:'第 ' counter(page) ' 页，共 ' counter(pages) ' 页';{box}}} @bottom-right{{content:'{date}';{box}}}"
        )
    return (
        f"@top-left{{content:'{date}';{box}}} @top-center{{content:'{name}';{box}}}"
        f" @bottom-left{{content:'{link}';{box}}} @bottom-right{{content:counter(page) '/' counter(pages);{box}}}"
    )


def css(report: Report, style: Style) -> str:
    narrow = style.mobile != ""
    width = "body{width:390px;margin:0 auto}" if narrow else "body{margin:0}"
    side = (
        ".wrap{display:flex;gap:12px} .main{flex:1} .side{width:150px}"
        if style.sidebar and not narrow
        else ".side{margin-top:10px}"
    )
    side += " .side{order:-1}" if style.left else ""
    label = " table.t3 td[colspan='3'],table.t3 td[colspan='2']{width:5em}" if style.tall else ""
    return (
        f"@page{{size:A4;margin:14mm 10mm 14mm 10mm;{_margins(report, style)}}}"
        f" {width} body{{font-family:'Noto Sans CJK SC','Noto Serif CJK SC',sans-serif;font-size:12pt;line-height:1.6}}"
        " .top .logo{font-size:18pt;font-weight:bold} .nav li{display:inline;margin-right:14px} .tools{font-size:9pt;text-align:right}"
        " .crumb,.info,.share{font-size:9pt;color:#555;margin:4px 0} .foot{font-size:9pt;text-align:center;border-top:1px solid #999;margin-top:12px}"
        f" {side} .side h4{{margin:0}} .side li{{font-size:9pt}} .side em{{font-style:normal;color:#888;margin-left:6px}}"
        " h1.tt{font-size:17pt;text-align:center} p{text-indent:2em;margin:4px 0} p.cap{text-align:center;text-indent:0;font-weight:bold}"
        " p.unit{text-align:right} p.sign{text-align:right}"
        f" table{{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:{style.font}pt;line-height:1.4}}"
        " td,th{border:1px solid #333;padding:3px;text-align:center;font-weight:normal}"
        f"{label} table.m{{font-size:9pt}}"
    )


def portal(report: Report, style: Style) -> str:
    """The report's page on the portal as the browser prints it."""
    main = f'<div class="main">{chrome_top(report, style)}<div class="content">\n{article(report, style)}\n</div></div>'
    body = f'<div class="wrap">{main}\n{related(report, style)}</div>\n{chrome_bottom(report, style)}'
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(page_title(report, style))}</title><style>{css(report, style)}</style></head>
<body>
{body}
</body></html>
"""


def original(report: Report, style: Style) -> str:
    """The Word original the office published beside the page: the report alone, its tables as
    the page prints them on a desktop (no site chrome, no browser lines)."""
    plain = Style(font=style.font)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>body{{font-family:'Noto Serif CJK SC',serif;font-size:14pt}} table{{border-collapse:collapse;width:100%;font-size:10.5pt}} td,th{{border:1px solid #000;padding:2px}}</style></head>
<body>
{article(report, plain)}
</body></html>
"""
