# ruff: noqa: E501  (HTML as a portal writes it: long lines are the point)
"""A third page style none of the readers was built on: a county portal (县级政府网站) page.

Written for the third hold-out set (``generate.py``), apart from ``publishers/layouts.py``,
``holdout/layout.py`` and ``holdout2/layout.py`` on purpose: the reader is scored on these pages
before anything is changed for them. What real county sites print (``../shared/corpus/raw``: Word
tables pasted into a CMS) and a little beyond, chosen per report by a ``Style``:

* the article inside a layout ``<table>`` (a side column of links beside it) or a ``<div>`` grid;
* table 三's applicant header in TWO rows (自然人 and 总计 merged down, 法人或其他组织 over its
  five organisations, no 申请人情况 row), or the template's three; its corner the counting note,
  项目 or blank;
* label cells as Word users type them: short labels spread with full-width spaces (总　　计,
  自　然　人, 规　　章), long ones broken with ``<br>`` inside the cell;
* row numbering mixed in one table: （三） beside (四), sub-rows 1. / 1、 / （1） / 1． by group;
* figures right-aligned, with a trailing unit (``12件``, ``3个``), with a leading 0 (``07``), zeros
  printed 0, blank, ``/`` or ``—``;
* table 四's group headers on two lines (行政<br>复议, 未经复议<br>直接起诉);
* table 三 cut by a page: the page number printed in a row of the table (``— 2 —``), or between
  the two halves (``第2页 共4页``) with the second half's header not repeated;
* 2021-template reports printing the 2019 ``（六）其他处理`` as one row when all three of its
  sub-rows are zero (the gold keeps the three zeros).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import (
    ACCEPTED,
    ACTIVE_CORNER,
    APPEAL_FIELDS,
    APPEAL_GROUPS,
    OTHER_HANDLING,
    REQUEST_COLUMNS,
    REQUESTS_CORNER,
    REQUESTS_NOTE,
    SECTIONS,
    TEMPLATES,
    Kind,
    RequestRow,
    Template,
)
from tests.ingest.publishers.layouts import chrome_bottom, chrome_top, prose, title

Report = dict[str, Any]
FULL_SPACE = "\u3000"
CHINESE = "零一二三四五六七八九十"


@dataclass(frozen=True)
class Style:
    zero: str = "0"  # how a zero is printed: "0", "" (blank), "/" or "—"
    unit: bool = False  # a unit after each count: 件 (个 for table 二's item counts)
    pad: bool = False  # counts under 10 with a leading 0 (07)
    align: str = "center"  # the figures' alignment: center | right
    head: str = "two"  # table 三's applicant header: two rows | three (申请人情况 above)
    corner: str = "note"  # table 三's corner: note (勾稽关系) | 项目 | blank
    spaces: bool = False  # short labels spread with full-width spaces (总　　计)
    wrap: bool = False  # long labels broken with <br> inside the cell
    numbering: str = "standard"  # standard | mix: （三）/(四), sub-rows 1. / 1、 / （1） / 1．
    appeal_lines: bool = False  # table 四's group headers on two lines
    grid: str = ""  # "" | "table": a layout table with a side column | "div": a CSS grid
    footer: str = ""  # "" | "row": a page number row inside table 三 | "para": between its halves
    single_other: bool = False  # 2021 template: （六）其他处理 as one row (its sub-rows all zero)
    wan: bool = False  # the 2019 template's procurement money in 万元 with two decimals
    font: float = 10.5  # the tables' type, pt


def e(text: str) -> str:
    return html.escape(text, quote=False)


def spaced(label: str, style: Style) -> str:
    """A short label as Word users spread it over a cell: 总　　计, 自　然　人."""
    if not style.spaces or not 2 <= len(label) <= 3 or not label.isalpha():
        return e(label)
    gap = FULL_SPACE * 2 if len(label) == 2 else FULL_SPACE
    return e(gap.join(label))


def wrapped(label: str, style: Style, lead: str = "") -> str:
    """A long label typed into a narrow cell: broken once with ``<br>`` near its middle (after
    its number, never inside a parenthesised note)."""
    words = label.split("（")[0]
    if not style.wrap or len(words) < 9:
        return e(lead + label)
    cut = (len(words) + 1) // 2
    return f"{e(lead + label[:cut])}<br>{e(label[cut:])}"


def figure(value: Any, style: Style, unit: str = "件", money: bool = False) -> str:
    if value is None:
        return "未知"
    if money:
        return f"{value:.2f}"
    if value == 0 and style.zero != "0":
        return style.zero
    text = str(value)
    if style.pad and 0 <= value < 10:
        text = f"0{value}"
    return text + (unit if style.unit else "")


def _td(inner: str, colspan: int = 1, rowspan: int = 1, cls: str = "") -> str:
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{inner}</td>"


def _table(rows: list[str]) -> str:
    return (
        '<table class="sj" border="1" cellspacing="0" cellpadding="2" width="100%">\n' + "\n".join(rows) + "\n</table>"
    )


def active_table(template: Template, report: Report, style: Style) -> str:
    """Table 二 as the template prints it: each 第二十条 item a row over its header and rows."""
    width = 1 + max(len(row.fields) for row in template.active_rows)
    rows: list[str] = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        rows.append(f"<tr>{_td(e(item), width, cls='l')}</tr>")
        fields = members[0].fields
        cells = [_td(e(FULL_SPACE.join(ACTIVE_CORNER) if style.spaces else ACTIVE_CORNER))]
        for i, f in enumerate(fields):
            span = width - len(fields) if i == len(fields) - 1 else 1
            label = f"{f.label}（万元）" if f.unit == "元" and style.wan else f.header
            cells.append(_td(wrapped(label, style), span))
        rows.append(f"<tr>{''.join(cells)}</tr>")
        for row in members:
            values = report["active"].get(row.key, {})
            cells = [_td(spaced(row.label, style), cls="l")]
            for i, f in enumerate(row.fields):
                span = width - len(row.fields) if i == len(row.fields) - 1 else 1
                value = values.get(f.key)
                if f.unit == "元" and style.wan and value is not None:
                    value = value / 10_000
                unit = "个" if "项目" in f.label else "件"
                text = figure(value, style, unit, money=f.kind is Kind.MONEY)
                cells.append(_td(text, span, cls="n"))
            rows.append(f"<tr>{''.join(cells)}</tr>")
    return _table(rows)


def request_head(style: Style) -> list[str]:
    natural, *orgs, total = REQUEST_COLUMNS
    group = orgs[0].group
    corner = {"note": e(REQUESTS_NOTE), "项目": spaced("项目", style), "blank": ""}[style.corner]
    org_cells = "".join(_td(spaced(o.label, style)) for o in orgs)
    if style.head == "two":
        return [
            f"<tr>{_td(corner, colspan=3, rowspan=2)}{_td(spaced(natural.label, style), rowspan=2)}"
            f"{_td(e(group), colspan=5)}{_td(spaced(total.label, style), rowspan=2)}</tr>",
            f"<tr>{org_cells}</tr>",
        ]
    return [
        f"<tr>{_td(corner, colspan=3, rowspan=3)}{_td(e(REQUESTS_CORNER), colspan=7)}</tr>",
        f"<tr>{_td(spaced(natural.label, style), rowspan=2)}{_td(e(group), colspan=5)}{_td(spaced(total.label, style), rowspan=2)}</tr>",
        f"<tr>{org_cells}</tr>",
    ]


_SUB_MARKS = {"（三）": "{n}.", "（四）": "{n}、", "（五）": "（{n}）", "（六）": "{n}．"}


def _group_number(number: str, style: Style) -> str:
    """（三） as typed: with ``mix`` every other group number in half-width brackets."""
    if style.numbering == "mix" and CHINESE.index(number[1]) % 2 == 0:
        return number.replace("（", "(").replace("）", ")")
    return number


def _sub_number(row: RequestRow, style: Style) -> str:
    if style.numbering != "mix" or not row.group:
        return row.number
    return _SUB_MARKS[row.group[:3]].format(n=row.number.rstrip("."))


def printed_rows(template: Template, report: Report, style: Style) -> list[RequestRow]:
    """Table 三's rows as printed: the 2021 template's （六）其他处理 sub-rows folded into the
    2019 template's single row when ``single_other`` and all of them are zero."""
    rows = list(template.request_rows)
    others = [r for r in rows if r.group == OTHER_HANDLING]
    if not (style.single_other and others and all(not any(report["requests"][r.key]) for r in others)):
        return rows
    at = rows.index(others[0])
    single = RequestRow(others[0].key, "（六）", "其他处理", section=ACCEPTED, outcome=True)
    return [*rows[:at], single, *rows[at + len(others) :]]


