# ruff: noqa: E501  (HTML as a CMS writes it: long lines are the point)
"""A fourth page style none of the readers was built on: a city or provincial department's site
(市/省 厅局) whose CMS takes tables pasted from Excel.

Written for the fourth hold-out set (``generate.py``), apart from the layouts of the other sets on
purpose: the reader is scored on these pages before anything is changed for them. What such sites
print and the other three sets do not, chosen per report by a ``Style``:

* the article under a 信息公开目录 box (索引号 / 发布机构 / 文号 / 发文日期, figures in it);
* Excel-pasted markup: ``x:num`` cells, ``xl`` classes, ``<col>`` widths, the table's title in a
  merged first row inside the table, an empty last row;
* figures in full-width digits (``１２３``) or with Excel's thousands separators;
* a unit line ``单位：件`` above a table, or as the table's first row;
* zeros printed differently from one table to the next (``0`` in one, ``-`` or blank in another);
* table 二 as one small table per 第二十条 item, or as one table with its columns in another
  order (对外公开总数量 before 本年新制作数量);
* table 三's applicant header in ONE row (自然人, the five organisations, 总计: no group row), a
  ``备注`` column at its right, row labels worded as offices type them (本年度新收…, 危及三安全一稳定
  without quotes, 信访、举报、投诉类申请, 本机关不掌握相关的政府信息) or with a homophone typo
  (仍不名确, 另行制做);
* table 四 printed as two tables (行政复议; 行政诉讼 with its two groups as rows), its total
  spelled 总计, 合计 or 小计;
* notes with figures right under tables 三 and 四 (``注：…``);
* a running header and footer repeated on every printed page (fixed boxes over a print wrapper).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import (
    ACTIVE_CORNER,
    APPEAL_FIELDS,
    APPEAL_GROUPS,
    LITIGATION,
    ORGANISATION_GROUP,
    REQUEST_COLUMNS,
    REQUESTS_CORNER,
    REQUESTS_NOTE,
    SECTIONS,
    TEMPLATES,
    Field,
    Kind,
    RequestRow,
    Template,
)
from tests.ingest.holdout3.layout import e
from tests.ingest.publishers.layouts import chrome_bottom, chrome_top, prose, title

Report = dict[str, Any]
FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
TABLES = ("二", "三", "四")

# Row labels as offices retype them (wording, punctuation, 的, 年度): what real reports print
# beside the template's words. Only used with ``labels="variant"``.
VARIANT_LABELS = {
    "new_received": "本年度新收政府信息公开申请数量",
    "carried_over": "上年度结转政府信息公开申请数量",
    "partially_granted": "部分公开（区分处理的只计这一情形，不计其他情形）",
    "denied_prohibited_by_law": "其他法律、行政法规禁止公开",
    "denied_security_stability": "危及三安全一稳定",
    "denied_third_party": "保护第三方的合法权益",
    "denied_internal_affairs": "属于“三类内部事务”信息",
    "denied_process_info": "属于“四类过程性”信息",
    "unavailable_not_held": "本机关不掌握相关的政府信息",
    "unavailable_needs_creation": "没有现成信息，需要另行制作",
    "not_processed_petition": "信访、举报、投诉类申请",
    "not_processed_excessive": "无正当理由大量、反复申请",
    "not_processed_confirmation": "要求行政机关确认或重新出具已获取的信息",
    "other_no_correction": "申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
    "carried_forward": "结转下年度继续办理数量",
}
# Homophones a pinyin input method slips in (明→名, 作→做): real reports print such typos.
TYPOS = {
    "unavailable_unclear": "补正后申请内容仍不名确",
    "unavailable_needs_creation": "没有现成信息需要另行制做",
}


@dataclass(frozen=True)
class Style:
    digits: str = "ascii"  # ascii | full (１２３)
    thousands: bool = False  # Excel's number format: 12,345
    zeros: tuple[str, str, str] = ("0", "0", "0")  # a zero in table 二, 三, 四: "0", "-" or "" (blank)
    unit: str = ""  # "" | "para": 单位：件 above each table | "row": as each table's first row
    excel: bool = False  # Excel-pasted markup (x:num, xl classes, <col>, title row, empty last row)
    active: str = "template"  # template | split (a table per 第二十条 item) | reorder (columns moved)
    head: str = "three"  # table 三's applicant header: three rows | one (no group row)
    remark: bool = False  # table 三 with a 备注 column
    labels: str = "template"  # template | variant (``VARIANT_LABELS``)
    appeals: str = "one"  # one | split: 行政复议 and 行政诉讼 as two tables
    total: str = "总计"  # table 四's total: 总计 | 合计 | 小计
    running: bool = False  # a header and footer on every printed page
    notes: bool = False  # 注：… with figures under tables 三 and 四
    typos: bool = False  # two labels of table 三 with an input method's homophone (``TYPOS``)


def figure(value: Any, style: Style, table: str, money: bool = False) -> str:
    if value is None:
        return "未知"
    if value == 0 and not money:
        text = style.zeros[TABLES.index(table)]
    elif money:
        text = f"{value:,.2f}" if style.thousands else f"{value:.2f}"
    else:
        text = f"{value:,}" if style.thousands else str(value)
    return text.translate(FULL_DIGITS) if style.digits == "full" else text


def _td(inner: str, style: Style, colspan: int = 1, rowspan: int = 1, *, value: Any = None, cls: str = "") -> str:
    """A cell; in Excel's markup with its class, inline border and (for figures) ``x:num``."""
    attrs = (f" colspan={colspan}" if colspan > 1 else "") + (f" rowspan={rowspan}" if rowspan > 1 else "")
    if style.excel:
        xl = {"n": "xl67", "l": "xl66", "t": "xl70"}.get(cls, "xl65")
        attrs += f" class={xl} style='border:.5pt solid windowtext'"
        if isinstance(value, int | float) and not isinstance(value, bool):
            attrs += f' x:num="{value}"'
        return f"<td{attrs}>{inner}</td>"
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{inner}</td>"


