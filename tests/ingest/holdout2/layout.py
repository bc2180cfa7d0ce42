# ruff: noqa: E501  (HTML as a portal writes it: long lines are the point)
"""A second page style none of the readers was built on: a 政府公报 (gazette) style report page.

Written for the second hold-out set (``generate.py``), apart from ``publishers/layouts.py`` and
``holdout/layout.py`` on purpose: the reader is measured on these pages before anything is changed
for them. What real reports do (``../shared/corpus/raw``) and a little beyond, chosen per report by
a ``Style``:

* tables captioned as gazettes caption them (``表一 主动公开政府信息情况``, ``附表2：…``), or not;
* table 二 as the template prints it (item rows over their header and data rows), its headers
  worded and broken over lines as offices type them (``本年新<br>制作数量``, ``采购总金额（万元）``),
  money in 万元 with two decimals in some;
* table 三's header over three rows (申请人情况 / 自然人 · 法人或其他组织 · 总计 / the five
  organisations), ``合计`` for ``总计`` in some; its labels in three merged cells, or the row's
  number (一、 二、) in a cell of its own apart from its words; numbering printed ``(一)``, ``1、``,
  ``1．`` as well as ``（一）`` ``1.``; the table cut in two with its header repeated (``续表``), or
  a ``<thead>`` the browser repeats on the next page;
* table 四 in the official three-row header, 结果维持 … broken over lines in some;
* zeros printed ``0``, ``—`` or left blank; figures with thousands separators (``12,345``);
* notes under the tables (``注：1.…；2.…``) and prose with figures between them; borders as
  ``border="1"`` (kept by LibreOffice's Word route) or CSS only (lost there).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import (
    APPEAL_FIELDS,
    APPEAL_GROUPS,
    REQUESTS_NOTE,
    SECTIONS,
    TEMPLATES,
    Template,
)
from tests.ingest.publishers.layouts import chrome_bottom, chrome_top, prose, title

Report = dict[str, Any]
CHINESE = "零一二三四五六七八九十"


@dataclass(frozen=True)
class Style:
    zero: str = "0"  # how a zero is printed: "0", "—" or "" (blank)
    thousands: bool = False  # 12,345
    caption: str = ""  # "" | "表" (表一 …) | "附表" (附表1：…)
    numbering: str = "standard"  # standard （一） 1. | ascii (一) 1. | dun 1、 | fullwidth 1．
    labels: str = "merged"  # merged: three label cells | numbered: 一、 in a cell of its own
    split: str = ""  # "" | "thead" (the browser repeats it) | "continued" (续表 with the header again)
    breaks: bool = False  # header words broken over lines
    notes: bool = False  # 注：… under the tables
    wan: bool = False  # table 二's money in 万元 with two decimals
    total: str = "总计"  # or 合计
    rules: str = "attr"  # attr: border="1" | css: borders in the style sheet only
    font: float = 10.5  # the tables' type, pt
    width: int = 680  # the text column, px
    corner: str = "note"  # table 三's corner: note (勾稽关系), blank, 项目


def e(text: str) -> str:
    return html.escape(text, quote=False)


def _broken(label: str, style: Style) -> str:
    """A header as typed into a narrow cell: broken after its first half when ``breaks``."""
    if not style.breaks or len(label) < 4 or "（" in label:
        return e(label)
    cut = (len(label) + 1) // 2
    return f"{e(label[:cut])}<br>{e(label[cut:])}"


def _figure(value: Any, style: Style, money: bool = False) -> str:
    if value is None:
        return "未知"
    if money and style.wan:
        return f"{value:,.2f}" if style.thousands else f"{value:.2f}"
    if value == 0:
        return style.zero
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        whole, _, rest = text.partition(".")
        if style.thousands:
            whole = f"{int(whole):,}"
        return whole + (f".{rest}" if rest else "")
    return f"{value:,}" if style.thousands else str(value)


def _number(number: str, style: Style) -> str:
    """Table 三's row numbering as this office types it."""
    if style.numbering == "ascii":
        return number.replace("（", "(").replace("）", ") ").replace(".", ". ")
    if style.numbering == "dun":
        return number.replace(".", "、")
    if style.numbering == "fullwidth":
        return number.replace(".", "．")
    return number


def _td(inner: str, colspan: int = 1, rowspan: int = 1, cls: str = "") -> str:
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{inner}</td>"


def _table(style: Style, head: list[str], body: list[str]) -> str:
    border = ' border="1"' if style.rules == "attr" else ""
    if style.split == "thead":
        inner = "<thead>\n" + "\n".join(head) + "\n</thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>"
    else:
        inner = "\n".join(head + body)
    return f'<table class="gb"{border} cellspacing="0" cellpadding="3" width="100%">\n{inner}\n</table>'