def _body_rows(rows: list[RequestRow], report: Report, style: Style) -> list[str]:
    """One run of table 三's body rows, the section and group labels merged over the rows of THIS
    run (a page cut ends a merged cell; the next run prints it again)."""
    out: list[str] = []
    for i, r in enumerate(rows):
        folded = r.number == "（六）" and r.group == "" and r.key.startswith("other_")
        values = [0] * 7 if folded else report["requests"][r.key]
        figures = "".join(_td(figure(v, style), cls="n") for v in values)
        label = r.label
        if r.key == "total_processed":
            label = REQUEST_COLUMNS[-1].label
        lead = ""
        if r.section:
            if i == 0 or not rows[i - 1].section:
                span = sum(1 for x in rows[i:] if x.section)
                section = e(r.section)
                lead += _td(section, rowspan=span, cls="sec")
            if r.group:
                if i == 0 or rows[i - 1].group != r.group:
                    span = sum(1 for x in rows[i:] if x.group == r.group)
                    number = _group_number(r.group[:3], style)
                    lead += _td(e(number) + wrapped(r.group[3:], style), rowspan=span)
                lead += _td(wrapped(r.label, style, _sub_number(r, style)), cls="l")
            else:
                number = _group_number(r.number, style)
                text = spaced(label, style) if r.key == "total_processed" else wrapped(label, style)
                lead += _td(e(number) + text, colspan=2, cls="l")
        else:
            lead = _td(wrapped(label, style, r.number), colspan=3, cls="l")
        out.append(f"<tr>{lead}{figures}</tr>")
    return out


