# ruff: noqa: E501  (HTML as a WeChat editor and a Word user write it: long lines are the point)
"""An eighth page style none of the readers was built on: a city government's general office
(市人民政府办公室) or a county bureau (县级局) publishing its report as a 微信公众号 article, and the
Word original it pasted from.

Written for the eighth hold-out set (``generate.py``), apart from the layouts of the other sets on
purpose: the reader is scored on these pages before anything is changed for them. What such offices
print and the other seven sets do not, chosen per report by a ``Style``:

* WeChat editor markup: the article in nested ``<section>`` wrappers, every cell's text in
  ``<section><p><span style=…>``, figures of two digits or more split over two spans (``1`` ``23``),
  the account's chrome around it (原创 · account name · date, 阅读原文, 在看);
* table 三's group labels (三、本年度办理结果, （三）不予公开 …) in merged left cells set VERTICALLY:
  CSS ``writing-mode:vertical-rl``, or one character per line with ``<br>`` (how Word's 竖排 cells
  come out); with vertical text, table 四's five result headers are set vertically too (narrow
  columns on a phone);
* table 三 too wide for the phone and cut BY COLUMNS into two tables, each with its own header and
  the label columns repeated: 自然人 · 商业企业 · 科研机构, then 社会公益组织 · 法律服务机构 · 其他 ·
  总计 (``申请人情况（续）``);
* non-statutory tables that look like the statutory ones: the applications by channel (当面 / 网络
  / 信函 / 传真, a 合计 row, a share column) before table 三, and a 上年对比 table (上年 · 本年 · 增减)
  after table 四;
* footnote markers on some figures (``12①``, ``3*``), explained in a ``注：`` under the table;
* table 二 transposed: the 第二十条 items' rows as COLUMNS under their citation (规章 · 行政规范性文件;
  行政许可 · 行政处罚 · 行政强制), the fields (本年制发件数 …) as rows; an item of one row as the
  template prints it;
* labels abbreviated as some offices type them: no numbering (予以公开, 部分公开), a group joined to
  its item with a dash in one cell (``不予公开-属于国家秘密``), the template's shortest wording;
* the Word original (``wechat_word``): the document alone, tables with ``border="1"``, vertical
  cells one character per line, no WeChat markup.
"""

from __future__ import annotations

import html
import random
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
    RequestRow,
    Template,
)
from tests.ingest.publishers.layouts import prose, title

Report = dict[str, Any]
MARKERS = ("①", "②", "*", "③")
# where the footnote markers go: (table, row key, field key or column index) in MARKERS' order
MARKED: tuple[tuple[str, str, str | int], ...] = (
    ("requests", "new_received", 6),
    ("requests", "granted", 6),
    ("active", "normative_documents", "in_force"),
    ("appeals", "review", "total"),
)
CHANNELS = ("当面申请", "网络申请", "信函申请", "传真申请")


@dataclass(frozen=True)
class Style:
    wechat: bool = False  # WeChat editor markup (the web page only; the Word original has none)
    vertical: str = ""  # group labels vertical: "" | "css" (writing-mode) | "br" (a character a line)
    split: bool = False  # table 三 cut by columns into two tables
    extra: str = ""  # non-statutory tables: "" | "channel" | "compare" | "both"
    notes: bool = False  # footnote markers on figures, a 注 under the table
    transposed: bool = False  # table 二's items as columns
    abbreviated: bool = False  # table 三's labels unnumbered, group and item joined by a dash


def e(text: str) -> str:
    return html.escape(text, quote=False)


def _spans(text: str, style: Style, split: bool) -> str:
    """A cell's text as the WeChat editor writes it: nested section / p / span, a figure of two
    digits or more split over two spans."""
    if not style.wechat:
        return text
    span = '<span style="font-size:12px;color:rgb(62,62,62)">'
    if split and len(text) > 1 and text[:2].isdigit():
        inner = f"{span}{text[:1]}</span>{span}{text[1:]}</span>"
    else:
        inner = f"{span}{text}</span>"
    return f'<section><p style="text-align:center;margin:0">{inner}</p></section>'


def td(
    text: str, style: Style, colspan: int = 1, rowspan: int = 1, figure: bool = False, vertical: bool = False
) -> str:
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    inner = e(text)
    if vertical and style.vertical == "br":
        inner = "<br>".join(e(ch) for ch in text)
    elif vertical and style.vertical == "css":
        attrs += ' style="writing-mode:vertical-rl;text-orientation:upright;letter-spacing:2px"'
    return f"<td{attrs}>{_spans(inner, style, figure)}</td>"


