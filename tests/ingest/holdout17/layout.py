# ruff: noqa: E501  (HTML as a portal's CMS serves it: long lines are the point)
"""A seventeenth page style none of the readers was built on: a city or county agency's
信息公开专栏 page (the 政府信息公开目录 system most 区县 portals run), whose PDF print is then turned
into text by a researcher's Python script rather than by poppler.

Written for the seventeenth hold-out set (``generate.py``), apart from the layouts of the other sets
on purpose: the reader is scored on these pages before anything is changed for them. What the page
holds, chosen per report by a ``Style``:

* the catalogue's metadata block above the article, a two-column grid of its own: 索引号
  (``113307830025xxxxx/2024-00012``), 发布机构, 生成日期, 公开方式, 文号 and 主题分类 — figures and
  dates that are not the report's;
* the article: title, 发布日期 and 来源 line, the prose, the three statutory tables with their
  header rows shaded, figures right-aligned or centred, table 三's labels merged, as heading rows
  or in one cell (``request_body``'s three styles), the label column narrow or wide;
* the page printed in portrait or landscape, in a larger or smaller type;
* below it the 附件 line (the Word file's name and size), 扫一扫在手机打开当前页, 【打印】【关闭】
  and the site's footer (主办单位, 网站标识码, ICP 备案号).

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
    code: str = "113307830025"  # the agency's 统一社会信用代码 part of the 索引号
    serial: int = 12  # the 索引号's serial
    rows: str = "merged"  # table 三's labels: "merged" | "headings" | "unmerged"
    align: str = "right"  # the figures' alignment
    font: float = 10.5  # the tables' type size
    narrow: bool = False  # table 三's label column narrow (labels wrapped)
    landscape: bool = False  # printed on A4 landscape
    meta: bool = True  # the catalogue's metadata block above the article
    size_kb: float = 36.5  # the 附件's size


def _table(rows: list[str], cls: str) -> str:
    return f'<table class="{cls}">\n' + "\n".join(rows) + "\n</table>"


def issued(report: Report) -> str:
    year = report["year"]
    return f"{year + 1}-01-{(year % 11) + 14:02d}"


def metadata(report: Report, style: Style) -> str:
    """The 信息公开目录 block: the catalogue's own fields, two per row."""
    year = report["year"]
    pairs = (
        ("索引号", f"{style.code}{year % 100:02d}/{year + 1}-{style.serial:05d}"),
        ("发布机构", report["agency"]),
        ("生成日期", issued(report)),
        ("公开方式", "主动公开"),
        ("文号", "无"),
        ("主题分类", "综合政务/政府信息公开年报"),
    )
    rows = [
        f"<tr><th>{e(a)}：</th><td>{e(b)}</td><th>{e(c)}：</th><td>{e(d)}</td></tr>"
        for (a, b), (c, d) in zip(pairs[::2], pairs[1::2], strict=True)
    ]
    return _table(rows, "meta")


def appeal_table(report: Report) -> str:
    fields = "".join(th(f.label) for f in APPEAL_FIELDS)
    review, direct, after = APPEAL_GROUPS
    figures = "".join(td(_num(report["appeals"][g.key][f.key])) for g in APPEAL_GROUPS for f in APPEAL_FIELDS)
    return _table(
        [
            f"<tr>{th(review.label, colspan=5)}{th(direct.parent, colspan=10)}</tr>",
            "<tr>"
            + "".join(th(f.label, rowspan=2) for f in APPEAL_FIELDS)
            + f"{th(direct.label, colspan=5)}{th(after.label, colspan=5)}</tr>",
            f"<tr>{fields}{fields}</tr>",
            f"<tr>{figures}</tr>",
        ],
        "t4",
    )


def request_table(report: Report, style: Style) -> str:
    template = TEMPLATES[report["template"]]
    head = [
        f"<tr>{th(REQUESTS_NOTE, colspan=3, rowspan=3)}{th('申请人情况', colspan=7)}</tr>",
        f"<tr>{th('自然人', rowspan=2)}{th('法人或其他组织', colspan=5)}{th('总计', rowspan=2)}</tr>",
        f"<tr>{''.join(th(o) for o in ORGS)}</tr>",
    ]
    return _table(head + request_body(template, report, style.rows, td, lambda v, c: _num(v)), "t3")


