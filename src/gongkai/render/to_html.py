"""The report as one standalone HTML page: styles inside, charts embedded, fit for printing on A4."""

from __future__ import annotations

import base64
from html import escape

from .compose import CHARTS_HEADING, FINDINGS_HEADING, FINDINGS_INTRO, Chart, Composition, Part
from .layout import GridCell, GridTable, Role

# Government documents print their body in 仿宋 and headings in 黑体; Noto CJK (Debian's
# fonts-noto-cjk) is the fallback where those are not installed.
_CSS = """
:root { --ink: #111; --rule: #333; --muted: #555; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f4f1; color: var(--ink);
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC",
    "Source Han Serif SC", "SimSun", serif;
  font-size: 16px; line-height: 1.75; }
main.report { max-width: 210mm; margin: 1.5rem auto; padding: 18mm 18mm 22mm; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1, h2, .item { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC",
  "Microsoft YaHei", sans-serif; font-weight: bold; }
h1 { font-size: 1.55rem; text-align: center; line-height: 1.5; margin: 0 0 1.5rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; break-after: avoid; page-break-after: avoid; }
p { margin: .35rem 0; text-indent: 2em; text-align: justify; }
p.signature { text-align: right; text-indent: 0; margin-top: 2rem; }
.table-wrap { overflow-x: auto; margin: .8rem 0 .4rem; }
table.statutory { width: 100%; border-collapse: collapse; table-layout: fixed;
  font-family: "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 13px; line-height: 1.35; }
table.statutory th, table.statutory td { border: 1px solid var(--rule); padding: 3px 4px;
  vertical-align: middle; text-align: center; word-break: break-all; }
table.statutory th { font-weight: normal; }
table.statutory th.label { text-align: left; }
table.statutory th.item { text-align: left; font-weight: bold; background: #f2f2ee; }
table.statutory th.note { font-size: 12px; }
table.statutory td.unknown { color: #8a1c1c; font-weight: bold; }
table.statutory[data-table="appeals"] { font-size: 12px; }
p.table-note { text-indent: 0; font-size: 13px; color: var(--muted); }
section.charts figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }
section.charts img { max-width: 100%; height: auto; }
section.charts figcaption { font-size: 13px; color: var(--muted); }
section.findings li { margin: .25rem 0; }
section.findings .en { color: var(--muted); font-size: 13px; }
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { background: #fff; font-size: 12pt; }
  main.report { margin: 0; padding: 0; box-shadow: none; max-width: none; }
  .table-wrap { overflow: visible; }
  table.statutory { font-size: 9.5pt; }
  table.statutory[data-table="appeals"] { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  section[data-section="三"] { break-before: page; page-break-before: always; }
  section.charts { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}
"""


def _cell(cell: GridCell) -> str:
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    text = escape(cell.text)
    if cell.role is Role.VALUE:
        extra = ' class="num unknown" title="未知 / unknown"' if cell.unknown else ' class="num"'
        return f'<td{spans}{extra} data-place="{escape(cell.place)}">{text}</td>'
    scope = ' scope="row"' if cell.role is Role.LABEL else ""
    return f'<th{spans} class="{cell.role.value}"{scope}>{text}</th>'


def table_html(table: GridTable) -> str:
    total = sum(table.widths)
    cols = "".join(f'<col style="width:{100 * w / total:.2f}%">' for w in table.widths)
    head = "".join(f"<tr>{''.join(_cell(c) for c in row)}</tr>" for row in table.rows[: table.header_rows])
    body = "".join(f"<tr>{''.join(_cell(c) for c in row)}</tr>" for row in table.rows[table.header_rows :])
    thead = f"<thead>{head}</thead>" if head else ""
    return (
        f'<div class="table-wrap"><table class="statutory" data-table="{table.key}">'
        f"<colgroup>{cols}</colgroup>{thead}<tbody>{body}</tbody></table></div>"
    )


def _part(part: Part, number: str) -> str:
    out = [f'<section data-section="{number}"><h2>{escape(part.heading)}</h2>']
    out += [f"<p>{escape(p)}</p>" for p in part.paragraphs]
    if part.table is not None:
        out.append(table_html(part.table))
        if part.table_note:
            out.append(f'<p class="table-note">{escape(part.table_note)}</p>')
    out.append("</section>")
    return "".join(out)


def chart_figure(chart: Chart) -> str:
    """The chart as an HTML figure: its SVG inline as a data URI, its title and caption as the alt text."""
    data = base64.b64encode(chart.svg.encode("utf-8")).decode("ascii")
    return (
        f'<figure data-chart="{chart.key}"><img src="data:image/svg+xml;base64,{data}" '
        f'alt="{escape(chart.title)}：{escape(chart.caption)}" style="width:{chart.width_cm}cm"></figure>'
    )


def render_html(doc: Composition) -> str:
    body = [f"<h1>{escape(doc.full_title)}</h1>"]
    body += [f"<p>{escape(p)}</p>" for p in doc.preamble]
    body += [_part(part, part.heading.split("、", 1)[0]) for part in doc.parts]
    body.append(f'<p class="signature">{escape(doc.agency)}</p>')
    if doc.charts:
        body.append(f'<section class="charts"><h2>{escape(CHARTS_HEADING)}</h2>')
        body += [chart_figure(chart) for chart in doc.charts]
        body.append("</section>")
    if doc.problems:
        items = "".join(
            f'<li data-rule="{escape(f.rule)}">{escape(f.message_zh)}<br><span class="en">{escape(f.message_en)}'
            f"</span></li>"
            for f in doc.problems
        )
        body.append(
            f'<section class="findings"><h2>{escape(FINDINGS_HEADING)}</h2>'
            f"<p>{escape(FINDINGS_INTRO)}</p><ul>{items}</ul></section>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="gongkai"><title>{escape(doc.full_title)}</title>'
        f'<style>{_CSS}</style></head><body><main class="report">{"".join(body)}</main></body></html>\n'
    )
