# ruff: noqa: E501  (HTML as an old site's template writes it: long lines are the point)
"""A thirteenth page style none of the readers was built on: an old 政务 site (a table-laid page of
the 2000s, still in use) that publishes the report as preformatted text, its tables drawn with
box-drawing characters or ASCII rules (``tables.py``, ``boxes.py``), printed to PDF.

Written for the thirteenth hold-out set (``generate.py``), apart from the layouts of the other sets
on purpose: the reader is scored on these pages before anything is changed for them. What such a
site prints, chosen per report by a ``Style``:

* the tables in ``<pre>`` as text: ``┌─┬─┐│├┼┤└┴┘`` (full width) or ``+---+|``, the caption and
  单位：件 as lines of the same text, padding in spaces or full-width spaces;
* the prose in ``<p>`` paragraphs around the ``<pre>`` tables, or the whole report one ``<pre>``
  (the CMS took a .txt): paragraphs hard-wrapped at 38 characters, indented by ``　　``;
* table 三's section and group labels one character a line in narrow merged columns, or rows of
  their own; long labels wrapped in their cells; table 四's labels two or one characters a line;
* the ``<pre>`` in a monospaced CJK font, its size chosen so that the widest table fits the
  printed page (the browser's font decides how well the columns line up).

The gold is the statutory cells only.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import SECTIONS
from tests.ingest.holdout13.boxes import render, width
from tests.ingest.holdout13.tables import active_rows, appeal_rows, request_rows
from tests.ingest.publishers.layouts import CAPTIONS, prose, title

Report = dict[str, Any]


@dataclass(frozen=True)
class Style:
    ascii: bool = False  # ASCII rules (+---+|) instead of box drawing
    pad: bool = False  # padding in full-width spaces
    whole: bool = False  # the whole report one <pre> (hard-wrapped prose)
    vertical: bool = True  # table 三's section and group labels one character a line in merged columns
    label_width: int = 10  # table 三's row labels wrapped at so many characters
    appeal_per_line: int = 2  # table 四's labels so many characters a line
    wan: bool = False  # the 2019 template's money in 万元


def e(text: str) -> str:
    return html.escape(text, quote=False)


def table_texts(report: Report, style: Style) -> dict[str, str]:
    """Each statutory table as its text: caption, unit line, the drawn grid."""
    grids = {
        "二": active_rows(report, style.wan),
        "三": request_rows(report, style.vertical, style.label_width),
        "四": appeal_rows(report, style.appeal_per_line),
    }
    out = {}
    for k, (number, rows) in enumerate(grids.items(), 1):
        grid = render(rows, ascii_rules=style.ascii, fullwidth_pad=style.pad)
        rule = max(width(line) for line in grid.split("\n"))
        caption = f"表{k}  {CAPTIONS[number]}"
        centred = " " * max(0, (rule - width(caption)) // 2) + caption
        unit = "单位：件" if number != "二" else ""
        out[number] = "\n".join([centred, " " * max(0, rule - width(unit)) + unit if unit else "", grid])
    return out


def hard_wrap(paragraph: str, per_line: int = 38) -> list[str]:
    """A paragraph as a .txt has it: ``　　`` indent, broken every ``per_line`` characters."""
    text = "\u3000\u3000" + paragraph
    return [text[k : k + per_line] for k in range(0, len(text), per_line)]


def body(report: Report, style: Style) -> str:
    text = prose(report)
    tables = table_texts(report, style)
    agency, year = report["agency"], report["year"]
    signature = [agency, f"{year + 1}年3月{(year % 7) + 20}日"]
    if style.whole:
        lines = [title(report), ""]
        for section in SECTIONS:
            lines.append(f"{section.number}、{section.title}")
            for p in text[section.number]:
                lines += hard_wrap(p)
            if section.number in tables:
                lines += ["", tables[section.number], ""]
        lines += ["", *(f"{' ' * 40}{s}" for s in signature)]
        return f'<pre class="txt">{e(chr(10).join(lines))}</pre>'
    out: list[str] = []
    for section in SECTIONS:
        out.append(f"<p><b>{section.number}、{e(section.title)}</b></p>")
        out += [f"<p>　　{e(p)}</p>" for p in text[section.number]]
        if section.number in tables:
            out.append(f'<pre class="tb">{e(tables[section.number])}</pre>')
    out += [f'<p align="right">{e(s)}</p>' for s in signature]
    return "\n".join(out)


PRINTABLE_PX = 680  # A4's width between 15 mm margins at 96 px an inch


def pre_size(report: Report, style: Style) -> float:
    """The ``<pre>``'s font size in px: 12, or what fits the widest table to the printed page (a
    half-width unit is half the size in a monospaced CJK font)."""
    widest = max(width(line) for t in table_texts(report, style).values() for line in t.split("\n"))
    return min(12.0, round(2 * PRINTABLE_PX / widest - 0.05, 1))


def pre(report: Report, style: Style) -> str:
    """The report page as the old site serves it."""
    agency, year = report["agency"], report["year"]
    size = pre_size(report, style)
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(title(report))}</title>
<style type="text/css">
@page {{ size: A4; margin: 15mm; }}
body {{ margin: 0; font-size: 12px; font-family: 宋体, 'Noto Serif CJK SC', serif; }}
td {{ font-size: 12px; }}
.title {{ font-size: 18px; font-weight: bold; color: #c00; text-align: center; padding: 12px; }}
.info {{ text-align: center; color: #666; border-bottom: 1px dashed #ccc; }}
.content p {{ font-size: 14px; line-height: 24px; margin: 4px 0; }}
pre {{ font-family: NSimSun, 新宋体, 'Noto Sans Mono CJK SC', monospace; font-size: {size}px; line-height: 1.3; margin: 8px 0; white-space: pre; }}
pre.txt {{ font-size: {size}px; }}
</style>
</head>
<body>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="30" bgcolor="#1a5fa8"><font color="#ffffff"><b>{e(agency)}门户网站</b></font>　<a href="/"><font color="#ffffff">首页</font></a> | <a href="/zwgk/"><font color="#ffffff">政务公开</font></a> | <a href="/bsdt/"><font color="#ffffff">办事大厅</font></a></td></tr>
<tr><td height="24">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/xxgk/">政府信息公开</a> &gt;&gt; 年度报告</td></tr>
<tr><td class="title">{e(title(report))}</td></tr>
<tr><td class="info">发布时间：{year + 1}-03-{(year % 7) + 20:02d}　来源：{e(agency)}　浏览次数：{(year * 37) % 900 + 100}</td></tr>
<tr><td class="content">
{body(report, style)}
</td></tr>
<tr><td align="center">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
<tr><td align="center" bgcolor="#eeeeee">版权所有：{e(agency)}　技术支持：某某网络公司　建议使用IE6.0以上浏览器 1024×768分辨率</td></tr>
</table>
</body>
</html>
"""
