# ruff: noqa: E501  (HTML as publishers write it: long lines are the point)
"""Report pages laid out as other publishers lay them out, not as gongkai's renderer does.

Four publishers, each modelled on what real agency sites and Word files print
(``../shared/corpus/raw/shuyang-fgj-2023.html`` is one such page):

* ``wordgov``: a county site's page holding a Word export: every cell a ``<p><span>`` with inline
  fonts (仿宋_GB2312), ``width`` attributes, the official 国办 headers with merged cells (申请人情况
  over 自然人 / 法人或其他组织 with five sub-columns / 总计), table 三's three label levels in
  separate merged cells (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密), the five organisation
  columns left blank where they are zero, a metadata box (索引号, 发布机构) above the title.
* ``cms``: a modern CMS: ``<th>`` headers, CSS classes, table 三's group headings as rows of their
  own spanning the table, zeros printed as "—" in tables 二 and 四, site chrome with a view counter.
* ``plain``: an old site: ``<font face=宋体>``, ``width="95%"``, table 三's merged label cells
  unmerged (the group's name left in its first sub-row's cell: "（三）不予公开 1.属于国家秘密"),
  zero organisation cells printed "/", money with thousands separators.
* ``wps``: a WPS/Excel export: a narrow fixed-width table, large 仿宋 type (labels wrap), table 三's
  header in two rows (no 申请人情况 row), table 四's header in three rows with the note row above.

Every page carries chrome (site header, breadcrumbs, footer, related links naming other years'
reports) and prose with figures (共收到申请 N 件) around the tables.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from gongkai.report.templates import (
    APPEAL_FIELDS,
    APPEAL_GROUPS,
    REQUESTS_NOTE,
    SECTIONS,
    TABLES,
    TEMPLATES,
    Template,
)

Report = dict[str, Any]
Cell = Callable[[Any, int], str]  # (value, column) → printed text

# Each statutory table's title by its number, as the template names it (the generators' captions:
# ``表1  主动公开政府信息情况``)
CAPTIONS = {table.number: table.title for table in TABLES}


def _num(value: Any) -> str:
    if value is None:
        return "未知"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def _thousands(value: Any) -> str:
    if isinstance(value, (int, float)) and abs(value) >= 1000:
        whole = int(value)
        rest = _num(value)[len(str(whole)) :]
        return f"{whole:,}{rest}"
    return _num(value)


def e(text: str) -> str:
    return html.escape(text, quote=False)


# ---------------------------------------------------------------------------------------------
# Prose and chrome
# ---------------------------------------------------------------------------------------------


def title(report: Report) -> str:
    return f"{report['agency']}{report['year']}年政府信息公开工作年度报告"


def prose(report: Report) -> dict[str, list[str]]:
    """Paragraphs per section number, with figures the tables also print."""
    req = report["requests"]
    app = report["appeals"]
    new, over, done, fwd = (req[k][-1] for k in ("new_received", "carried_over", "total_processed", "carried_forward"))
    granted = req["granted"][-1]
    year, agency = report["year"], report["agency"]
    reviews = app["review"]["total"]
    suits = app["litigation_direct"]["total"] + app["litigation_after_review"]["total"]
    return {
        "一": [
            f"{year}年，{agency}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
            "不断完善政府信息公开工作机制，全面推进决策、执行、管理、服务、结果公开。",
            f"（一）依申请公开。全年共收到政府信息公开申请{new}件，上年结转{over}件，"
            f"已全部依法依规答复办结{done}件，其中予以公开{granted}件，结转下年度继续办理{fwd}件。",
            "（二）平台建设。持续优化政府网站信息公开专栏，及时更新栏目内容，确保信息发布准确、及时。",
        ],
        "二": ["本年度主动公开政府信息情况如下表："],
        "三": [f"本年度共收到政府信息公开申请{new}件，具体情况如下："],
        "四": [f"本年度发生政府信息公开行政复议{reviews}件，行政诉讼{suits}件。"],
        "五": [
            "一是公开内容不够全面，部分栏目更新不及时；二是工作人员业务能力有待提高。"
            f"{year + 1}年，我单位将进一步加强培训，规范公开流程，提升公开质量。",
        ],
        "六": ["本年度未收取信息处理费。无其他需要报告的事项。"],
    }


def chrome_top(report: Report, site: str) -> str:
    return f"""<div class="top"><div class="logo">{e(site)}</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进{e(site[:2])}</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/nb/">政府信息公开年报</a></div>
