# ruff: noqa: E501  (HTML as a portal writes it: long lines are the point)
"""A page style none of the readers was built on: a provincial portal's report page.

Written for the hold-out set (``generate.py``) and kept apart from ``publishers/layouts.py`` on
purpose: the reader was measured on these pages before anything was changed for them.

* table 二 as one small table per 第二十条 item, the item's name a paragraph above it, the fee
  table captioned 单位：万元;
* table 三 with a caption row ``单位：件`` inside the table (right-aligned, no border), a corner
  cell 项目, the label column ONE column in which every outcome row carries its full numbering
  (``（三）不予公开 1.属于国家秘密``), 三、本年度办理结果 as a row of its own;
* table 四 split in two tables, 行政复议 (five columns) and 行政诉讼 (未经复议直接起诉 / 复议后起诉);
* labels as some offices print them: 其它 for 其他 throughout, and optionally one label with a
  character dropped;
* a ruled metadata box (索引号, 发文机关) above the title, the only table whose rules survive
  LibreOffice's Word route (the others' borders are CSS);
* zeros printed 0, the tables' fonts 宋体 10.5pt in a 680px wide column.
"""

from __future__ import annotations

import html
from typing import Any

from gongkai.report.templates import (
    APPEAL_FIELDS,
    APPEAL_GROUPS,
    SECTIONS,
    TEMPLATES,
    Template,
)
from tests.ingest.publishers.layouts import chrome_bottom, chrome_top, prose, title

Report = dict[str, Any]


def e(text: str) -> str:
    return html.escape(text, quote=False)


def _num(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def spelled(label: str, misspell: str = "") -> str:
    """A label as this office spells it: 其它 for 其他; ``misspell`` loses a character."""
    label = label.replace("其他", "其它")
    if misspell and misspell in label:
        label = label.replace(misspell, "", 1)
    return label


def _td(text: str, colspan: int = 1, rowspan: int = 1, cls: str = "") -> str:
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{e(text)}</td>"


def _table(rows: list[str], cls: str = "tb") -> str:
    return f'<table class="{cls}" cellspacing="0" cellpadding="4">\n' + "\n".join(rows) + "\n</table>"


def active_tables(template: Template, report: Report) -> list[str]:
    out: list[str] = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        fields = members[0].fields
        money = any(f.unit == "万元" for f in fields)
        rows = [f"<tr>{_td('信息内容')}{''.join(_td(f.label) for f in fields)}</tr>"]
        for row in members:
            values = report["active"].get(row.key, {})
            rows.append(f"<tr>{_td(row.label)}{''.join(_td(_num(values.get(f.key))) for f in row.fields)}</tr>")
        out.append(f'<p class="item">{e(item)}</p>' + (' <p class="unit">单位：万元</p>' if money else ""))
        out.append(_table(rows))
    return out


def request_table(template: Template, report: Report, misspell: str) -> str:
    orgs = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    rows = [
        f"<tr>{_td('单位：件', colspan=8, cls='unit')}</tr>",
        f"<tr>{_td('项目', rowspan=3)}{_td('申请人情况', colspan=7)}</tr>",
        f"<tr>{_td('自然人', rowspan=2)}{_td(spelled('法人或其他组织'), colspan=5)}{_td('总计', rowspan=2)}</tr>",
        f"<tr>{''.join(_td(spelled(o)) for o in orgs)}</tr>",
    ]
    seen_section = False
    for r in template.request_rows:
        if r.section and not seen_section:
            seen_section = True
            rows.append(f"<tr>{_td(r.section, colspan=8, cls='left')}</tr>")
        label = f"{r.group} {r.printed}" if r.group else r.printed
        figures = "".join(_td(_num(v)) for v in report["requests"][r.key])
        rows.append(f"<tr>{_td(spelled(label, misspell), cls='left')}{figures}</tr>")
    return _table(rows)


def appeal_tables(report: Report) -> list[str]:
    review, direct, after = APPEAL_GROUPS
    fields = "".join(_td(f.label) for f in APPEAL_FIELDS)

    def figures(*groups: Any) -> str:
        return "".join(_td(_num(report["appeals"][g.key][f.key])) for g in groups for f in APPEAL_FIELDS)

    first = [f"<tr>{fields}</tr>", f"<tr>{figures(review)}</tr>"]
    second = [
        f"<tr>{_td(direct.label, colspan=5)}{_td(after.label, colspan=5)}</tr>",
        f"<tr>{fields}{fields}</tr>",
        f"<tr>{figures(direct, after)}</tr>",
    ]
    return [
        f'<p class="item">（一）{e(review.label)}情况</p>',
        _table(first),
        f'<p class="item">（二）{e(direct.parent)}情况</p>',
        _table(second),
    ]


def province(report: Report, misspell: str = "") -> str:
    """The whole page."""
    template = TEMPLATES[report["template"]]
    text = prose(report)
    body = [
        f"<p>根据《中华人民共和国政府信息公开条例》规定，特向社会公布{e(report['agency'])}{report['year']}年度政府信息公开工作年度报告。</p>"
    ]
    for section in SECTIONS:
        body.append(f'<h4 class="sec">{section.number}、{e(section.title)}</h4>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number == "二":
            body += active_tables(template, report)
        elif section.number == "三":
            body.append(request_table(template, report, misspell))
        elif section.number == "四":
            body += appeal_tables(report)
    site = report["agency"][:2] + "省"
    css = (
        "body{font-family:SimSun,'Noto Serif CJK SC',serif;font-size:14px} .main{width:680px;margin:0 auto}"
        " .tb{border-collapse:collapse;width:100%;margin:6px 0} .tb td{border:1px solid #333;text-align:center;font-size:10.5pt}"
        " .tb td.unit{border:none;text-align:right} .tb td.left{text-align:left} .item{font-weight:bold} .unit{text-align:right}"
        " .nav li{display:inline;margin:0 8px} .foot{font-size:12px;color:#666}"
    )
    meta = (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%" class="meta">'
        f"<tr><td>索 引 号</td><td>11{report['year']}0000/{report['year'] + 1}-0012</td><td>主题分类</td><td>政务公开</td></tr>"
        f"<tr><td>发文机关</td><td>{e(report['agency'])}</td><td>成文日期</td><td>{report['year'] + 1}-01-20</td></tr></table>"
    )
    main = (
        meta + f'<div class="art"><h1 style="text-align:center;font-size:20px">{e(title(report))}</h1>'
        f'<div class="meta">信息来源：{e(report["agency"])}　发布日期：{report["year"] + 1}年01月25日　【字体：大 中 小】</div>'
        + "\n".join(body)
        + "</div>"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}-{e(site)}人民政府门户网站</title>
<style>{css}</style></head>
<body>
{chrome_top(report, site)}
<div class="main">{main}</div>
{chrome_bottom(report, site)}
</body></html>
"""