def request_tables(template: Template, report: Report, style: Style, page: int) -> list[str]:
    rows = printed_rows(template, report, style)
    head = request_head(style)
    if not style.footer:
        return [_table(head + _body_rows(rows, report, style))]
    # cut where a page would: inside a group, so that its merged label cell is cut too
    cut_after = "denied_internal_affairs" if style.footer == "para" else "not_processed_duplicate"
    cut = next(i for i, r in enumerate(rows) if r.key == cut_after) + 1
    first = _body_rows(rows[:cut], report, style)
    second = _body_rows(rows[cut:], report, style)
    if style.footer == "row":
        number = f"<tr>{_td(f'— {page} —', colspan=10, cls='pg')}</tr>"
        second[0] = second[0].replace("<tr>", '<tr style="break-before:page">', 1)
        return [_table(head + first + [number] + second)]
    return [
        _table(head + first),
        f'<p class="pg">第{page}页 共{page + 2}页</p>',
        '<p class="brk"></p>',
        _table(second),
    ]


def appeal_table(report: Report, style: Style) -> str:
    review, direct, after = APPEAL_GROUPS

    def group(label: str) -> str:
        if not style.appeal_lines:
            return e(label)
        cut = 2 if len(label) <= 5 else 4
        return f"{e(label[:cut])}<br>{e(label[cut:])}"

    def field(f: Any) -> str:
        return spaced(f.label, style)

    fields = "".join(_td(field(f)) for f in APPEAL_FIELDS)
    figures = "".join(
        _td(figure(report["appeals"][g.key][f.key], style), cls="n") for g in APPEAL_GROUPS for f in APPEAL_FIELDS
    )
    head = [
        f"<tr>{_td(group(review.label), colspan=5)}{_td(group(direct.parent), colspan=10)}</tr>",
        "<tr>"
        + "".join(_td(field(f), rowspan=2) for f in APPEAL_FIELDS)
        + f"{_td(group(direct.label), colspan=5)}{_td(group(after.label), colspan=5)}</tr>",
        f"<tr>{fields}{fields}</tr>",
    ]
    return _table([*head, f"<tr>{figures}</tr>"])


def _extra(report: Report, style: Style, section: str) -> list[str]:
    """Prose with figures between the tables, numbered as this office numbers it."""
    req, year = report["requests"], report["year"]
    if section == "二":
        pages = 37 * (year % 100) + req["new_received"][-1] % 97
        return [
            f"（一）政府网站公开情况。{year}年通过门户网站主动公开政府信息{pages}条，其中政策文件{pages // 7}条。",
            f"（二）政策解读情况。发布解读材料{pages // 11 + 1}篇，图解{pages // 23 + 1}件。",
        ]
    if section == "三":
        return [
            f"1.申请情况。本年度新收政府信息公开申请{req['new_received'][-1]}件，"
            f"其中自然人{req['new_received'][0]}件，上年结转{req['carried_over'][-1]}件。",
            f"2.办理情况。予以公开{req['granted'][-1]}件，结转下年度继续办理{req['carried_forward'][-1]}件，详见下表（单位：件）。",
        ]
    return []


