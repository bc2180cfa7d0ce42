# ruff: noqa: E501  (HTML as the office's template holds it: long lines are the point)
"""An eighteenth page style none of the readers was built on: a city or county agency's report
typeset as a PDF (the file the office publishes), which is all the later classes start from: the
set's point is the PDF CONVERTED BACK into an editable or web document (``generate.py``).

The page, chosen per report by a ``Style``:

* a 信息索引 box at the top (索引号, 发布机构, 生成日期, 主题分类: a small ruled table of its own);
* the title in two lines (the agency, then the year and 政府信息公开工作年度报告), the parts'
  headings in 黑体, the prose in 仿宋 with a first-line indent;
* the statutory tables ruled, their header rows shaded, the unit on the caption's line
  (``表2 … （单位：件）``), table 三's label column narrow or wide (``Style.label``: where its
  labels wrap), table 四 in one wide table or its 行政诉讼 columns in a second table under the first
  (``Style.split``);
* a running foot ``— 3 —`` and, for some, the agency's name as a running head (``Style.head``).

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
    index: str = "11330700002592/2022-00001"  # 索引号
    topic: str = "综合政务"  # 主题分类
    font: float = 10.5  # the tables' type size
    label: float = 9.0  # table 三's label column width in em (narrow: labels wrap)
    split: bool = False  # table 四's 行政诉讼 columns in a second table
    head: bool = False  # the agency's name as a running head


def _table(rows: list[str], cls: str) -> str:
    return f'<table class="{cls}">\n' + "\n".join(rows) + "\n</table>"


def index_box(report: Report, style: Style) -> str:
    year = report["year"] + 1
    day = (report["year"] % 9) + 12
    rows = [
        f"<tr>{th('索引号')}{td(style.index)}{th('主题分类')}{td(style.topic)}</tr>",
        f"<tr>{th('发布机构')}{td(report['agency'])}{th('生成日期')}{td(f'{year}-01-{day:02d}')}</tr>",
        f"<tr>{th('名称')}{td(title(report), colspan=3)}</tr>",
    ]
    return _table(rows, "idx")


def request_table(report: Report) -> str:
    template = TEMPLATES[report["template"]]
    head = [
        f"<tr>{th(REQUESTS_NOTE, colspan=3, rowspan=3)}{th('申请人情况', colspan=7)}</tr>",
        f"<tr>{th('自然人', rowspan=2)}{th('法人或其他组织', colspan=5)}{th('总计', rowspan=2)}</tr>",
        f"<tr>{''.join(th(o) for o in ORGS)}</tr>",
    ]
    return _table(head + request_body(template, report, "merged", td, lambda v, c: _num(v)), "t3")


def appeal_tables(report: Report, style: Style) -> list[str]:
    fields = "".join(th(f.label) for f in APPEAL_FIELDS)
    review, direct, after = APPEAL_GROUPS
    figures = [td(_num(report["appeals"][g.key][f.key])) for g in APPEAL_GROUPS for f in APPEAL_FIELDS]
    if not style.split:
        head = [
            f"<tr>{th(review.label, colspan=5)}{th(direct.parent, colspan=10)}</tr>",
            "<tr>"
            + "".join(th(f.label, rowspan=2) for f in APPEAL_FIELDS)
            + f"{th(direct.label, colspan=5)}{th(after.label, colspan=5)}</tr>",
            f"<tr>{fields}{fields}</tr>",
        ]
        return [_table([*head, f"<tr>{''.join(figures)}</tr>"], "t4")]
    first = [f"<tr>{th(review.label, colspan=5)}</tr>", f"<tr>{fields}</tr>", f"<tr>{''.join(figures[:5])}</tr>"]
    second = [
        f"<tr>{th(direct.parent, colspan=10)}</tr>",
        f"<tr>{th(direct.label, colspan=5)}{th(after.label, colspan=5)}</tr>",
        f"<tr>{fields}{fields}</tr>",
        f"<tr>{''.join(figures[5:])}</tr>",
    ]
    return [_table(first, "t4"), _table(second, "t4")]


def body(report: Report, style: Style) -> str:
    text = prose(report)
    template = TEMPLATES[report["template"]]
    agency, year = report["agency"], report["year"]
    active = active_rows(template, report, lambda v, c: _num(v), lambda t: t, lambda t, span: td(t, span), _num)
    tables = {
        "二": [_table(active, "t2")],
        "三": [request_table(report)],
        "四": appeal_tables(report, style),
    }
    out = [
        index_box(report, style),
        f"<h1>{e(agency)}<br>{year}年政府信息公开工作年度报告</h1>",
        f"<p>本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室关于年度报告格式的要求编制，所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>",
    ]
    for n, section in enumerate(SECTIONS, 1):
        out.append(f"<h2>{e(f'{section.number}、{section.title}')}</h2>")
        out += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number in tables:
            unit = "" if section.number == "二" else "（单位：件）"
            out.append(f'<p class="cap">{e(f"表{n - 1}  {CAPTIONS[section.number]}{unit}")}</p>')
            out += tables[section.number]
    day = (year % 9) + 12
    out.append(f'<p class="sign">{e(agency)}</p>\n<p class="sign">{year + 1}年1月{day}日</p>')
    return "\n".join(out)


def css(report: Report, style: Style) -> str:
    head = (
        f"@top-center{{content:'{report['agency']}';font-family:'Noto Serif CJK SC',serif;font-size:9pt;color:#444}}"
        if style.head
        else ""
    )
    return (
        f"@page{{size:A4;margin:25mm 22mm 22mm 24mm;{head}"
        "@bottom-center{content:'— ' counter(page) ' —';font-family:'Noto Serif CJK SC',serif;font-size:11pt}}"
        " body{font-family:'Noto Serif CJK SC',serif;font-size:13pt;line-height:1.55;margin:0}"
        " h1{font-family:'Noto Sans CJK SC',sans-serif;font-size:19pt;text-align:center;line-height:1.4;margin:14px 0}"
        " h2{font-family:'Noto Sans CJK SC',sans-serif;font-size:14pt;font-weight:normal;margin:10px 0 4px}"
        " p{text-indent:2em;margin:3px 0} p.cap{text-indent:0;text-align:center;font-weight:bold;margin-top:8px}"
        " p.sign{text-align:right}"
        f" table{{border-collapse:collapse;width:100%;font-size:{style.font}pt;line-height:1.35;margin:4px 0 8px}}"
        " td,th{border:0.8px solid #000;padding:2px 3px;text-align:center;font-weight:normal}"
        " th{background:#e8e8e8}"
        " table.idx{font-size:9pt;margin-bottom:14px} table.idx th{width:5em} table.idx td{text-align:left}"
        f" table.t3 td[colspan='3'],table.t3 td[colspan='2']{{width:{style.label}em;text-align:left}}"
    )


def agency(report: Report, style: Style) -> str:
    """The report as the office lays it out for its PDF (printed by chromium)."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{e(title(report))}</title><style>{css(report, style)}</style></head>
<body>
{body(report, style)}
</body></html>
"""


def original(report: Report, style: Style) -> str:
    """The Word original the office typed the PDF from: the same report without the page's
    running head and foot."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>body{{font-family:'Noto Serif CJK SC',serif;font-size:14pt}} table{{border-collapse:collapse;width:100%;font-size:{style.font}pt}} td,th{{border:1px solid #000;padding:2px}}</style></head>
<body>
{body(report, style)}
</body></html>
"""
