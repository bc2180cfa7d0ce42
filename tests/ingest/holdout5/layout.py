# ruff: noqa: E501  (HTML as a site and a Word user write it: long lines are the point)
"""A fifth page style none of the readers was built on: a township or street office (乡镇人民政府 /
街道办事处) whose report is a 红头 document posted on the county portal's township column.

Written for the fifth hold-out set (``generate.py``), apart from the layouts of the other sets on
purpose: the reader is scored on these pages before anything is changed for them. What such offices
print and the other four sets do not, chosen per report by a ``Style``:

* a 红头 title block above the title (the office's name in red, a 文号 ``青政发〔2020〕3号``, a red
  rule) and the document's foot (（此件公开发布）, 抄送 and 印发 lines with a date), on the county
  portal's township column (发布时间, 来源, 浏览次数 above the article);
* the three tables after the text as an annex (``附件`` / ``附表1 …``, the sections saying 详见附表),
  or in place;
* table 二 as ONE table whose 第二十条 item is a column of its own merged down over its header and
  data rows (条款 | 信息内容 | fields);
* table 三's row labels in TWO columns (category | item: （三）不予公开 merged down beside
  1.属于国家秘密 …; rows with no group spanning both), 三、本年度办理结果 a full-width row of its
  own, the header's corner spanning the two label columns and all three header rows;
* table 四 as two half-tables stacked in one table (行政复议 over 行政诉讼: each field of the review
  half two columns wide), or in the template's three header rows;
* zeros printed ``0``, blank, ``—`` or ``/``; figures with thousands separators; money with two
  decimals;
* the Word copy (``township_word``: what the office typed in Word, then saved as .docx): no site
  around it, narrow fixed columns (labels and large figures wrap) and every cell vertically
  centred, in 仿宋.
"""

from __future__ import annotations

import html
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
    Kind,
    RequestRow,
    Template,
)
from tests.ingest.publishers.layouts import prose, title

Report = dict[str, Any]
ANNEX = {
    "二": (1, "主动公开政府信息情况"),
    "三": (2, "收到和处理政府信息公开申请情况"),
    "四": (3, "政府信息公开行政复议、行政诉讼情况"),
}


@dataclass(frozen=True)
class Style:
    zero: str = "0"  # how a zero is printed: "0", "" (blank), "—" or "/"
    thousands: bool = False  # 12,345
    redhead: bool = False  # the 红头 title block and the document's foot (抄送, 印发)
    annex: bool = False  # the tables after the text as 附表1–3
    labels: str = "two"  # table 三's labels: two columns (category | item) | three (the template's)
    appeals: str = "stacked"  # table 四: stacked (复议 over 诉讼 in one table) | template
    active: str = "merged"  # table 二: merged (the item a column of its own) | template (item rows)


@dataclass(frozen=True)
class Cells:
    """How one page writes its table cells: the web page's plain cells, or the Word copy's vertically
    centred ones."""

    word: bool = False

    def td(self, inner: str, colspan: int = 1, rowspan: int = 1, cls: str = "") -> str:
        attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
        if self.word:
            attrs += ' valign="middle" style="vertical-align:middle"'
        attrs += f' class="{cls}"' if cls else ""
        return f"<td{attrs}>{inner}</td>"


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


def _table(rows: list[str], cells: Cells, widths: tuple[int, ...] = ()) -> str:
    """A ruled table; the Word copy's with fixed narrow columns (``<col>``)."""
    if cells.word and widths:
        cols = "".join(f'<col width="{w}">' for w in widths)
        return (
            f'<table border="1" cellspacing="0" cellpadding="1" width="{sum(widths)}" style="table-layout:fixed">'
            f"{cols}\n" + "\n".join(rows) + "\n</table>"
        )
    return (
        '<table class="xx" border="1" cellspacing="0" cellpadding="2" width="100%">\n' + "\n".join(rows) + "\n</table>"
    )


# ---------------------------------------------------------------------------------------------
# Table 二
# ---------------------------------------------------------------------------------------------


