# ruff: noqa: E501  (HTML as Excel's web-page export writes it: long lines are the point)
"""A twelfth page style none of the readers was built on: a 国务院部门 / 省厅 report whose statutory
tables were made in Excel (``sheets.py``) and published as Excel's web-page export, printed to PDF.

Written for the twelfth hold-out set (``generate.py``), apart from the layouts of the other sets on
purpose: the reader is scored on these pages before anything is changed for them. What such an
office prints, chosen per report by a ``Style``:

* the tables as Excel's web-page export writes them (``x:num`` cells, ``mso-number-format`` classes,
  fixed column widths in pt, every cell boxed by 所有框线), the table's title and 单位：件 as merged
  rows inside the table, not paragraphs above it;
* Excel's number formats as shown: thousands separators, zero as ``-`` (or the accounting format's
  padded dash), or the plain ``0``;
* the print as Excel's page setup makes it: fit to one page wide (table 四's fifteen columns in type
  of a few points), table 三 and 四 on landscape pages or not, the header rows printed again on
  every page (打印标题: ``thead``), page breaks at the rows where the office broke the sheet,
  ``第 1 页，共 5 页`` in the footer, the department's name in the page header;
* the tables inline under their sections or as 附表1–3 after the signature.

The gold is the statutory cells only.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import SECTIONS
from tests.ingest.holdout12.sheets import FORMATS, Cell, Rows, grids
from tests.ingest.publishers.layouts import CAPTIONS, prose, title

Report = dict[str, Any]


@dataclass(frozen=True)
class Style:
    fmt: str = "dash"  # Excel's number format: "dash" (#,##0, zero "-") | "acct" (accounting) | "plain" (0)
    landscape: bool = False  # table 三 and 四 on landscape pages
    breaks: tuple[int, ...] = ()  # table 三 broken after these body rows (the header printed again)
    header: bool = True  # the department's name in the page header
    annex: bool = False  # the tables as 附表 after the signature
    wan: bool = False  # the 2019 template's money in 万元


def e(text: str) -> str:
    return html.escape(text, quote=False)


def _class(cell: Cell, fmt: str) -> str:
    if cell.kind in ("count", "money"):
        return "xl7" + ("1" if cell.kind == "count" else "2")
    if cell.kind == "label":
        return "xl67" if cell.bold else "xl66"
    return "xl69" if cell.bold else "xl68"


def td(cell: Cell, fmt: str) -> str:
    """A cell as Excel exports it: ``x:num`` with the number behind a figure, ``<br>`` where the
    cell's text wraps by Alt+Enter, ``rowspan`` / ``colspan`` for a merge."""
    attrs = [f"class={_class(cell, fmt)}"]
    if cell.rows > 1:
        attrs.append(f"rowspan={cell.rows}")
    if cell.cols > 1:
        attrs.append(f"colspan={cell.cols}")
    if cell.value is not None:
        attrs.append(f'x:num="{cell.value:g}"' if cell.kind == "count" else f'x:num="{cell.value:.2f}"')
    elif cell.kind == "unknown" or cell.text:
        attrs.append("x:str")
    text = "<br>".join(e(part) for part in cell.text.split("\n")).replace(" ", "&nbsp;") if cell.text else "&nbsp;"
    return f"<td {' '.join(attrs)}>{text}</td>"


def widths(number: str, columns: int, rows: Rows | None = None) -> list[float]:
    """The sheet's column widths in pt: table 三's narrow numbering column and 总计 (as narrow as its
    widest figure lets it: Excel prints ``####`` for a number wider than its cell, so the office
    widens it that far), table 二's wide label column, table 四's fifteen even."""
    if number == "三":
        widest = max((len(row[-1].text) for row in rows or () if row[-1].value is not None), default=0)
        return [22.5, 168.0] + [54.0] * (columns - 3) + [max(30.0, 6.0 * widest + 8.0)]
    if number == "二":
        return [150.0] + [96.0] * (columns - 1)
    return [54.0] * columns