def _table(rows: list[str], style: Style, width: int, caption: str = "") -> str:
    """A table as the CMS stores it; Excel's paste brings ``<col>`` widths, the sheet's title in a
    merged first row and an empty row after the data."""
    if style.unit == "row":
        rows = [f'<tr><td colspan={width} class="u" style="border:none;text-align:right">单位：件</td></tr>', *rows]
    if not style.excel:
        return (
            '<table class="bg" border="1" cellspacing="0" cellpadding="3" width="100%">\n'
            + "\n".join(rows)
            + "\n</table>"
        )
    cols = "".join(f"<col width={w} style='width:{w * 3 // 4}pt'>" for w in _widths(width))
    title_row = [f"<tr height=30>{_td(e(caption), style, width, cls='t')}</tr>"] if caption else []
    blank = "<tr height=19>" + "<td class=xl68></td>" * width + "</tr>"
    return (
        "<table x:str border=0 cellpadding=0 cellspacing=0 width=100% style='border-collapse:collapse;table-layout:fixed'>\n"
        + cols
        + "\n"
        + "\n".join([*title_row, *rows, blank])
        + "\n</table>"
    )


def _widths(columns: int, page: int = 700) -> list[int]:
    """Excel's column widths, fitted to the article (a sheet wider than the page would print with
    its last columns cut off): table 三's three label columns wider than its figure columns."""
    if columns < 10:
        return [page // columns] * columns
    labels = [64, 64, 150]
    return labels + [(page - sum(labels)) // (columns - 3)] * (columns - 3)


def _unit_line(style: Style) -> str:
    return '<p class="unit">单位：件</p>' if style.unit == "para" else ""


def _fields(fields: tuple[Field, ...], style: Style) -> tuple[Field, ...]:
    """Table 二's columns in the order printed: ``reorder`` puts the last one first."""
    if style.active == "reorder" and len(fields) > 1:
        return (fields[-1], *fields[:-1])
    return fields


def _active_rows(template: Template, report: Report, style: Style, item: str, width: int) -> list[str]:
    members = [row for row in template.active_rows if row.item == item]
    fields = _fields(members[0].fields, style)
    cells = [_td(e(ACTIVE_CORNER), style)]
    for i, f in enumerate(fields):
        span = width - len(fields) if i == len(fields) - 1 else 1
        cells.append(_td(e(f.header), style, span))
    rows = [f"<tr>{''.join(cells)}</tr>"]
    for row in members:
        values = report["active"].get(row.key, {})
        cells = [_td(e(row.label), style, cls="l")]
        for i, f in enumerate(_fields(row.fields, style)):
            span = width - len(row.fields) if i == len(row.fields) - 1 else 1
            value = values.get(f.key)
            cells.append(_td(figure(value, style, "二", money=f.kind is Kind.MONEY), style, span, value=value, cls="n"))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return rows


def active_tables(template: Template, report: Report, style: Style) -> list[str]:
    """Table 二: one table with each 第二十条 item a row over its own header, or (``split``) a small
    table per item under the item as a line of its own."""
    width = 1 + max(len(row.fields) for row in template.active_rows)
    if style.active == "split":
        out: list[str] = [_unit_line(style)]
        for item in template.active_items:
            out.append(f'<p class="item">{e(item)}</p>')
            out.append(_table(_active_rows(template, report, style, item, width), style, width))
        return out
    rows: list[str] = []
    for item in template.active_items:
        rows.append(f"<tr>{_td(e(item), style, width, cls='l')}</tr>")
        rows += _active_rows(template, report, style, item, width)
    return [_unit_line(style), _table(rows, style, width, "表二 主动公开政府信息情况")]


def _label(row: RequestRow, style: Style) -> str:
    if style.typos and row.key in TYPOS:
        return TYPOS[row.key]
    if style.labels == "variant":
        return VARIANT_LABELS.get(row.key, row.label)
    return row.label


def request_head(style: Style) -> list[str]:
    natural, *orgs, total = REQUEST_COLUMNS
    remark_one = _td("备注", style) if style.remark else ""
    if style.head == "one":
        cells = "".join(_td(e(c.label), style) for c in REQUEST_COLUMNS)
        return [f"<tr>{_td('项目', style, 3)}{cells}{remark_one}</tr>"]
    remark = _td("备注", style, rowspan=3) if style.remark else ""
    return [
        f"<tr>{_td(e(REQUESTS_NOTE), style, 3, 3)}{_td(e(REQUESTS_CORNER), style, 7)}{remark}</tr>",
        f"<tr>{_td(e(natural.label), style, rowspan=2)}{_td(e(ORGANISATION_GROUP), style, 5)}{_td(e(total.label), style, rowspan=2)}</tr>",
        "<tr>" + "".join(_td(e(o.label), style) for o in orgs) + "</tr>",
    ]


def request_rows(template: Template, report: Report, style: Style) -> list[str]:
    """Table 三's body: section and group labels merged down their rows, as the template prints."""
    rows = template.request_rows
    out: list[str] = []
    for i, r in enumerate(rows):
        values = report["requests"][r.key]
        figures = "".join(_td(figure(v, style, "三"), style, value=v, cls="n") for v in values)
        if style.remark:
            figures += _td("含网上申请" if r.key == "new_received" else "", style)
        label = _label(r, style)
        lead = ""
        if r.section:
            if i == 0 or not rows[i - 1].section:
                lead += _td(e(r.section), style, rowspan=sum(1 for x in rows if x.section))
            if r.group:
                if rows[i - 1].group != r.group:
                    lead += _td(e(r.group), style, rowspan=sum(1 for x in rows if x.group == r.group))
                lead += _td(e(r.number + label), style, cls="l")
            else:
                lead += _td(e(r.number + label), style, 2, cls="l")
        else:
            lead = _td(e(r.number + label), style, 3, cls="l")
        out.append(f"<tr>{lead}{figures}</tr>")
    return out


def request_table(template: Template, report: Report, style: Style) -> list[str]:
    width = 10 + (1 if style.remark else 0)
    table = _table(
        request_head(style) + request_rows(template, report, style), style, width, "表三 收到和处理政府信息公开申请情况"
    )
    return [_unit_line(style), table, _note(report, style, "三")]


def appeal_tables(report: Report, style: Style) -> list[str]:
    """Table 四 in the template's three header rows, or (``split``) as two tables: 行政复议 alone,
    and 行政诉讼 with 未经复议直接起诉 / 复议后起诉 as its rows."""
    review, direct, after = APPEAL_GROUPS

    def label(f: Any) -> str:
        return e(style.total if f.key == "total" else f.label)

    def figures(group: str) -> str:
        values = report["appeals"][group]
        return "".join(
            _td(figure(values[f.key], style, "四"), style, value=values[f.key], cls="n") for f in APPEAL_FIELDS
        )

    fields = "".join(_td(label(f), style) for f in APPEAL_FIELDS)
    if style.appeals == "split":
        first = _table(
            [f"<tr>{_td('', style)}{fields}</tr>", f"<tr>{_td(e(review.label), style)}{figures(review.key)}</tr>"],
            style,
            6,
        )
        second = _table(
            [
                f"<tr>{_td('', style)}{fields}</tr>",
                f"<tr>{_td(e(direct.label), style)}{figures(direct.key)}</tr>",
                f"<tr>{_td(e(after.label), style)}{figures(after.key)}</tr>",
            ],
            style,
            6,
        )
        return [
            _unit_line(style),
            f'<p class="item">（一）{e(review.label)}情况</p>',
            first,
            f'<p class="item">（二）{e(LITIGATION)}情况</p>',
            second,
            _note(report, style, "四"),
        ]
    head = [
        f"<tr>{_td(e(review.label), style, 5)}{_td(e(LITIGATION), style, 10)}</tr>",
        "<tr>"
        + "".join(_td(label(f), style, rowspan=2) for f in APPEAL_FIELDS)
        + f"{_td(e(direct.label), style, 5)}{_td(e(after.label), style, 5)}</tr>",
        f"<tr>{fields}{fields}</tr>",
    ]
    body = f"<tr>{''.join(figures(g.key) for g in APPEAL_GROUPS)}</tr>"
    return [
        _unit_line(style),
        _table([*head, body], style, 15, "表四 政府信息公开行政复议、行政诉讼情况"),
        _note(report, style, "四"),
    ]


def _note(report: Report, style: Style, table: str) -> str:
    """注： right under a table, with figures of its own (how the applications came in; cases
    carried over), as offices explain their tables."""
    if not style.notes:
        return ""
    req, app = report["requests"], report["appeals"]
    if table == "三":
        new = req["new_received"][-1]
        online = new * 3 // 5
        text = f"注：1.本年度新收申请中，通过网上申请{online}件，信函申请{new - online}件。"
        if style.zeros[1] == "-":
            text += "2.表中“-”表示数量为零。"
    else:
        pending = sum(app[g.key]["pending"] for g in APPEAL_GROUPS)
        text = f"注：尚未审结的{pending}件案件结转至{report['year'] + 1}年继续办理。"
    return f'<p class="note">{e(text)}</p>'


def _index_box(report: Report, agency_code: int) -> str:
    """The 信息公开目录 box department sites print above an article."""
    year = report["year"]
    return (
        '<table class="meta" width="100%" border="0" cellspacing="0" cellpadding="2">'
        f"<tr><td>索 引 号：</td><td>1135{agency_code:04d}MB{year % 100:02d}0317X/{year + 1}-000{agency_code % 9 + 12}</td>"
        "<td>主题分类：</td><td>综合政务/政务公开</td></tr>"
        f"<tr><td>发布机构：</td><td>{e(report['agency'])}</td><td>发文日期：</td><td>{year + 1}年01月{14 + year % 9}日</td></tr>"
        f"<tr><td>名　　称：</td><td colspan=3>{e(title(report))}</td></tr>"
        f"<tr><td>文　　号：</td><td></td><td>有 效 性：</td><td>有效</td></tr></table>"
    )


def bureau(report: Report, style: Style) -> str:
    """The whole page."""
    template = TEMPLATES[report["template"]]
    text = prose(report)
    agency, year = report["agency"], report["year"]
    code = sum(map(ord, agency)) % 10_000
    body = [
        f"<p>根据《中华人民共和国政府信息公开条例》规定，特向社会公布{year}年度{e(agency)}政府信息公开工作年度报告。"
        f"本报告所列数据统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在{e(agency)}门户网站查阅或下载。</p>"
    ]
    for section in SECTIONS:
        body.append(f'<p class="sec">{section.number}、{e(section.title)}</p>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number == "二":
            body += active_tables(template, report, style)
        elif section.number == "三":
            body += request_table(template, report, style)
        elif section.number == "四":
            body += appeal_tables(report, style)
    article = (
        _index_box(report, code)
        + f'<h1 class="tt">{e(title(report))}</h1>'
        + "\n".join(part for part in body if part)
        + f'<p class="sign">{e(agency)}<br>{year + 1}年1月{14 + year % 9}日</p>'
    )
    site = agency[: agency.index("市") + 1] if "市" in agency else agency[: agency.index("省") + 1]
    running = ""
    if style.running:  # fixed boxes repeat on every printed page; the wrapper's thead/tfoot make room
        running = (
            f'<div class="run-h">{e(site)}人民政府门户网站　政府信息公开专栏　{e(agency)}</div>'
            f'<div class="run-f">{e(title(report))}　打印日期：{year + 1}-02-0{year % 7 + 1}</div>'
        )
        article = (
            '<table class="print" width="100%"><thead><tr><td><div class="sp-h"></div></td></tr></thead>'
            '<tfoot><tr><td><div class="sp-f"></div></td></tr></tfoot>'
            f"<tbody><tr><td>{article}</td></tr></tbody></table>"
        )
    css = (
        "body{font-family:SimSun,'Noto Serif CJK SC',serif;font-size:14px;margin:0} .main{width:720px;margin:0 auto}"
        " .bg{border-collapse:collapse;margin:4px 0} .bg td{text-align:center;font-size:10pt;padding:2px}"
        " .bg td.l{text-align:left} td.xl67{text-align:right;font-size:10pt} td.xl66{text-align:left;font-size:10pt}"
        " td.xl65{text-align:center;font-size:10pt} td.xl70{text-align:center;font-weight:bold;font-size:12pt}"
        " .unit{text-align:right;font-size:12px;margin:0} .item{margin:4px 0;font-weight:bold} .note{font-size:12px}"
        " .meta{font-size:12px;background:#f4f6f9;margin-bottom:8px} .tt{text-align:center;font-size:21px;color:#b40000}"
        " .sec{font-weight:bold;font-size:16px} .sign{text-align:right} .nav li{display:inline;margin:0 8px} .foot{font-size:12px;color:#666}"
        " .run-h{position:fixed;top:0;left:0;right:0;height:22px;font-size:9pt;border-bottom:1px solid #b40000}"
        " .run-f{position:fixed;bottom:0;left:0;right:0;height:18px;font-size:9pt;text-align:center}"
        " .sp-h{height:28px} .sp-f{height:24px}"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}_{e(agency)}</title>
<style>{css}</style></head>
<body>
{running}
{chrome_top(report, site)}
<div class="main">{article}</div>
{chrome_bottom(report, site)}
</body></html>
"""