def active_table(template: Template, report: Report, style: Style, cells: Cells) -> str:
    """Table 二: per 第二十条 item a header row (信息内容 + its fields) and its data rows; the item a
    column of its own merged down over them (``merged``), or a full-width row above them."""
    td = cells.td
    fields_width = max(len(row.fields) for row in template.active_rows)
    rows: list[str] = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        fields = members[0].fields
        lead = td(e(item), rowspan=len(members) + 1) if style.active == "merged" else ""
        if style.active != "merged":
            rows.append(f"<tr>{td(e(item), 1 + fields_width, cls='l')}</tr>")
        head = [td(e(ACTIVE_CORNER))]
        for i, f in enumerate(fields):
            span = fields_width - len(fields) + 1 if i == len(fields) - 1 else 1
            head.append(td(e(f.header), span))
        rows.append(f"<tr>{lead}{''.join(head)}</tr>")
        for row in members:
            values = report["active"].get(row.key, {})
            line = [td(e(row.label), cls="l")]
            for i, f in enumerate(row.fields):
                span = fields_width - len(row.fields) + 1 if i == len(row.fields) - 1 else 1
                line.append(td(figure(values.get(f.key), style, money=f.kind is Kind.MONEY), span, cls="n"))
            rows.append(f"<tr>{''.join(line)}</tr>")
    lead_width = (64,) if style.active == "merged" else ()
    return _table(rows, cells, (*lead_width, 96, *([62] * fields_width)))


# ---------------------------------------------------------------------------------------------
# Table 三
# ---------------------------------------------------------------------------------------------


def _label_columns(style: Style) -> int:
    return 2 if style.labels == "two" else 3


def request_head(style: Style, cells: Cells) -> list[str]:
    """Three header rows; the corner (the counting note) spans the label columns and all three."""
    td = cells.td
    natural, *orgs, total = REQUEST_COLUMNS
    return [
        f"<tr>{td(e(REQUESTS_NOTE), _label_columns(style), 3)}{td(e(REQUESTS_CORNER), 7)}</tr>",
        f"<tr>{td(e(natural.label), rowspan=2)}{td(e(ORGANISATION_GROUP), 5)}{td(e(total.label), rowspan=2)}</tr>",
        "<tr>" + "".join(td(e(o.label)) for o in orgs) + "</tr>",
    ]


def _figures(row: RequestRow, report: Report, style: Style, cells: Cells) -> str:
    return "".join(cells.td(figure(v, style), cls="n") for v in report["requests"][row.key])


def request_rows_two(template: Template, report: Report, style: Style, cells: Cells) -> list[str]:
    """Labels in two columns: a group's name (（三）不予公开) merged down beside its items, a row
    with no group spanning both; 三、本年度办理结果 a full-width row before its outcomes."""
    td = cells.td
    rows = template.request_rows
    out: list[str] = []
    for i, r in enumerate(rows):
        if r.section and (i == 0 or not rows[i - 1].section):
            out.append(f"<tr>{td(e(r.section), 9, cls='l')}</tr>")
        if r.group:
            lead = ""
            if rows[i - 1].group != r.group:
                lead = td(e(r.group), rowspan=sum(1 for x in rows if x.group == r.group))
            lead += td(e(r.printed), cls="l")
        else:
            lead = td(e(r.printed), 2, cls="l")
        out.append(f"<tr>{lead}{_figures(r, report, style, cells)}</tr>")
    return out


def request_rows_three(template: Template, report: Report, style: Style, cells: Cells) -> list[str]:
    """The template's three merged label columns (section | group | item)."""
    td = cells.td
    rows = template.request_rows
    out: list[str] = []
    for i, r in enumerate(rows):
        lead = ""
        if r.section:
            if i == 0 or not rows[i - 1].section:
                lead += td(e(r.section), rowspan=sum(1 for x in rows if x.section))
            if r.group:
                if rows[i - 1].group != r.group:
                    lead += td(e(r.group), rowspan=sum(1 for x in rows if x.group == r.group))
                lead += td(e(r.printed), cls="l")
            else:
                lead += td(e(r.printed), 2, cls="l")
        else:
            lead = td(e(r.printed), 3, cls="l")
        out.append(f"<tr>{lead}{_figures(r, report, style, cells)}</tr>")
    return out