def caption(style: Style, n: int, text: str, continued: bool = False) -> str:
    if not style.caption:
        return '<p class="cap">续表</p>' if continued else ""
    label = f"表{CHINESE[n]}" if style.caption == "表" else f"附表{n}："
    return f'<p class="cap">{label}{"（续）" if continued else " "}{e(text)}</p>'


def active_table(template: Template, report: Report, style: Style) -> str:
    width = 1 + max(len(row.fields) for row in template.active_rows)
    rows: list[str] = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        rows.append(f"<tr>{_td(e(item), width, cls='left')}</tr>")
        fields = members[0].fields
        cells = [_td("信息内容")]
        for i, f in enumerate(fields):
            span = width - len(fields) if i == len(fields) - 1 else 1
            label = f.header
            if f.unit and style.wan:
                label = f"{f.label.split('（')[0]}（万元）"
            elif f.unit and "单位" in label:
                label = label.replace("单位：", "")
            cells.append(_td(_broken(label, style), span))
        rows.append(f"<tr>{''.join(cells)}</tr>")
        for row in members:
            values = report["active"].get(row.key, {})
            cells = [_td(e(row.label))]
            for i, f in enumerate(row.fields):
                span = width - len(row.fields) if i == len(row.fields) - 1 else 1
                value = values.get(f.key)
                if f.unit == "元" and style.wan and value is not None:
                    value = value / 10_000
                cells.append(_td(_figure(value, style, money=bool(f.unit)), span))
            rows.append(f"<tr>{''.join(cells)}</tr>")
    return _table(style, [], rows)


def request_head(style: Style) -> list[str]:
    orgs = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    corner = {"note": e(REQUESTS_NOTE), "blank": "", "项目": "项目"}[style.corner]
    return [
        f"<tr>{_td(corner, colspan=3, rowspan=3)}{_td('申请人情况', colspan=7)}</tr>",
        f"<tr>{_td('自然人', rowspan=2)}{_td(_broken('法人或其他组织', style), colspan=5)}{_td(e(style.total), rowspan=2)}</tr>",
        f"<tr>{''.join(_td(_broken(o, style)) for o in orgs)}</tr>",
    ]


def request_rows(template: Template, report: Report, style: Style) -> list[str]:
    """Table 三's body rows, labels in three merged cells (or the top number in a cell of its own)."""
    outcome = [r for r in template.request_rows if r.section]
    groups: dict[str, int] = {}
    for r in outcome:
        if r.group:
            groups[r.group] = groups.get(r.group, 0) + 1
    rows: list[str] = []
    seen_section, seen_groups = False, set()
    for r in template.request_rows:
        label = style.total if r.key == "total_processed" else r.label
        own = e(_number(r.number, style) + label)
        figures = "".join(_td(_figure(v, style)) for v in report["requests"][r.key])
        lead = ""
        if r.section:
            if not seen_section:
                seen_section = True
                lead += _td(e(r.section), rowspan=len(outcome))
            if r.group:
                if r.group not in seen_groups:
                    seen_groups.add(r.group)
                    lead += _td(e(_number(r.group[:3], style) + r.group[3:]), rowspan=groups[r.group])
                lead += _td(own, cls="left")
            else:
                lead += _td(own, colspan=2, cls="left")
        elif style.labels == "numbered":
            lead = _td(e(r.number)) + _td(e(label), colspan=2, cls="left")
        else:
            lead = _td(own, colspan=3, cls="left")
        rows.append(f"<tr>{lead}{figures}</tr>")
    return rows


def request_tables(template: Template, report: Report, style: Style, n: int, text: str) -> list[str]:
    head, rows = request_head(style), request_rows(template, report, style)
    if style.split != "continued":
        return [caption(style, n, text), _table(style, head, rows)]
    # cut where a page would: after the 不予公开 group, the header printed again over the rest
    # (a merged label cell cannot cross the cut: the section cell is printed again below it)
    cut = next(i for i, r in enumerate(template.request_rows) if r.key == "unavailable_not_held")
    first, second = rows[:cut], rows[cut:]
    section = template.request_rows[cut].section
    before = sum(1 for r in template.request_rows[:cut] if r.section)
    first = [
        row.replace(f'rowspan="{len(rows) - 3}">{e(section)}', f'rowspan="{before}">{e(section)}') for row in first
    ]
    rest = len(rows) - cut - 1  # the outcome rows left after the cut (the last row is 四、)
    second[0] = second[0].replace("<tr>", f"<tr>{_td(e(section), rowspan=rest)}", 1)
    return [
        caption(style, n, text),
        _table(style, head, first),
        '<p class="brk"></p>',
        caption(style, n, text, continued=True),
        _table(style, head, second),
    ]