def sheet_table(number: str, rows: Rows, head: int, style: Style, caption: str, window: bool = False) -> str:
    """A sheet as Excel's web page: the title and unit rows and the header rows (``thead``: the
    print titles ``$1:$5`` printed again on every page), then the body, a page break before the body
    rows of ``style.breaks``. With ``window`` the widths in % (pasted into Word and fitted to the
    window, what the office does so that the Word page does not cut the sheet)."""
    columns = sum(c.cols for c in rows[-1])
    cols = widths(number, columns, rows)
    total = sum(cols)
    if window:
        out = [
            f"<table border=1 cellpadding=0 cellspacing=0 width=100% class=t{number} style='border-collapse:collapse;width:100%'>",
            *(f" <col width={100 * w / total:.1f}%>" for w in cols),
        ]
    else:
        out = [
            f"<table border=0 cellpadding=0 cellspacing=0 width={round(total * 4 / 3)} class=t{number}"
            f" style='border-collapse:collapse;table-layout:fixed;width:{total:g}pt'>",
            *(f" <col width={round(w * 4 / 3)} style='width:{w:g}pt'>" for w in cols),
        ]
    if head:
        out.append(" <thead>")
    out.append(f" <tr height=32 style='height:24pt'><td colspan={columns} class=xl65 x:str>{e(caption)}</td></tr>")
    if number != "二":
        out.append(f" <tr height=19 style='height:14.25pt'><td colspan={columns} class=xl64 x:str>单位：件</td></tr>")
    for i, row in enumerate(rows):
        if head and i == head:
            out.append(" </thead>")
        tall = any("\n" in c.text for c in row) or any(len(c.text) > 16 for c in row)
        height = "height=38 style='height:28.5pt" if tall else "height=19 style='height:14.25pt"
        brk = ";break-before:page;page-break-before:always" if number == "三" and i - head + 1 in style.breaks else ""
        out.append(f" <tr {height}{brk}'>" + "".join(td(c, style.fmt) for c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def tables(report: Report, style: Style, window: bool = False) -> dict[str, str]:
    captions = {n: f"表{k}  {CAPTIONS[n]}" for k, n in enumerate(("二", "三", "四"), 1)}
    if style.annex:
        captions = {n: f"附表{k}  {CAPTIONS[n]}" for k, n in enumerate(("二", "三", "四"), 1)}
    return {
        number: sheet_table(number, rows, head, style, captions[number], window)
        for number, (rows, head) in grids(report, style.fmt, style.wan).items()
    }


def document(report: Report, style: Style, window: bool = False) -> str:
    """The report: title, text, the tables under their sections or as 附表 after the signature."""
    text = prose(report)
    agency, year = report["agency"], report["year"]
    printed = tables(report, style, window)
    body = [
        f'<p class="tt">{e(title(report))}</p>',
        f"<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制，全文包括总体情况、主动公开政府信息情况、"
        f"收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{e(agency)}办公厅联系。</p>",
    ]
    annexes: list[str] = []
    for section in SECTIONS:
        body.append(f'<p class="h1">{section.number}、{e(section.title)}</p>')
        body += [f"<p>{e(p)}</p>" for p in text[section.number]]
        if section.number not in printed:
            continue
        sheet = f'<div class="sheet s{section.number}">{printed[section.number]}</div>'
        if style.annex:
            body.append(f"<p>（详见附表{len(annexes) + 1}）</p>")
            annexes.append(sheet)
        else:
            body.append(sheet)
    body.append(f'<p class="sign">{e(agency)}</p>\n<p class="sign">{year + 1}年3月{(year % 9) + 10}日</p>')
    body += [f'<div class="annex">{a}</div>' for a in annexes]
    return "\n".join(body)


def number_classes(fmt: str) -> str:
    """Excel's style classes, the number formats as ``mso-number-format`` (what its export writes)."""
    count = FORMATS[(fmt, "count")].replace('"', '\\"')
    money = FORMATS[(fmt, "money")].replace('"', '\\"')
    cell = "padding:0 2pt;mso-ignore:padding;color:windowtext;font-size:10.0pt;font-family:宋体;vertical-align:middle;border:.5pt solid windowtext;white-space:normal"
    return (
        f".xl64{{{cell};border:none;text-align:right;font-size:9.0pt}}"
        f" .xl65{{{cell};border:none;text-align:center;font-size:14.0pt;font-weight:700;font-family:黑体,'Noto Sans CJK SC'}}"
        f" .xl66{{{cell};text-align:left}} .xl67{{{cell};text-align:left;font-weight:700}}"
        f" .xl68{{{cell};text-align:center}} .xl69{{{cell};text-align:center;font-weight:700}}"
        f' .xl71{{{cell};text-align:right;mso-number-format:"{count}"}}'
        f' .xl72{{{cell};text-align:right;mso-number-format:"{money}"}}'
    )


PRINTABLE = {False: 481.9, True: 756.9}  # A4's width between the margins, portrait and landscape (pt)


def zooms(report: Report, style: Style) -> dict[str, float]:
    """Each sheet's print scale: 1, or what fits its columns to the page's width."""
    out = {}
    for number, (rows, _head) in grids(report, style.fmt, style.wan).items():
        width = sum(widths(number, sum(c.cols for c in rows[-1]), rows))
        out[number] = min(1.0, PRINTABLE[style.landscape and number != "二"] / width)
    return out


def css(report: Report, style: Style) -> str:
    head = (
        f"@top-left{{content:'{report['agency']}';font-size:9pt;font-family:'Noto Sans CJK SC',sans-serif}}"
        if style.header
        else ""
    )
    foot = "@bottom-center{content:'第 ' counter(page) ' 页，共 ' counter(pages) ' 页';font-size:9pt;font-family:'Noto Sans CJK SC',sans-serif}"
    wide = "page:wide;" if style.landscape else ""
    # Excel's fit to one page wide: the whole sheet scaled down by what its width must lose
    scale = " ".join(f"div.s{n}{{zoom:{k:.3f}}}" for n, k in zooms(report, style).items())
    return (
        f"@page{{size:A4;margin:25mm 20mm 25mm 20mm;{head}{foot}}}"
        f" @page wide{{size:A4 landscape;margin:20mm 15mm 20mm 15mm;{head}{foot}}}"
        " body{font-family:'FangSong','Noto Serif CJK SC',serif;font-size:14pt;line-height:1.55;margin:0}"
        " p{text-indent:2em;margin:0} p.tt{text-align:center;text-indent:0;font-size:20pt;font-family:'Noto Sans CJK SC',sans-serif;font-weight:700;margin:16px 0}"
        " p.h1{font-family:'Noto Sans CJK SC',sans-serif} p.sign{text-align:right;padding-right:2em}"
        " div.annex{break-before:page;page-break-before:always}"
        f" div.sheet{{margin:6px 0 12px}} div.s三,div.s四{{{wide}}} div.sheet table{{margin:0 auto}}"
        f" {number_classes(style.fmt)} {scale}"
    )


def excel(report: Report, style: Style, window: bool = False) -> str:
    """The report as the department's site publishes it, its tables Excel's web-page export (with
    ``window``, the sheets as pasted into the Word original: fitted to the page's width)."""
    return f"""<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<title>{e(title(report))}</title>
<style>
<!--table
	{{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}}
{css(report, style)}
-->
</style>
</head>
<body link=blue vlink=purple>
{document(report, style, window)}
</body>
</html>
"""


def word_page(report: Report, style: Style) -> str:
    """What the office pastes into its Word original: the same page, the sheets fitted to the window."""
    return excel(report, style, window=True)