def request_table(template: Template, report: Report, style: Style, cells: Cells) -> str:
    body = (request_rows_two if style.labels == "two" else request_rows_three)(template, report, style, cells)
    labels = (58, 120) if style.labels == "two" else (30, 44, 110)
    return _table(request_head(style, cells) + body, cells, (*labels, *([38] * 7)))


# ---------------------------------------------------------------------------------------------
# Table 四
# ---------------------------------------------------------------------------------------------


def appeal_table(report: Report, style: Style, cells: Cells) -> str:
    """Table 四 as two half-tables stacked in one table (行政复议's five fields two columns wide,
    over 行政诉讼's two groups), or in the template's three header rows."""
    td = cells.td
    review, direct, after = APPEAL_GROUPS

    def figures(group: str, span: int = 1) -> str:
        values = report["appeals"][group]
        return "".join(td(figure(values[f.key], style), span, cls="n") for f in APPEAL_FIELDS)

    fields = "".join(td(e(f.label)) for f in APPEAL_FIELDS)
    if style.appeals == "stacked":
        rows = [
            f"<tr>{td(e(review.label), 10)}</tr>",
            "<tr>" + "".join(td(e(f.label), 2) for f in APPEAL_FIELDS) + "</tr>",
            f"<tr>{figures(review.key, 2)}</tr>",
            f"<tr>{td(e(LITIGATION), 10)}</tr>",
            f"<tr>{td(e(direct.label), 5)}{td(e(after.label), 5)}</tr>",
            f"<tr>{fields}{fields}</tr>",
            f"<tr>{figures(direct.key)}{figures(after.key)}</tr>",
        ]
        return _table(rows, cells, (48,) * 10)
    rows = [
        f"<tr>{td(e(review.label), 5)}{td(e(LITIGATION), 10)}</tr>",
        "<tr>"
        + "".join(td(e(f.label), rowspan=2) for f in APPEAL_FIELDS)
        + f"{td(e(direct.label), 5)}{td(e(after.label), 5)}</tr>",
        f"<tr>{fields}{fields}</tr>",
        f"<tr>{''.join(figures(g.key) for g in APPEAL_GROUPS)}</tr>",
    ]
    return _table(rows, cells, (34,) * 15)


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


def _short(agency: str) -> str:
    """The office's name without its county: 青石镇人民政府."""
    for cut in ("县", "区", "市"):
        if cut in agency[:4]:
            return agency[agency.index(cut) + 1 :]
    return agency


def _document_number(report: Report) -> str:
    short = _short(report["agency"])
    kind = "办发" if "街道" in short else "政发"
    return f"{short[0]}{kind}〔{report['year'] + 1}〕{(report['year'] * 7) % 23 + 2}号"


def _redhead(report: Report) -> str:
    return (
        f'<p class="red">{e(report["agency"])}</p><p class="docno">{e(_document_number(report))}</p><hr class="rule">'
    )


def _foot(report: Report) -> list[str]:
    year = report["year"]
    office = _short(report["agency"]).replace("人民政府", "").replace("办事处", "")
    county = report["agency"][: len(report["agency"]) - len(_short(report["agency"]))]
    return [
        '<p class="c">（此件公开发布）</p>',
        '<hr class="thin">',
        f"<p>抄送：{e(county)}人民政府办公室，{e(county)}政务服务和数据管理局。</p>",
        '<hr class="thin">',
        f'<p>{e(office)}党政综合办公室<span class="gap"></span>{year + 1}年1月{(year % 9) + 11}日印发</p>',
    ]


def _tables(template: Template, report: Report, style: Style, cells: Cells) -> dict[str, str]:
    return {
        "二": active_table(template, report, style, cells),
        "三": request_table(template, report, style, cells),
        "四": appeal_table(report, style, cells),
    }