"""


def chrome_bottom(report: Report, site: str) -> str:
    year = report["year"]
    return f"""<div class="share">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】 字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="related"><h4>相关链接</h4><ul>
<li><a href="/nb/{year - 1}.html">{e(report["agency"])}{year - 1}年政府信息公开工作年度报告</a></li>
<li><a href="/nb/{year - 2}.html">{e(report["agency"])}{year - 2}年政府信息公开工作年度报告</a></li>
<li><a href="/xxgk/zn/">政府信息公开指南</a></li></ul></div>
<div class="foot"><p>主办单位：{e(site)}人民政府办公室　承办单位：{e(site)}大数据管理局</p>
<p>网站标识码：3213220037　ICP备案号：苏ICP备05008814号-1　公安机关备案号：32132202000123号</p>
<p>联系电话：0527-83593059　建议使用1366×768分辨率浏览</p></div>
"""


# ---------------------------------------------------------------------------------------------
# Tables, one builder per table and publisher variant
# ---------------------------------------------------------------------------------------------


def active_rows(
    template: Template,
    report: Report,
    cell: Cell,
    head: Callable[[str], str],
    td: Callable[[str, int], str],
    money: Callable[[Any], str],
) -> list[str]:
    """Table 二 as the templates print it: per 第二十条 item a spanning row, a header row
    (信息内容 + the fields) and its data rows; short rows stretch their last cell."""
    width = 1 + max(len(row.fields) for row in template.active_rows)
    rows: list[str] = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        rows.append(f"<tr>{td(head(item), width)}</tr>")
        fields = members[0].fields
        cells = [td(head("信息内容"), 1)]
        for i, f in enumerate(fields):
            span = width - len(fields) if i == len(fields) - 1 else 1
            cells.append(td(head(f.label), span))
        rows.append(f"<tr>{''.join(cells)}</tr>")
        for row in members:
            values = report["active"].get(row.key, {})
            cells = [td(row.label, 1)]
            for i, f in enumerate(row.fields):
                span = width - len(row.fields) if i == len(row.fields) - 1 else 1
                value = values.get(f.key)
                text = money(value) if f.kind == "money" else cell(value, -1)
                cells.append(td(text, span))
            rows.append(f"<tr>{''.join(cells)}</tr>")
    return rows


ORGS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")  # 法人或其他组织's five columns


def request_header(td: Callable[..., str], with_corner: bool) -> list[str]:
    """Table 三's column header: 申请人情况 over 自然人 / 法人或其他组织 (five) / 总计."""
    sub = "".join(td(o) for o in ORGS)
    if with_corner:
        return [
            f"<tr>{td(REQUESTS_NOTE, colspan=3, rowspan=3)}{td('申请人情况', colspan=7)}</tr>",
            f"<tr>{td('自然人', rowspan=2)}{td('法人或其他组织', colspan=5)}{td('总计', rowspan=2)}</tr>",
            f"<tr>{sub}</tr>",
        ]
    return [
        f"<tr>{td(REQUESTS_NOTE, colspan=3, rowspan=2)}{td('自然人', rowspan=2)}{td('法人或其他组织', colspan=5)}"
        f"{td('总计', rowspan=2)}</tr>",
        f"<tr>{sub}</tr>",
    ]