def _side(report: Report) -> str:
    """The column of links a layout table or grid puts beside the article."""
    year = report["year"]
    links = "".join(f"<li><a href='/nb/{y}.html'>{y}年度报告</a></li>" for y in range(year, year - 4, -1))
    return (
        '<div class="side"><h4>政府信息公开</h4><ul><li><a href="/zn/">公开指南</a></li>'
        '<li><a href="/zd/">公开制度</a></li><li><a href="/ml/">法定主动公开内容</a></li>'
        f'<li><a href="/ysq/">依申请公开</a></li></ul><h4>年度报告</h4><ul>{links}</ul></div>'
    )


def county(report: Report, style: Style) -> str:
    """The whole page."""
    template = TEMPLATES[report["template"]]
    text = prose(report)
    body = [
        f"<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制，由{e(report['agency'])}"
        f"政务公开工作领导小组办公室汇总。报告中所列数据统计期限为{report['year']}年1月1日至{report['year']}年12月31日。"
        "本报告电子版可在本级政府门户网站“政府信息公开”专栏下载。</p>"
    ]
    for section in SECTIONS:
        body.append(f'<p class="sec"><strong>{section.number}、{e(section.title)}</strong></p>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number == "二":
            body += [f"<p>{e(p)}</p>" for p in _extra(report, style, "二")]
            body.append('<div class="tw">' + active_table(template, report, style) + "</div>")
        elif section.number == "三":
            body += [f"<p>{e(p)}</p>" for p in _extra(report, style, "三")]
            body += request_tables(template, report, style, page=3)
        elif section.number == "四":
            body.append('<div class="tw">' + appeal_table(report, style) + "</div>")
    site = report["agency"][:2] + "县"
    article = (
        f'<div class="art"><h2 class="tt">{e(title(report))}</h2>'
        f'<div class="info">发布时间：{report["year"] + 1}-01-{20 + report["year"] % 7}　来源：{e(report["agency"])}　'
        f"阅读次数：{report['year'] % 1000}　【打印】【关闭】</div>"
        + "\n".join(body)
        + f'<p class="sign">{e(report["agency"])}</p><p class="sign">{report["year"] + 1}年1月{20 + report["year"] % 7}日</p></div>'
    )
    if style.grid == "table":
        main = (
            '<table class="lay" width="100%" border="0" cellspacing="0" cellpadding="0"><tr>'
            f'<td class="lay-side" width="130" valign="top">{_side(report)}</td>'
            f'<td class="lay-main" valign="top">{article}</td></tr></table>'
        )
    elif style.grid == "div":
        main = f'<div class="grid"><div class="g-side">{_side(report)}</div><div class="g-main">{article}</div></div>'
    else:
        main = article
    align = "right" if style.align == "right" else "center"
    css = (
        "body{font-family:FangSong,'Noto Serif CJK SC',serif;font-size:15px;margin:0}"
        " .wrap{width:700px;margin:0 auto} .lay-side,.g-side{font-size:12px}"
        " .grid{display:grid;grid-template-columns:130px 1fr;gap:8px}"
        f" .sj{{border-collapse:collapse;margin:6px 0}} .sj td{{text-align:center;font-size:{style.font}pt;padding:1px 2px}}"
        f" .sj td.n{{text-align:{align}}} .sj td.l{{text-align:left}} .sj td.pg{{border:none;font-size:9pt}}"
        " .tt{text-align:center;font-size:20px} .info{text-align:center;font-size:12px;color:#555}"
        " p.pg{text-align:center;font-size:9pt} .brk{page-break-after:always} .sign{text-align:right}"
        " .nav li{display:inline;margin:0 8px} .foot{font-size:12px;color:#666}"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}-{e(site)}人民政府</title>
<style>{css}</style></head>
<body>
{chrome_top(report, site)}
<div class="wrap">{main}</div>
{chrome_bottom(report, site)}
</body></html>
"""
