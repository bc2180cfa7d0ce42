# ruff: noqa: E501  (HTML as a city's CMS prints it: long lines are the point)
"""A tenth page style none of the readers was built on: a 市 / 区 人民政府办公室's main report page
that adds NON-STATUTORY comparison material inside the statutory tables, and the Word original.

Written for the tenth hold-out set (``generate.py``), apart from the layouts of the other sets on
purpose: the reader is scored on these pages before anything is changed for them. What such an
office prints and the other nine sets do not, chosen per report by a ``Style``:

* table 二 with extra columns beside the template's: 上年数 and 增减 (``+12`` / ``-3``) or 同比
  (``12.5%`` / ``-3.2%``), compared with the row's last figure;
* table 三 with an extra 占比 column after 总计 (each row's share of the 本年新收 or 总计 figure) or
  an extra 占比 row under 一、本年新收 (each applicant column's share);
* table 四 with a 年度 column and an extra row 上年 (last year's fifteen figures) or 同比
  (percentages, ``—`` where last year had none) under the figures;
* footnote markers on labels (``注1``, ``①``, ``*``) and the notes under the tables, with figures
  in them (``注2：上年数据摘自2022年度报告``);
* a table broken across pages as the office's Word file breaks it: the first part, a 续表 caption
  (``续表`` / ``表2（续）`` / ``续表2``) on the next page and the header rows repeated above the
  rest, the merged section and group labels printed again;
* the portal's chrome: 信息公开目录 metadata table (索引号, 信息分类, 发布机构, 生成日期, 有效性),
  字号 switch, 打印 / 关闭, 扫一扫在手机打开当前页;
* the Word original (``office_word``): the document alone, ruled tables, and (``finish_word``)
  table 三 in a landscape section of its own.

The gold is the statutory cells only: none of the comparison material is in it.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.report.templates import (
    ACTIVE_CORNER,
    APPEAL_FIELDS,
    APPEAL_GROUPS,
    ORGANISATION_GROUP,
    REQUEST_COLUMNS,
    REQUESTS_CORNER,
    SECTIONS,
    TEMPLATES,
    Kind,
    RequestRow,
    Template,
)
from tests.ingest.publishers.layouts import CAPTIONS, prose, title

Report = dict[str, Any]
MARKS = {"note": ("注1", "注2", "注3"), "circled": ("①", "②", "③"), "star": ("*", "**", "***")}


@dataclass(frozen=True)
class Style:
    active_extra: str = ""  # table 二: "prior" (上年数 · 增减) | "yoy" (上年数 · 同比) | ""
    share: str = ""  # table 三: "column" (占比 after 总计) | "row" (占比 under 一、本年新收) | ""
    appeal_extra: str = ""  # table 四: "prior" (a 上年 row) | "yoy" (a 同比 row) | ""
    marks: str = ""  # footnote markers on labels: "note" (注1) | "circled" (①) | "star" (*) | ""
    split: int = 0  # table 三 continued after this many body rows (0: in one piece)
    continued: str = "续表"  # the continuation's caption: 续表 | 表2（续） | 续表2
    landscape: bool = False  # the Word original's table 三 in a landscape section


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


Rows = list[list[Cell]]


def e(text: str) -> str:
    return html.escape(text, quote=False)


def figure(value: Any, money: bool = False) -> str:
    if value is None:
        return "未知"
    return f"{value:.2f}" if money else str(value)


def percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def prior(report: Report, key: str, value: float, money: bool = False) -> float:
    """Last year's figure as the office copies it from last year's report (drawn, not statutory)."""
    rng = random.Random(f"{report['agency']}{report['year']}{key}")
    if money:
        return round(value * rng.uniform(0.6, 1.4), 2)
    return max(0, int(value) + rng.randint(-max(3, int(value) // 4), max(3, int(value) // 4)))


def change(now: float, before: float, how: str, money: bool = False) -> str:
    if how == "yoy":
        return percent(now - before, before) if before else "—"
    diff = round(now - before, 2) if money else int(now - before)
    return f"+{diff}" if diff > 0 else str(diff)


def marked(label: str, style: Style, which: int) -> str:
    return label + MARKS[style.marks][which] if style.marks else label


# ---------------------------------------------------------------------------------------------
# The three statutory tables as rows of cells, the comparison material inside them
# ---------------------------------------------------------------------------------------------


def active_rows(template: Template, report: Report, style: Style) -> Rows:
    extra = 2 if style.active_extra else 0
    width = 1 + max(len(row.fields) for row in template.active_rows)
    rows: Rows = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        fields = members[0].fields
        rows.append([Cell(item, width + extra)])
        last = width - len(fields)
        head = [Cell(ACTIVE_CORNER)] + [
            Cell(f.header, last if i == len(fields) - 1 else 1) for i, f in enumerate(fields)
        ]
        if extra:
            head += [Cell("上年数"), Cell("增减" if style.active_extra == "prior" else "同比")]
        rows.append(head)
        for r in members:
            label = marked(r.label, style, 0) if r.key in ("licensing", "fees") else r.label
            line = [Cell(label)]
            values = [report["active"].get(r.key, {}).get(f.key) for f in r.fields]
            for i, f in enumerate(r.fields):
                span = width - len(r.fields) if i == len(r.fields) - 1 else 1
                line.append(Cell(figure(values[i], f.kind is Kind.MONEY), span))
            if extra:
                now, money = values[-1], r.fields[-1].kind is Kind.MONEY
                if now is None or r.fields[-1].kind is Kind.CHANGE:
                    line += [Cell("—"), Cell("—")]
                else:
                    before = prior(report, r.key, now, money)
                    line += [Cell(figure(before, money)), Cell(change(now, before, style.active_extra, money))]
            rows.append(line)
    return rows


def request_head(style: Style) -> Rows:
    natural, total = REQUEST_COLUMNS[0], REQUEST_COLUMNS[-1]
    orgs = REQUEST_COLUMNS[1:-1]
    share = [Cell("占比", rowspan=3)] if style.share == "column" else []
    return [
        [Cell("项目", 3, 3), Cell(REQUESTS_CORNER, len(REQUEST_COLUMNS)), *share],
        [Cell(natural.label, rowspan=2), Cell(ORGANISATION_GROUP, len(orgs)), Cell(total.label, rowspan=2)],
        [Cell(c.label) for c in orgs],
    ]


def request_label(r: RequestRow, style: Style) -> str:
    if r.key == "new_received":
        return marked(r.printed, style, 1)
    if r.key == "total_processed":
        return marked(r.printed, style, 2)
    return r.printed


def request_body(part: tuple[RequestRow, ...], report: Report, style: Style) -> Rows:
    """Rows of table 三 (a part of them: the merged labels span within the part, as a 续表 prints
    them again)."""
    requests = report["requests"]
    new, done = requests["new_received"][-1], requests["total_processed"][-1]
    rows: Rows = []
    for i, r in enumerate(part):
        line: list[Cell] = []
        if not r.section:
            line.append(Cell(request_label(r, style), 3))
        else:
            if i == 0 or not part[i - 1].section:
                line.append(Cell(r.section, rowspan=sum(1 for x in part if x.section)))
            if not r.group:
                line.append(Cell(request_label(r, style), 2))
            else:
                if i == 0 or part[i - 1].group != r.group:
                    line.append(Cell(r.group, rowspan=sum(1 for x in part if x.group == r.group)))
                line.append(Cell(r.printed))
        values = requests[r.key]
        line += [Cell(figure(v)) for v in values]
        if style.share == "column":
            line.append(Cell(percent(values[-1], done if r.section else new) if r.key != "carried_over" else "—"))
        rows.append(line)
        if r.key == "new_received" and style.share == "row":
            rows.append([Cell("其中：占比", 3)] + [Cell(percent(v, new)) for v in values])
    return rows


def appeal_rows(report: Report, style: Style) -> Rows:
    appeals = report["appeals"]
    review, direct, after = APPEAL_GROUPS
    n = len(APPEAL_FIELDS)
    lead = [Cell("年度", rowspan=3)] if style.appeal_extra else []
    rows: Rows = [
        [*lead, Cell(review.label, n), Cell(direct.parent, 2 * n)],
        [Cell(f.label, rowspan=2) for f in APPEAL_FIELDS] + [Cell(direct.label, n), Cell(after.label, n)],
        [Cell(f.label) for f in APPEAL_FIELDS] * 2,
    ]
    now = [appeals[g.key][f.key] for g in APPEAL_GROUPS for f in APPEAL_FIELDS]
    rows.append(([Cell(f"{report['year']}年")] if style.appeal_extra else []) + [Cell(figure(v)) for v in now])
    if style.appeal_extra:
        before = [prior(report, f"appeal{i}", v) if v else 0 for i, v in enumerate(now)]
        if style.appeal_extra == "prior":
            rows.append([Cell(f"{report['year'] - 1}年")] + [Cell(figure(v)) for v in before])
        else:
            rows.append(
                [Cell("同比")] + [Cell(percent(a - b, b) if b else "—") for a, b in zip(now, before, strict=True)]
            )
    return rows


def notes(section: str, report: Report, style: Style) -> list[str]:
    """The notes the office prints under a table: the markers explained, the comparison sourced."""
    year = report["year"]
    out: list[str] = []
    if section == "二":
        if style.marks:
            out.append(f"{MARKS[style.marks][0]}：含市级部门委托下放事项，统计口径与{year - 1}年一致。")
        if style.active_extra:
            how = "增减=本年数-上年数" if style.active_extra == "prior" else "同比=（本年数-上年数）÷上年数×100%"
            out.append(f"注：上年数摘自{year - 1}年度报告，{how}。")
    if section == "三":
        if style.marks:
            out.append(f"{MARKS[style.marks][1]}：本年新收申请含通过网络、信函、当面等3种渠道提交的申请。")
            out.append(f"{MARKS[style.marks][2]}：总计为第（一）至第（六）项之和。")
        if style.share:
            base = "本年新收申请数量" if style.share == "row" else "本年新收或办理总计数量"
            out.append(f"注：占比为该项数量占{base}的百分比，保留1位小数。")
    if section == "四" and style.appeal_extra:
        out.append(f"注：{year - 1}年数据摘自上年度报告，仅供对比参考。")
    return out


# ---------------------------------------------------------------------------------------------
# Ruled tables, the document, the portal page and the Word original
# ---------------------------------------------------------------------------------------------


def ruled(rows: Rows, head: int = 0) -> str:
    """A ruled table; its first ``head`` rows in a ``<thead>``."""

    def tr(row: list[Cell]) -> str:
        cells = "".join(
            "<td"
            + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
            + f">{e(c.text)}</td>"
            for c in row
        )
        return f"<tr>{cells}</tr>"

    out = ['<table class="bg" border="1" cellspacing="0" cellpadding="2" width="100%">']
    if head:
        out += ["<thead>", *(tr(r) for r in rows[:head]), "</thead>", "<tbody>"]
    out += [tr(r) for r in rows[head:]]
    if head:
        out.append("</tbody>")
    return "\n".join(out) + "\n</table>"


def table_three(template: Template, report: Report, style: Style) -> str:
    every = template.request_rows
    head = request_head(style)
    if not style.split or style.split >= len(every):
        return ruled(head + request_body(every, report, style), len(head))
    first, rest = every[: style.split], every[style.split :]
    return (
        ruled(head + request_body(first, report, style), len(head))
        + f'\n<p class="cont" style="break-before:page;page-break-before:always">{e(style.continued)}</p>\n'
        + ruled(head + request_body(rest, report, style), len(head))
    )


def article(report: Report, style: Style) -> str:
    template = TEMPLATES[report["template"]]
    text = prose(report)
    agency, year = report["agency"], report["year"]
    tables = {
        "二": ruled(active_rows(template, report, style)),
        "三": table_three(template, report, style),
        "四": ruled(appeal_rows(report, style)),
    }
    body = [
        f"<p>根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息公开办公室有关要求，{e(agency)}编制了{year}年政府信息公开工作年度报告。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{e(agency)}办公室联系。</p>"
    ]
    for n, section in enumerate(SECTIONS, 1):
        body.append(f'<p class="h"><strong>{section.number}、{e(section.title)}</strong></p>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number in tables:
            body.append(f'<p class="cap">表{n - 1}　{CAPTIONS[section.number]}</p>')
            body.append(tables[section.number])
            body += [f'<p class="note">{e(note)}</p>' for note in notes(section.number, report, style)]
    body.append(f'<p class="sign">{e(agency)}<br>{year + 1}年1月{(year % 9) + 18}日</p>')
    return "\n".join(body)


CSS = (
    "body{font-family:'SimSun','Noto Serif CJK SC',serif;font-size:16px;margin:0;color:#222}"
    " .top{background:#0b4f9c;color:#fff;padding:12px 40px;font-size:22px} .nav{background:#e9f0f8;padding:6px 40px;font-size:13px}"
    " .main{width:1000px;margin:0 auto;padding:16px 30px} .meta{width:100%;border-collapse:collapse;font-size:12px;margin:8px 0 14px}"
    " .meta td{border:1px solid #cfdbe8;padding:4px 8px} .meta td.k{background:#f2f6fb;width:12%}"
    " .tt{text-align:center;font-size:22px;font-weight:bold;margin:14px 0} .info{text-align:center;font-size:13px;color:#777}"
    " p{line-height:1.8;text-indent:2em;margin:4px 0} p.h{text-indent:0;margin-top:12px} p.cap,p.cont{text-align:center;text-indent:0;font-weight:bold}"
    " p.note{font-size:13px;text-indent:0;color:#444} .sign{text-align:right}"
    " table.bg{border-collapse:collapse;margin:6px 0} table.bg td{border:1px solid #000;font-size:12px;text-align:center;padding:2px}"
    " thead{display:table-header-group} .tools{text-align:right;font-size:13px;margin-top:16px} .qr{font-size:12px;color:#888;text-align:right}"
    " .foot{border-top:3px solid #0b4f9c;font-size:12px;color:#666;text-align:center;padding:12px}"
)


def office(report: Report, style: Style) -> str:
    """The web page: the 市 / 区 portal's 政府信息公开 article with its metadata table and chrome."""
    agency, year = report["agency"], report["year"]
    city = agency.split("市", 1)[0] + "市"
    day = (year % 9) + 18
    index = f"{(year * 4391) % 1000000:06d}-{year + 1}-{(year * 53) % 9000 + 1000}"
    meta = (
        f'<table class="meta"><tr><td class="k">索引号</td><td>{index}</td><td class="k">信息分类</td><td>政府信息公开年报</td></tr>'
        f'<tr><td class="k">发布机构</td><td>{e(agency)}办公室</td><td class="k">生成日期</td><td>{year + 1}-01-{day}</td></tr>'
        f'<tr><td class="k">名称</td><td colspan="3">{e(title(report))}</td></tr>'
        f'<tr><td class="k">文号</td><td></td><td class="k">有效性</td><td>有效</td></tr></table>'
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{e(title(report))}-{e(city)}人民政府</title><style>{CSS}</style></head>
<body>
<div class="top">{e(city)}人民政府</div>
<div class="nav">首页 | 政务公开 | 政务服务 | 互动交流 | 走进{e(city)}　　当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="main">
{meta}
<div class="tt">{e(title(report))}</div>
<div class="info">发布时间：{year + 1}-01-{day}　来源：{e(agency)}办公室　【字号：大 中 小】</div>
<div class="content">
{article(report, style)}
</div>
<div class="tools">【打印】　【关闭】</div>
<div class="qr">扫一扫在手机打开当前页</div>
</div>
<div class="foot">主办：{e(city)}人民政府办公室　承办：{e(city)}大数据中心　ICP备{(year * 97) % 90000 + 10000}号</div>
</body></html>
"""


def office_word(report: Report, style: Style) -> str:
    """The Word original the office keeps: the document alone, ruled tables."""
    css = (
        "body{font-family:'FangSong','Noto Serif CJK SC',serif;font-size:12pt}"
        " .tt{text-align:center;font-size:18pt} .sign{text-align:right} .cap,.cont{text-align:center;font-weight:bold}"
        " td{font-size:9pt;text-align:center} .note{font-size:10pt}"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}</title>
<style>{css}</style></head>
<body>
<p class="tt">{e(title(report))}</p>
{article(report, style)}
</body></html>
"""


def finish_word(path: Path, style: Style) -> None:
    """Put section 三 (its heading, text, table 三 and notes) in a landscape section of its own, as
    an office does for a wide table: a section break before its heading and before section 四's."""
    if not style.landscape:
        return
    from copy import deepcopy

    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    body_sect = document.sections[-1]._sectPr
    starts = {
        "三": next(p for p in document.paragraphs if p.text.startswith("三、收到和处理")),
        "四": next(p for p in document.paragraphs if p.text.startswith("四、")),
    }
    for number, landscape in (("三", False), ("四", True)):
        sect = deepcopy(body_sect)
        size = sect.find(qn("w:pgSz"))
        width, height = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
        if landscape:
            size.set(qn("w:w"), str(max(width, height)))
            size.set(qn("w:h"), str(min(width, height)))
            size.set(qn("w:orient"), "landscape")
        breaker = starts[number].insert_paragraph_before()
        breaker._p.get_or_add_pPr().append(sect)
    document.save(str(path))