def _table(rows: list[str], style: Style, word: bool) -> str:
    if word:
        attrs = 'border="1" cellspacing="0" cellpadding="3" width="100%"'
    else:
        attrs = 'class="t" style="border-collapse:collapse;width:100%"'
    return f"<table {attrs}>\n" + "\n".join(f"<tr>{row}</tr>" for row in rows) + "\n</table>"


def figure(value: Any, marker: str = "", money: bool = False) -> str:
    if value is None:
        return "未知"
    return (f"{value:.2f}" if money else str(value)) + marker


def markers(style: Style) -> dict[tuple[str, str, str | int], str]:
    return dict(zip(MARKED, MARKERS, strict=True)) if style.notes else {}


def note(report: Report, style: Style, table: str) -> str:
    """The 注 under a table explaining its markers (figures in it, as offices write them)."""
    if not style.notes:
        return ""
    req = report["requests"]
    texts = {
        "requests": f"注：①含通过12345政务服务便民热线转办的申请，其中网络申请{req['new_received'][0]}件；②含当场答复的申请。",
        "active": "注：*为截至本年末现行有效的文件数，含上年度清理后继续保留的文件。",
        "appeals": "注：③含上年结转的案件。",
    }
    return f'<p class="note">{e(texts[table])}</p>'


# ---------------------------------------------------------------------------------------------
# Table 二: the template's items, or their rows as columns
# ---------------------------------------------------------------------------------------------


def _blocks(template: Template) -> list[list[str]]:
    """Consecutive 第二十条 items whose rows share their fields, grouped (one transposed block)."""
    blocks: list[list[str]] = []
    for item in template.active_items:
        fields = next(row.fields for row in template.active_rows if row.item == item)
        if blocks and next(row.fields for row in template.active_rows if row.item == blocks[-1][0]) == fields:
            blocks[-1].append(item)
        else:
            blocks.append([item])
    return blocks


def _block_width(template: Template, block: list[str], style: Style) -> int:
    members = [row for row in template.active_rows if row.item in block]
    return len(members) if style.transposed and len(members) > 1 else len(members[0].fields)


def active_table(template: Template, report: Report, style: Style, word: bool) -> str:
    marks = markers(style)
    rows: list[str] = []
    blocks = _blocks(template)
    width = 1 + max(_block_width(template, block, style) for block in blocks)
    for block in blocks:
        members = [row for row in template.active_rows if row.item in block]
        fields = members[0].fields
        if style.transposed and len(members) > 1:
            head = td(ACTIVE_CORNER, style, rowspan=2)
            for item in block:
                n = sum(1 for r in members if r.item == item)
                head += td(item, style, n)
            rows.append(head + (td("", style, width - 1 - len(members), 2) if width - 1 > len(members) else ""))
            rows.append("".join(td(r.label, style) for r in members))
            for f in fields:
                line = td(f.header, style)
                for r in members:
                    value = report["active"].get(r.key, {}).get(f.key)
                    mark = marks.get(("active", r.key, f.key), "")
                    line += td(figure(value, mark, f.kind is Kind.MONEY), style, figure=True)
                rows.append(line + (td("", style, width - 1 - len(members)) if width - 1 > len(members) else ""))
            continue
        for item in block:
            rows.append(td(item, style, width))
            head = td(ACTIVE_CORNER, style)
            for i, f in enumerate(fields):
                head += td(f.header, style, width - len(fields) if i == len(fields) - 1 else 1)
            rows.append(head)
            for r in (row for row in members if row.item == item):
                line = td(r.label, style)
                for i, f in enumerate(r.fields):
                    value = report["active"].get(r.key, {}).get(f.key)
                    mark = marks.get(("active", r.key, f.key), "")
                    span = width - len(r.fields) if i == len(r.fields) - 1 else 1
                    line += td(figure(value, mark, f.kind is Kind.MONEY), style, span, figure=True)
                rows.append(line)
    return _table(rows, style, word) + note(report, style, "active")


# ---------------------------------------------------------------------------------------------
# Table 三: vertical group cells, abbreviated labels, cut by columns
# ---------------------------------------------------------------------------------------------


def short_label(row: RequestRow) -> str:
    """The label as an office abbreviates it: unnumbered, the template's shortest wording, a group
    joined to its item with a dash."""
    words = min(row.labels, key=len)
    if row.group:
        return f"{row.group.split('）', 1)[-1]}-{words}"
    return words