def request_body(template: Template, report: Report, style: str, td: Callable[..., str], cell: Cell) -> list[str]:
    """Table 三's rows. ``style``: ``merged`` (three label levels in rowspan cells), ``headings``
    (a group's name as a spanning row of its own), ``unmerged`` (the group's name left in the cell
    of its first sub-row)."""
    rows: list[str] = []
    outcome_rows = [r for r in template.request_rows if r.section]
    groups: dict[str, int] = {}
    for r in outcome_rows:
        if r.group:
            groups[r.group] = groups.get(r.group, 0) + 1
    seen_section = False
    seen_groups: set[str] = set()
    for r in template.request_rows:
        values = report["requests"][r.key]
        figures = "".join(td(cell(v, c)) for c, v in enumerate(values))
        own = f"{r.number}{r.label}"
        if style == "merged":
            lead = ""
            if r.section and not seen_section:
                seen_section = True
                lead += td(r.section, rowspan=len(outcome_rows))
            if r.group:
                if r.group not in seen_groups:
                    seen_groups.add(r.group)
                    lead += td(r.group, rowspan=groups[r.group])
                lead += td(own)
            else:
                lead += td(own, colspan=2 if r.section else 3)
            rows.append(f"<tr>{lead}{figures}</tr>")
        elif style == "headings":
            if r.section and not seen_section:
                seen_section = True
                rows.append(f"<tr>{td(r.section, colspan=10)}</tr>")
            if r.group and r.group not in seen_groups:
                seen_groups.add(r.group)
                rows.append(f"<tr>{td(r.group, colspan=10)}</tr>")
            rows.append(f"<tr>{td(own, colspan=3)}{figures}</tr>")
        else:  # unmerged
            parts = []
            if r.section and not seen_section:
                seen_section = True
                parts.append(r.section)
            if r.group and r.group not in seen_groups:
                seen_groups.add(r.group)
                parts.append(r.group)
            parts.append(own)
            rows.append(f"<tr>{td(' '.join(parts), colspan=3)}{figures}</tr>")
    return rows


def appeal_rows(report: Report, td: Callable[..., str], cell: Cell) -> list[str]:
    """Table 四 as the official three-row header and one row of fifteen figures."""
    fields = "".join(td(f.label) for f in APPEAL_FIELDS)
    review, direct, after = APPEAL_GROUPS
    figures = "".join(td(cell(report["appeals"][g.key][f.key], -1)) for g in APPEAL_GROUPS for f in APPEAL_FIELDS)
    return [
        f"<tr>{td(review.label, colspan=5)}{td(direct.parent, colspan=10)}</tr>",
        "<tr>"
        + "".join(td(f.label, rowspan=2) for f in APPEAL_FIELDS)
        + f"{td(direct.label, colspan=5)}{td(after.label, colspan=5)}</tr>",
        f"<tr>{fields}{fields}</tr>",
        f"<tr>{figures}</tr>",
    ]


# ---------------------------------------------------------------------------------------------
# The publishers
# ---------------------------------------------------------------------------------------------