def article(report: Report, style: Style) -> str:
    """The report itself: title, prose, the three tables, the signature."""
    text = prose(report)
    template = TEMPLATES[report["template"]]
    agency, year = report["agency"], report["year"]
    tables = {
        "二": _table(
            active_rows(template, report, lambda v, c: _num(v), lambda t: t, lambda t, span: td(t, span), _num),
            "t2",
        ),
        "三": request_table(report, style),
        "四": appeal_table(report),
    }
    out = [
        f'<h1 class="tt">{e(title(report))}</h1>',
        f'<div class="src">发布日期：{issued(report)}　来源：{e(agency)}　【字体：大 中 小】</div>',
        f"<p>本报告根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>",
    ]
    for section in SECTIONS:
        out.append(f"<h3>{e(f'{section.number}、{section.title}')}</h3>")
        out += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number in tables:
            out.append(f'<p class="cap">{e(CAPTIONS[section.number])}</p>')
            out.append(tables[section.number])
    out.append(f'<p class="sign">{e(agency)}</p>\n<p class="sign">{year + 1}年1月{(year % 11) + 14}日</p>')
    return "\n".join(out)


def css(style: Style) -> str:
    page = "A4 landscape" if style.landscape else "A4"
    label = (
        " table.t3 td[colspan='3'],table.t3 td[colspan='2'],table.t3 td[rowspan]{width:4.5em}" if style.narrow else ""
    )
    return (
        f"@page{{size:{page};margin:16mm 14mm}} body{{font-family:'Noto Sans CJK SC',sans-serif;font-size:11pt;line-height:1.7;margin:0}}"
        " .head{border-bottom:3px solid #b71c1c;padding-bottom:6px} .head .name{font-size:20pt;color:#b71c1c;font-weight:bold}"
        " .head .search{float:right;font-size:9pt;color:#666} .crumb{font-size:9pt;color:#666;margin:6px 0}"
        " table.meta{width:100%;border:1px solid #ccc;border-collapse:collapse;font-size:9pt;margin-bottom:10px}"
        " table.meta th{background:#f3f3f3;text-align:right;width:12%;font-weight:normal;padding:3px} table.meta td{padding:3px;width:38%}"
        " h1.tt{font-size:16pt;text-align:center;color:#222} .src{text-align:center;font-size:9pt;color:#777;border-bottom:1px dashed #ccc;padding-bottom:4px}"
        " h3{font-size:12pt;margin:10px 0 4px} p{text-indent:2em;margin:3px 0} p.cap{text-align:center;text-indent:0;font-weight:bold}"
        " p.sign{text-align:right}"
        f" table.t2,table.t3,table.t4{{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:{style.font}pt;line-height:1.35}}"
        " table.t2 td,table.t3 td,table.t4 td,table.t3 th,table.t4 th{border:1px solid #555;padding:2px 4px}"
        f" table.t3 td,table.t4 td{{text-align:{style.align}}} table.t3 td[colspan],table.t3 td[rowspan]{{text-align:left}}"
        " th{background:#e8eef6;font-weight:normal;text-align:center}"
        f"{label} .att,.qr,.tools{{font-size:9pt;color:#444;margin:6px 0}} .foot{{font-size:9pt;text-align:center;color:#666;border-top:1px solid #ccc;margin-top:10px}}"
    )


def page_top(report: Report, style: Style) -> str:
    city = report["agency"][:3]
    top = f"""<div class="head"><span class="name">{e(city)}人民政府</span><span class="search">请输入关键字　搜索　高级检索</span></div>
<div class="crumb">您当前的位置：首页 &gt; 信息公开 &gt; {e(report["agency"][3:])} &gt; 政府信息公开年报</div>
"""
    return top + (metadata(report, style) if style.meta else "")


def page_bottom(report: Report, style: Style) -> str:
    city, year = report["agency"][:3], report["year"]
    code = 3307000000 + int(style.code[-4:]) % 10_000
    return f"""<div class="att">附件：{e(report["agency"])}{year}年政府信息公开工作年度报告.docx（{style.size_kb:.1f}KB）</div>
<div class="qr">扫一扫在手机打开当前页</div>
<div class="tools">【打印本页】【关闭窗口】【收藏】</div>
<div class="foot"><p>主办单位：{e(city)}人民政府办公室　网站标识码：{code}</p>
<p>浙ICP备{11000000 + style.serial * 37:08d}号　浙公网安备 {33078302000000 + style.serial}号</p></div>
"""


def catalogue(report: Report, style: Style) -> str:
    """The report's page in the agency's 信息公开专栏."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{e(title(report))}</title><style>{css(style)}</style></head>
<body>
{page_top(report, style)}<div class="article">
{article(report, style)}
</div>
{page_bottom(report, style)}</body></html>
"""


def original(report: Report, style: Style) -> str:
    """The Word original (the 附件): the report alone, its tables as the page prints them."""
    plain = Style(rows=style.rows, font=style.font, narrow=style.narrow)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>body{{font-family:'Noto Serif CJK SC',serif;font-size:14pt}} table{{border-collapse:collapse;width:100%;font-size:10.5pt}} td,th{{border:1px solid #000;padding:2px}}</style></head>
<body>
{article(report, plain)}
</body></html>
"""