def _label_cells(template: Template, i: int, style: Style) -> str:
    rows = template.request_rows
    r = rows[i]
    depth = 2 if style.abbreviated else 3  # label columns: section (, group), label
    cells = ""
    if not r.section:
        return td(short_label(r) if style.abbreviated else r.printed, style, depth)
    if not rows[i - 1].section:
        section = r.section.split("、", 1)[-1] if style.abbreviated else r.section
        cells += td(section, style, rowspan=sum(1 for x in rows if x.section), vertical=True)
    if style.abbreviated:
        return cells + td(short_label(r), style)
    if not r.group:
        return cells + td(r.printed, style, 2)
    if rows[i - 1].group != r.group:
        cells += td(r.group, style, rowspan=sum(1 for x in rows if x.group == r.group), vertical=True)
    return cells + td(r.printed, style)


def _request_head(columns: list[int], style: Style, cont: bool) -> list[str]:
    depth = 2 if style.abbreviated else 3
    natural, total = REQUEST_COLUMNS[0], REQUEST_COLUMNS[-1]
    org = [c for c in columns if c not in (natural.index, total.index)]
    corner = REQUESTS_CORNER + ("（续）" if cont else "")
    first = td("项目", style, depth, 3) + td(corner, style, len(columns))
    second = ""
    for c in columns:
        if c in (natural.index, total.index):
            second += td(REQUEST_COLUMNS[c].label, style, rowspan=2)
        elif c == org[0]:
            second += td("法人或其他组织", style, len(org))
    third = "".join(td(REQUEST_COLUMNS[c].label, style) for c in org)
    return [first, second, third]


def _request_part(template: Template, report: Report, style: Style, word: bool, columns: list[int], cont: bool) -> str:
    marks = markers(style)
    body = _request_head(columns, style, cont)
    for i, r in enumerate(template.request_rows):
        values = report["requests"][r.key]
        cells = "".join(
            td(figure(values[c], marks.get(("requests", r.key, c), "")), style, figure=True) for c in columns
        )
        body.append(_label_cells(template, i, style) + cells)
    return _table(body, style, word)


def request_table(template: Template, report: Report, style: Style, word: bool) -> str:
    every = [c.index for c in REQUEST_COLUMNS]
    if not style.split:
        return _request_part(template, report, style, word, every, False) + note(report, style, "requests")
    first = _request_part(template, report, style, word, every[:3], False)
    second = _request_part(template, report, style, word, every[3:], True)
    return f'{first}\n<p class="unit">（续上表）</p>\n{second}' + note(report, style, "requests")


# ---------------------------------------------------------------------------------------------
# Table 四, and the tables that are not the statute's
# ---------------------------------------------------------------------------------------------


def appeal_table(report: Report, style: Style, word: bool) -> str:
    review, direct, after = APPEAL_GROUPS
    vertical = bool(style.vertical)
    marks = markers(style)
    head = [
        td(review.label, style, 5) + td(direct.parent, style, 10),
        "".join(td(f.label, style, rowspan=2, vertical=vertical) for f in APPEAL_FIELDS)
        + td(direct.label, style, 5)
        + td(after.label, style, 5),
        "".join(td(f.label, style, vertical=vertical) for f in APPEAL_FIELDS) * 2,
    ]
    figures = "".join(
        td(figure(report["appeals"][g.key][f.key], marks.get(("appeals", g.key, f.key), "")), style, figure=True)
        for g in APPEAL_GROUPS
        for f in APPEAL_FIELDS
    )
    return _table([*head, figures], style, word) + note(report, style, "appeals")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0.0%"


def channel_table(report: Report, style: Style, word: bool) -> str:
    """Applications by channel (not the statute's): the year's new applications split four ways."""
    whole = report["requests"]["new_received"][6] or 0
    rng = random.Random(f"{report['agency']}{report['year']}")
    face, post, fax = (int(whole * w * rng.uniform(0.5, 1.5)) for w in (0.2, 0.07, 0.02))
    parts = [face, whole - face - post - fax, post, fax]  # most come in online
    rows = [td("申请渠道", style) + td("数量（件）", style) + td("占比", style)]
    rows += [
        td(name, style) + td(str(n), style, figure=True) + td(_share(n, whole), style)
        for name, n in zip(CHANNELS, parts, strict=True)
    ]
    rows.append(td("合计", style) + td(str(whole), style, figure=True) + td("100%" if whole else "0.0%", style))
    return '<p class="cap">表1　政府信息公开申请渠道统计</p>\n' + _table(rows, style, word)