def _attrs(colspan: int = 1, rowspan: int = 1) -> str:
    return (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")


def td(text: str, colspan: int = 1, rowspan: int = 1) -> str:
    """A plain table cell, its text escaped (the hold-out sets' pages style their cells by CSS)."""
    return f"<td{_attrs(colspan, rowspan)}>{e(text)}</td>"


def th(text: str, colspan: int = 1, rowspan: int = 1) -> str:
    return f"<th{_attrs(colspan, rowspan)}>{e(text)}</th>"


def wordgov(report: Report) -> str:
    template = TEMPLATES[report["template"]]
    font = "font-family:仿宋_GB2312;font-size:12.0pt"

    def td(text: str, colspan: int = 1, rowspan: int = 1) -> str:
        inner = e(text) if text else "<o:p>&nbsp;</o:p>"
        return (
            f'<td{_attrs(colspan, rowspan)} width="{43 * colspan}" valign="center" style="border:solid windowtext 1.0pt">'
            f'<p class="MsoNormal" align="center" style="text-align:center"><span style="{font}">{inner}</span></p></td>'
        )

    def cell(value: Any, column: int) -> str:
        return "" if value == 0 and 1 <= column <= 5 else _num(value)

    def para(text: str, heading: bool = False) -> str:
        face = "黑体" if heading else "仿宋_GB2312"
        return (
            f'<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt"><span style="font-family:{face};'
            f'font-size:16.0pt">{e(text)}</span></p>'
        )

    def table(rows: list[str]) -> str:
        return (
            '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="640" '
            'style="border-collapse:collapse;border:none">\n' + "\n".join(rows) + "\n</table>"
        )

    text = prose(report)
    body: list[str] = [
        para(
            f"根据《中华人民共和国政府信息公开条例》要求，现向社会公布{report['agency']}"
            f"{report['year']}年度政府信息公开工作年度报告。本报告所列数据的统计期限自{report['year']}年1月1日起至"
            f"{report['year']}年12月31日止。"
        )
    ]
    for section in SECTIONS:
        body.append(para(f"{section.number}、{section.title}", heading=True))
        body += [para(p) for p in text[section.number]]
        if section.number == "二":
            body.append(table(active_rows(template, report, cell, lambda t: t, lambda t, span: td(t, span), _num)))
        elif section.number == "三":
            body.append(table(request_header(td, True) + request_body(template, report, "merged", td, cell)))
        elif section.number == "四":
            body.append(table(appeal_rows(report, td, cell)))
    site = report["agency"][:3]
    meta = f"""<table class="table_content"><tr><td>名称</td><td colspan="3">{e(title(report))}</td></tr>
<tr><td>索引号</td><td>014314799/{report["year"] + 1}-00002</td><td>分类</td><td>信息公开年报</td></tr>
<tr><td>发布机构</td><td>{e(report["agency"])}</td><td>公开日期</td><td>{report["year"] + 1}-01-17</td></tr></table>"""
    return _page(
        report,
        site,
        meta
        + f'<h1 class="article-title">{e(title(report))}</h1>\n<div class="WordSection1">'
        + "\n".join(body)
        + "</div>",
        "body{font-family:'Microsoft YaHei'} .table_content td{border:1px solid #ccc}",
    )


def cms(report: Report) -> str:
    template = TEMPLATES[report["template"]]

    def td(text: str, colspan: int = 1, rowspan: int = 1) -> str:
        return f"<td{_attrs(colspan, rowspan)}>{e(text)}</td>"

    def th(text: str, colspan: int = 1, rowspan: int = 1) -> str:
        return f"<th{_attrs(colspan, rowspan)}>{e(text)}</th>"

    def dash(value: Any, column: int) -> str:
        return "—" if value == 0 else _num(value)

    def plain(value: Any, column: int) -> str:
        return _num(value)

    def table(rows: list[str], cls: str) -> str:
        return f'<table class="{cls}" cellspacing="0">\n' + "\n".join(rows) + "\n</table>"

    text = prose(report)
    body: list[str] = [
        f"<p>本报告根据《中华人民共和国政府信息公开条例》编制，统计时限为{report['year']}年1月1日至12月31日。</p>"
    ]
    for section in SECTIONS:
        body.append(f"<h3>{section.number}、{e(section.title)}</h3>")
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number == "二":
            body.append(
                table(
                    active_rows(
                        template,
                        report,
                        dash,
                        lambda t: t,
                        lambda t, span: td(t, span),
                        lambda v: "—" if v == 0 else _num(v),
                    ),
                    "gk-table t2",
                )
            )
        elif section.number == "三":
            body.append(
                table(request_header(th, True) + request_body(template, report, "headings", td, plain), "gk-table t3")
            )
        elif section.number == "四":
            rows = appeal_rows(report, td, dash)
            body.append(table(rows, "gk-table t4"))
    site = report["agency"][:4]
    main = (
        f'<div class="article"><h2 class="title">{e(title(report))}</h2>'
        f'<div class="info">发布时间：{report["year"] + 1}-01-28 10:12　来源：{e(report["agency"])}　浏览次数：2318</div>'
        f'<div class="content">' + "\n".join(body) + "</div></div>"
    )
    css = (
        "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:15px} .gk-table{border-collapse:collapse;width:100%}"
        ".gk-table td,.gk-table th{border:1px solid #999;padding:6px;text-align:center}"
        ".gk-table th{background:#eef3fa;font-weight:bold}"
    )
    return _page(report, site, main, css)


def plain(report: Report) -> str:
    template = TEMPLATES[report["template"]]

    def td(text: str, colspan: int = 1, rowspan: int = 1) -> str:
        return f'<td{_attrs(colspan, rowspan)} align="center"><font face="宋体" size="2">{e(text)}</font></td>'

    def slash(value: Any, column: int) -> str:
        return "/" if value == 0 and 1 <= column <= 5 else _num(value)

    def table(rows: list[str]) -> str:
        return (
            '<table width="95%" border="1" cellspacing="0" cellpadding="3" bordercolor="#000000" align="center">\n'
            + "\n".join(rows)
            + "\n</table>"
        )

    text = prose(report)
    body: list[str] = []
    for section in SECTIONS:
        body.append(f'<p><font face="黑体" size="3"><b>{section.number}、{e(section.title)}</b></font></p>')
        body += [f'<p>　　<font face="宋体" size="3">{e(p)}</font></p>' for p in text[section.number]]
        if section.number == "二":
            body.append(
                table(active_rows(template, report, slash, lambda t: t, lambda t, span: td(t, span), _thousands))
            )
        elif section.number == "三":
            body.append(table(request_header(td, True) + request_body(template, report, "unmerged", td, slash)))
        elif section.number == "四":
            body.append(table(appeal_rows(report, td, slash)))
    site = report["agency"][:3]
    main = (
        f'<center><font size="5" face="黑体">{e(title(report))}</font></center><br>'
        + "\n".join(body)
        + f'<p align="right"><font face="宋体">{e(report["agency"])}<br>{report["year"] + 1}年1月20日</font></p>'
    )
    return _page(report, site, main, "body{font-family:SimSun,'Noto Serif CJK SC',serif}")


def wps(report: Report) -> str:
    template = TEMPLATES[report["template"]]
    font = "font-family:仿宋,FangSong,'Noto Serif CJK SC';font-size:16px"

    def td(text: str, colspan: int = 1, rowspan: int = 1) -> str:
        return f'<td{_attrs(colspan, rowspan)} style="{font};border:0.5pt solid #000">{e(text)}</td>'

    def cell(value: Any, column: int) -> str:
        return _num(value)

    def table(rows: list[str]) -> str:
        return (
            '<table style="width:560px;table-layout:fixed;border-collapse:collapse" border="0" cellpadding="0">\n'
            + "\n".join(rows)
            + "\n</table>"
        )

    text = prose(report)
    body: list[str] = []
    for section in SECTIONS:
        body.append(f'<p style="{font};font-weight:bold">{section.number}、{e(section.title)}</p>')
        body += [f'<p style="{font};text-indent:2em">{e(p)}</p>' for p in text[section.number]]
        if section.number == "二":
            body.append(table(active_rows(template, report, cell, lambda t: t, lambda t, span: td(t, span), _num)))
        elif section.number == "三":
            body.append(table(request_header(td, False) + request_body(template, report, "merged", td, cell)))
        elif section.number == "四":
            body.append(table(appeal_rows(report, td, cell)))
    site = report["agency"][:3]
    main = f'<p style="{font};text-align:center;font-size:22px">{e(title(report))}</p>' + "\n".join(body)
    return _page(report, site, main, "")


def _page(report: Report, site: str, main: str, css: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(report))}_{e(site)}人民政府</title>
<style>{css} .nav li{{display:inline;margin:0 8px}} .foot{{font-size:12px;color:#666}}</style>
<script>var _hmt = _hmt || []; (function(){{var v = 2024;}})();</script></head>
<body>
{chrome_top(report, site)}
<div class="main">{main}</div>
{chrome_bottom(report, site)}
</body></html>
"""


PUBLISHERS: dict[str, Callable[[Report], str]] = {"wordgov": wordgov, "cms": cms, "plain": plain, "wps": wps}
# The publishers whose pages are also opened in LibreOffice and saved as Word, then printed from Word.
WORD_ROUTE = ("wordgov", "wps")