def appeal_table(report: Report, style: Style) -> str:
    def label(f: Any) -> str:
        return _broken(style.total if f.key == "total" else f.label, style)

    review, direct, after = APPEAL_GROUPS
    fields = "".join(_td(label(f)) for f in APPEAL_FIELDS)
    figures = "".join(
        _td(_figure(report["appeals"][g.key][f.key], style)) for g in APPEAL_GROUPS for f in APPEAL_FIELDS
    )
    head = [
        f"<tr>{_td(e(review.label), colspan=5)}{_td(e(direct.parent), colspan=10)}</tr>",
        "<tr>"
        + "".join(_td(label(f), rowspan=2) for f in APPEAL_FIELDS)
        + f"{_td(_broken(direct.label, style), colspan=5)}{_td(e(after.label), colspan=5)}</tr>",
        f"<tr>{fields}{fields}</tr>",
    ]
    return _table(style, head, [f"<tr>{figures}</tr>"])


def _notes(style: Style, table: str, report: Report) -> str:
    if not style.notes:
        return ""
    year = report["year"]
    text = {
        "二": "注：本表统计的是本机关在门户网站主动公开的信息，不含转载上级文件。",
        "三": f"注：1.本表统计时间为{year}年1月1日至{year}年12月31日；2.同一申请人就同一事项提出的多次申请按1件统计。",
        "四": "注：行政复议、行政诉讼均为以本机关为被申请人或被告的案件。",
    }[table]
    if table == "二" and style.wan:
        text += "表中金额以万元为单位，保留两位小数。"
    if style.zero == "—" and table != "二":
        text += "表中“—”表示数量为零。"
    return f'<p class="note">{e(text)}</p>'


def _extra(report: Report, style: Style, section: str) -> list[str]:
    """Prose between the tables, numbered as this office numbers it (一是 / 1. / （一）)."""
    req = report["requests"]
    if section == "二":
        documents = report["active"]["normative_documents"]
        made = documents.get("made", documents.get("new_made")) or 1
        return [f"一是严格执行公开前保密审查制度；二是持续做好政策解读，全年发布解读材料{made}篇。"]
    if section == "三":
        lead = "1." if style.numbering in ("dun", "ascii") else "（一）"
        return [
            f"{lead}申请办理情况。本年度新收申请{req['new_received'][-1]}件，其中自然人提出{req['new_received'][0]}件；"
            f"上年结转{req['carried_over'][-1]}件。",
            "各类申请均在法定期限内答复，未发生逾期答复情况。",
        ]
    return []


def gazette(report: Report, style: Style) -> str:
    """The whole page."""
    template = TEMPLATES[report["template"]]
    text = prose(report)
    body = [
        f"<p>根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关要求，现公布{e(report['agency'])}"
        f"{report['year']}年度政府信息公开工作年度报告。本报告所列数据的统计期限自{report['year']}年1月1日起至"
        f"{report['year']}年12月31日止。如对本报告有任何疑问，请与本机关政务公开办公室联系（电话：0571-87054321）。</p>"
    ]
    n = 0
    for section in SECTIONS:
        body.append(f'<h3 class="sec">{section.number}、{e(section.title)}</h3>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number == "二":
            n += 1
            body += [
                caption(style, n, section.title),
                active_table(template, report, style),
                _notes(style, "二", report),
            ]
            body += [f"<p>{e(p)}</p>" for p in _extra(report, style, "二")]
        elif section.number == "三":
            n += 1
            body += [f"<p>{e(p)}</p>" for p in _extra(report, style, "三")]
            body += request_tables(template, report, style, n, section.title)
            body.append(_notes(style, "三", report))
        elif section.number == "四":
            n += 1
            body += [caption(style, n, section.title), appeal_table(report, style), _notes(style, "四", report)]
    site = report["agency"][:2] + "市"
    rules = "" if style.rules == "attr" else " .gb td{border:1px solid #000}"
    css = (
        f"body{{font-family:SimSun,'Noto Serif CJK SC',serif;font-size:15px}} .main{{width:{style.width}px;margin:0 auto}}"
        f" .gb{{border-collapse:collapse;margin:4px 0}} .gb td{{text-align:center;font-size:{style.font}pt;padding:2px}}{rules}"
        " .gb td.left{text-align:left} .cap{text-align:center;font-weight:bold} .note{font-size:12px}"
        " .brk{page-break-after:always} .sec{font-size:16px} .nav li{display:inline;margin:0 8px} .foot{font-size:12px;color:#666}"
    )
    main = (
        f'<div class="art"><h1 style="text-align:center;font-size:22px">{e(title(report))}</h1>'
        f'<p class="src">来源：{e(report["agency"])}　时间：{report["year"] + 1}-01-28　浏览次数：1{report["year"] % 100}3</p>'
        + "\n".join(part for part in body if part)
        + f'<p style="text-align:right">{e(report["agency"])}<br>{report["year"] + 1}年1月28日</p></div>'
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}_{e(site)}人民政府</title>
<style>{css}</style></head>
<body>
{chrome_top(report, site)}
<div class="main">{main}</div>
{chrome_bottom(report, site)}
</body></html>
"""