def compare_table(report: Report, style: Style, word: bool) -> str:
    """This year against the last (not the statute's): four headline figures and their change."""
    rng = random.Random(f"{report['year']}{report['agency']}")
    active = sum(v for row in report["active"].values() for k, v in row.items() if k in ("made", "new_made") and v)
    appeals = report["appeals"]
    now = {
        "主动公开政府信息（条）": active,
        "政府信息公开申请（件）": report["requests"]["new_received"][6] or 0,
        "行政复议案件（件）": appeals["review"]["total"] or 0,
        "行政诉讼案件（件）": (appeals["litigation_direct"]["total"] or 0)
        + (appeals["litigation_after_review"]["total"] or 0),
    }
    year = report["year"]
    rows = [td("指标", style) + td(f"{year - 1}年", style) + td(f"{year}年", style) + td("增减", style)]
    for name, n in now.items():
        before = max(0, n + rng.randint(-max(2, n // 4), max(2, n // 4)))
        rows.append(
            td(name, style)
            + td(str(before), style, figure=True)
            + td(str(n), style, figure=True)
            + td(f"{n - before:+d}", style)
        )
    return '<p class="cap">表5　主要指标与上年对比</p>\n' + _table(rows, style, word)


# ---------------------------------------------------------------------------------------------
# The document, the WeChat article and the Word original
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
    body = [
        f"<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        f"如对本报告有疑问，请与{e(agency)}联系。</p>"
    ]
    for section in SECTIONS:
        body.append(f'<p class="sec"><strong>{section.number}、{e(section.title)}</strong></p>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number == "三" and style.extra in ("channel", "both"):
            body.append(channel_table(report, style, word))
        if section.number in tables:
            body.append(tables[section.number])
        if section.number == "四" and style.extra in ("compare", "both"):
            body.append(compare_table(report, style, word))
    body.append(f'<p class="sign">{e(agency)}<br>{year + 1}年1月{(year % 9) + 15}日</p>')
    return "\n".join(f"<section>{part}</section>" if style.wechat else part for part in body)


CSS = (
    "body{font-family:-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;font-size:15px;margin:0;color:#3e3e3e;background:#fff}"
    " .rich_media{max-width:677px;margin:0 auto;padding:20px 16px} .rich_media_title{font-size:22px;line-height:1.4;margin-bottom:14px}"
    " .meta{font-size:15px;color:rgba(0,0,0,.3);margin-bottom:22px} .meta a{color:#576b95;text-decoration:none}"
    " .sec{margin-top:12px} .sign{text-align:right} .unit,.note{font-size:12px;color:#888;margin:2px 0} .cap{text-align:center;font-size:13px;font-weight:bold;margin:8px 0 2px}"
    " table.t td{border:1px solid #bbb;font-size:11px;text-align:center;padding:2px 2px;word-break:break-all}"
    " .tool{font-size:14px;color:#576b95;margin-top:24px} .tool span{margin-right:24px;color:rgba(0,0,0,.5)}"
)


def wechat(report: Report, style: Style) -> str:
    """The web page: the 微信公众号 article (the account's chrome around the report)."""
    agency, year = report["agency"], report["year"]
    account = agency.replace("人民政府办公室", "发布").replace("县", "县·", 1)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(title(report))}</title><style>{CSS}</style></head>
<body>
<div class="rich_media" id="js_article">
<h1 class="rich_media_title">{e(title(report))}</h1>
<div class="meta"><span>原创</span>　<a href="#">{e(account)}</a>　<em>{year + 1}-01-{(year % 9) + 15:02d} 09:{year % 60:02d}</em></div>
<div class="rich_media_content" id="js_content">
{article(report, style, word=False)}
</div>
<div class="tool"><a href="#">阅读原文</a>　<span>阅读 {(year * 131) % 9000 + 300}</span><span>赞</span><span>在看</span></div>
<p class="meta">微信扫一扫关注该公众号</p>
</div>
</body></html>
"""


def wechat_word(report: Report, style: Style) -> str:
    """The Word original: the document alone, ruled tables, vertical cells a character a line."""
    word_style = Style(**{**style.__dict__, "wechat": False, "vertical": "br" if style.vertical else ""})
    css = (
        "body{font-family:'FangSong','Noto Serif CJK SC',serif;font-size:12pt}"
        " .tt{text-align:center;font-size:18pt} .sign,.unit{text-align:right} .cap{text-align:center;font-weight:bold}"
        " td{font-size:9pt;text-align:center}"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>{css}</style></head>
<body>
<p class="tt">{e(title(report))}</p>
{article(report, word_style, word=True)}
</body></html>
"""