def article(report: Report, style: Style, cells: Cells) -> str:
    """The document itself: title block, sections with their tables (or an annex of them), foot."""
    template = TEMPLATES[report["template"]]
    text = prose(report)
    agency, year = report["agency"], report["year"]
    tables = _tables(template, report, style, cells)
    body = [_redhead(report)] if style.redhead else []
    body.append(f'<h1 class="tt">{e(title(report))}</h1>')
    body.append(
        f"<p>本报告依据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制，"
        f"全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>"
    )
    for section in SECTIONS:
        body.append(f'<p class="sec">{section.number}、{e(section.title)}</p>')
        paragraphs = text[section.number]
        if section.number in tables and style.annex:
            n, _caption = ANNEX[section.number]
            paragraphs = [p.rstrip("：") + f"（详见附表{n}）。" if p.endswith("：") else p for p in paragraphs]
        body += [f"<p>{e(p)}</p>" for p in paragraphs]
        if section.number in tables and not style.annex:
            body.append(tables[section.number])
    body.append(f'<p class="sign">{e(agency)}<br>{year + 1}年1月{(year % 9) + 10}日</p>')
    if style.annex:
        body.append('<p class="sec">附件</p>')
        for number, (n, caption) in ANNEX.items():
            body.append(f'<p class="cap">附表{n}<br>{e(caption)}</p>')
            body.append('<p class="unit">单位：件</p>' if number != "二" else "")
            body.append(tables[number])
    if style.redhead:
        body += _foot(report)
    return "\n".join(part for part in body if part)


CSS = (
    "body{font-family:'FangSong','Noto Serif CJK SC',serif;font-size:15px;margin:0}"
    " .head{background:#1d5ea8;color:#fff;padding:8px 20px;font-size:20px} .col{font-size:13px;color:#1d5ea8}"
    " .crumb{font-size:12px;margin:6px 20px} .info{font-size:12px;color:#777;text-align:center;border-bottom:1px dashed #ccc}"
    " .art{width:700px;margin:0 auto} .red{color:#d00;font-size:30px;text-align:center;font-weight:bold;letter-spacing:2px;margin:10px 0 4px}"
    " .docno{text-align:center;margin:4px} hr.rule{border:0;border-top:2px solid #d00} hr.thin{border:0;border-top:1px solid #000;margin:2px 0}"
    " .tt{text-align:center;font-size:20px;font-family:'Noto Sans CJK SC',sans-serif} .sec{font-weight:bold}"
    " .cap{text-align:center;font-weight:bold;margin:10px 0 2px} .unit{text-align:right;font-size:12px;margin:0}"
    " .sign{text-align:right} .c{text-align:center} .gap{display:inline-block;width:120px}"
    " table.xx{border-collapse:collapse;margin:4px 0} table.xx td{font-size:10pt;text-align:center;padding:2px}"
    " table.xx td.l{text-align:left} .foot{font-size:12px;color:#555;text-align:center;margin-top:14px}"
)


def township(report: Report, style: Style) -> str:
    """The web page: the document on the county portal's township column."""
    agency, year = report["agency"], report["year"]
    short = _short(agency)
    county = agency[: len(agency) - len(short)] or "本县"
    views = (year * 37) % 900 + 60
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}-{e(county)}人民政府</title>
<style>{CSS}</style></head>
<body>
<div class="head">{e(county)}人民政府 <span class="col">乡镇（街道）信息公开</span></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 乡镇街道 &gt; {e(short)} &gt; 政府信息公开年报</div>
<div class="art">
<div class="info">发布时间：{year + 1}-01-{(year % 9) + 15:02d}　来源：{e(short)}　浏览次数：{views}　【字体：大 中 小】</div>
{article(report, style, Cells())}
</div>
<div class="foot"><p>主办：{e(county)}人民政府办公室　承办：{e(county)}政务服务和数据管理局</p>
<p>网站标识码：3410250019　皖ICP备05002233号　联系电话：0563-8021234</p></div>
</body></html>
"""


def township_word(report: Report, style: Style) -> str:
    """The Word copy: the document alone, as typed in Word (仿宋, narrow fixed columns, every cell
    vertically centred)."""
    css = (
        "body{font-family:'FangSong','Noto Serif CJK SC',serif;font-size:12pt}"
        " .red{color:#d00;font-size:24pt;text-align:center} .docno,.tt,.cap,.c{text-align:center}"
        " .tt{font-size:16pt} .sec{font-weight:bold} .sign,.unit{text-align:right}"
        " td{font-size:9pt;text-align:center}"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>{css}</style></head>
<body>
{article(report, style, Cells(word=True))}
</body></html>
"""
