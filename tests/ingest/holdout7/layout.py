# ruff: noqa: E501  (HTML as a CMS and a Word user write it: long lines are the point)
"""A seventh page style none of the readers was built on: a development zone's administrative
committee (开发区管委会) or a provincial department (省级厅) posting its report on its 政务公开
platform, tables typed in Word by an office that numbers every row.

Written for the seventh hold-out set (``generate.py``), apart from the layouts of the other sets on
purpose: the reader is scored on these pages before anything is changed for them. What such offices
print and the other six sets do not, chosen per report by a ``Style``:

* a 序号 column at the left of tables 二 and 三: every figure row numbered 1, 2, 3 … (a number
  that is not a figure of the report), the header's 序号 merged down over its header rows;
* table 三's applicant columns in another order: 总计 right after the labels (before 自然人), or a
  小计 column after the five organisations under 法人或其他组织 (the five's sum, printed, not in the
  report data);
* table 二's zeros left blank (not 0) and an empty row typed after each 第二十条 item's rows;
* figures with the unit and a space in each cell of tables 三 and 四 (``12 件``, ``0 件``);
* labels with OCR-like misprints of a document scanned and re-typed: 己 for 已 (己获取), 末 for 未
  (尚末审结, 末经复议直接起诉, 逾期末按), a character missing (仍不明);
* table 四's header in TWO rows: 行政复议 and the two 行政诉讼 groups side by side each over its five
  results (``行政诉讼（未经复议直接起诉）``), no 行政诉讼 row above them;
* the platform around the article: a 索引 line list (不是表格), 字号 大 中 小, 【打印本页】, a QR-code
  caption; the Word original alone, the tables whole with ``border="1"``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import (
    ACTIVE_CORNER,
    APPEAL_FIELDS,
    APPEAL_GROUPS,
    REQUEST_COLUMNS,
    REQUESTS_CORNER,
    SECTIONS,
    TEMPLATES,
    Kind,
    Template,
)
from tests.ingest.publishers.layouts import prose, title

Report = dict[str, Any]

# what a scanned and re-typed document misprints (the printed label only; the figures are right)
MISPRINTS = {
    "已获取": "己获取",
    "尚未审结": "尚末审结",
    "未经复议": "末经复议",
    "逾期未按": "逾期末按",
    "仍不明确": "仍不明",
}


@dataclass(frozen=True)
class Style:
    serial: bool = False  # a 序号 column in tables 二 and 三
    columns: str = "template"  # table 三: template | total_left (总计 first) | subtotal (小计 after the five)
    active_blank: bool = False  # table 二's zeros blank and an empty row after each item
    unit: str = ""  # appended to the figures of tables 三 and 四: "" or " 件"
    misprint: bool = False  # MISPRINTS in the labels
    appeal_two_rows: bool = False  # table 四's header in two rows
    thousands: bool = False  # 12,345


def e(text: str) -> str:
    return html.escape(text, quote=False)


def label(text: str, style: Style) -> str:
    if style.misprint:
        for right, wrong in MISPRINTS.items():
            text = text.replace(right, wrong)
    return e(text)


def figure(value: Any, style: Style, unit: str = "", money: bool = False, blank: bool = False) -> str:
    if value is None:
        return "未知"
    if value == 0 and blank:
        return ""
    if money:
        return f"{value:,.2f}" if style.thousands else f"{value:.2f}"
    return (f"{value:,}" if style.thousands else str(value)) + unit


def td(inner: str, colspan: int = 1, rowspan: int = 1, cls: str = "") -> str:
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{inner}</td>"


def _table(rows: list[str], word: bool) -> str:
    attrs = (
        'border="1" cellspacing="0" cellpadding="3" width="100%"' if word else 'class="t" border="1" cellspacing="0"'
    )
    return f"<table {attrs}>\n" + "\n".join(rows) + "\n</table>"


# ---------------------------------------------------------------------------------------------
# Table 二: the template's item rows, a 序号 column, blank zeros and empty rows
# ---------------------------------------------------------------------------------------------


def active_table(template: Template, report: Report, style: Style, word: bool) -> str:
    width = max(len(row.fields) for row in template.active_rows)
    lead = 1 if style.serial else 0
    rows: list[str] = []
    n = 0
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        fields = members[0].fields
        rows.append(f"<tr>{td(e(item), lead + 1 + width)}</tr>")
        head = [td("序号")] if style.serial else []
        head.append(td(e(ACTIVE_CORNER)))
        for i, f in enumerate(fields):
            head.append(td(e(f.header), width - len(fields) + 1 if i == len(fields) - 1 else 1))
        rows.append(f"<tr>{''.join(head)}</tr>")
        for row in members:
            n += 1
            values = report["active"].get(row.key, {})
            line = [td(str(n))] if style.serial else []
            line.append(td(label(row.label, style), cls="l"))
            for i, f in enumerate(row.fields):
                span = width - len(row.fields) + 1 if i == len(row.fields) - 1 else 1
                text = figure(values.get(f.key), style, money=f.kind is Kind.MONEY, blank=style.active_blank)
                line.append(td(text, span, cls="n"))
            rows.append(f"<tr>{''.join(line)}</tr>")
        if style.active_blank:  # the empty row a Word user leaves under each item
            rows.append("<tr>" + td("&nbsp;") * (lead + 1) + td("&nbsp;", width) + "</tr>")
    return _table(rows, word)


# ---------------------------------------------------------------------------------------------
# Table 三: a 序号 column, the applicant columns in another order
# ---------------------------------------------------------------------------------------------


def _columns(style: Style) -> list[tuple[str, int | None]]:
    """The applicant columns as printed: (label, index into the report's row; None for 小计)."""
    natural, *orgs, total = REQUEST_COLUMNS
    cols: list[tuple[str, int | None]] = [(natural.label, natural.index)]
    cols += [(o.label, o.index) for o in orgs]
    if style.columns == "subtotal":
        cols.append(("小计", None))
    cols.append((total.label, total.index))
    if style.columns == "total_left":
        cols = [cols[-1], *cols[:-1]]
    return cols


def request_head(style: Style) -> list[str]:
    natural, *orgs, total = REQUEST_COLUMNS
    cols = _columns(style)
    org_span = len(orgs) + (1 if style.columns == "subtotal" else 0)
    first = (td("序号", rowspan=3) if style.serial else "") + td("项目", 3, 3) + td(e(REQUESTS_CORNER), len(cols))
    second: list[str] = []
    for text, index in cols:
        if index == natural.index or index == total.index:
            second.append(td(e(text), rowspan=2))
        elif index == orgs[0].index:
            second.append(td("法人或其他组织", org_span))
    third = [td(e(text)) for text, index in cols if index not in (natural.index, total.index)]
    return [f"<tr>{first}</tr>", f"<tr>{''.join(second)}</tr>", f"<tr>{''.join(third)}</tr>"]


def request_table(template: Template, report: Report, style: Style, word: bool) -> str:
    rows = template.request_rows
    body = request_head(style)
    cols = _columns(style)
    for i, r in enumerate(rows):
        lead = td(str(i + 1)) if style.serial else ""
        if r.section:
            if not rows[i - 1].section:
                lead += td(e(r.section), rowspan=sum(1 for x in rows if x.section))
            if r.group:
                if rows[i - 1].group != r.group:
                    lead += td(e(r.group), rowspan=sum(1 for x in rows if x.group == r.group))
                lead += td(label(r.printed, style), cls="l")
            else:
                lead += td(label(r.printed, style), 2, cls="l")
        else:
            lead += td(label(r.printed, style), 3, cls="l")
        values = report["requests"][r.key]
        cells = []
        for _text, index in cols:
            value = values[index] if index is not None else sum(values[1:6])
            cells.append(td(figure(value, style, style.unit), cls="n"))
        body.append(f"<tr>{lead}{''.join(cells)}</tr>")
    return _table(body, word)


# ---------------------------------------------------------------------------------------------
# Table 四: the template's three header rows, or two
# ---------------------------------------------------------------------------------------------


def appeal_table(report: Report, style: Style, word: bool) -> str:
    review, direct, after = APPEAL_GROUPS
    results = "".join(td(label(f.label, style)) for f in APPEAL_FIELDS)
    if style.appeal_two_rows:
        head = [
            "<tr>"
            + "".join(
                td(label(g.label if not g.parent else f"{g.parent}（{g.label}）", style), 5) for g in APPEAL_GROUPS
            )
            + "</tr>",
            f"<tr>{results * 3}</tr>",
        ]
    else:
        head = [
            f"<tr>{td(e(review.label), 5)}{td(e(direct.parent), 10)}</tr>",
            "<tr>"
            + "".join(td(label(f.label, style), rowspan=2) for f in APPEAL_FIELDS)
            + td(label(direct.label, style), 5)
            + td(e(after.label), 5)
            + "</tr>",
            f"<tr>{results * 2}</tr>",
        ]
    figures = "".join(
        td(figure(report["appeals"][g.key][f.key], style, style.unit), cls="n")
        for g in APPEAL_GROUPS
        for f in APPEAL_FIELDS
    )
    return _table([*head, f"<tr>{figures}</tr>"], word)


# ---------------------------------------------------------------------------------------------
# The document and the platform's page
# ---------------------------------------------------------------------------------------------


def article(report: Report, style: Style, word: bool) -> str:
    template = TEMPLATES[report["template"]]
    text = prose(report)
    agency, year = report["agency"], report["year"]
    tables = {
        "二": active_table(template, report, style, word),
        "三": request_table(template, report, style, word),
        "四": appeal_table(report, style, word),
    }
    body = [f'<h2 class="tt">{e(agency)}{year}年政府信息公开工作年度报告</h2>']
    body.append(
        f"<p>本报告由{e(agency)}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室有关要求编制。"
        f"报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在{e(agency)}门户网站查阅或下载。</p>"
    )
    for section in SECTIONS:
        body.append(f'<p class="sec">{section.number}、{e(section.title)}</p>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number in tables:
            if section.number == "三" and not style.unit:
                body.append('<p class="unit">单位：件</p>')
            body.append(tables[section.number])
    body.append(f'<p class="sign">{e(agency)}<br>{year + 1}年1月{(year % 9) + 15}日</p>')
    return "\n".join(body)


CSS = (
    "body{font-family:'Microsoft YaHei','Noto Sans CJK SC',sans-serif;font-size:14px;margin:0;color:#333;background:#f4f7fb}"
    " .top{background:#0b4f9c;color:#fff;padding:14px 30px;font-size:22px;letter-spacing:2px} .crumb{padding:6px 30px;font-size:12px;color:#666}"
    " .wrap{width:720px;margin:0 auto;background:#fff;padding:16px 24px} .idx{font-size:12px;color:#555;border:1px dashed #9bb;padding:6px 10px;margin-bottom:10px}"
    " .idx span{display:inline-block;width:48%} .tools{font-size:12px;color:#888;text-align:right;margin:4px 0 10px}"
    " .tt{text-align:center;font-size:20px;color:#0b4f9c;line-height:1.5} .sec{font-weight:bold} .sign{text-align:right} .unit{text-align:right;font-size:12px;margin:0}"
    " table.t{border-collapse:collapse;width:100%;margin:6px 0} table.t td{border:1px solid #000;font-size:9pt;text-align:center;padding:2px 3px}"
    " table.t td.l{text-align:left} table.t td.n{text-align:center}"
    " .qr{font-size:12px;color:#888;text-align:center;margin-top:10px} .foot{font-size:12px;color:#666;text-align:center;padding:12px;border-top:3px solid #0b4f9c}"
)


def platform(report: Report, style: Style) -> str:
    """The web page: the 政务公开 platform's article page (an index list above, not a table)."""
    agency, year = report["agency"], report["year"]
    code = f"{(year * 37) % 9000 + 1000:04d}"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>{CSS}</style></head>
<body>
<div class="top">{e(agency)} · 政务公开</div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 法定主动公开内容 &gt; 政府信息公开年报</div>
<div class="wrap">
<div class="idx"><span>索 引 号：{code}/{year + 1}-0000{year % 10}</span><span>发布机构：{e(agency)}</span>
<span>生成日期：{year + 1}-01-{(year % 9) + 15:02d}</span><span>公开方式：主动公开</span></div>
<div class="tools">字号：【大 中 小】　【打印本页】　【关闭窗口】</div>
{article(report, style, word=False)}
<div class="qr">扫一扫在手机打开当前页</div>
</div>
<div class="foot">版权所有：{e(agency)}　网站标识码：{4300000000 + year * 11}</div>
</body></html>
"""


def platform_word(report: Report, style: Style) -> str:
    """The Word original: the document alone, the tables whole with ``border="1"``."""
    css = (
        "body{font-family:'SimSun','Noto Serif CJK SC',serif;font-size:12pt}"
        " .tt{text-align:center;font-size:16pt} .sec{font-weight:bold} .sign,.unit{text-align:right}"
        " td{font-size:9pt;text-align:center} td.l{text-align:left}"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>{css}</style></head>
<body>
{article(report, style, word=True)}
</body></html>
"""
