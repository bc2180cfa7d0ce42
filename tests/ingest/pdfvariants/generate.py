"""Make the PDF-variants fixtures: the statutory tables in styles and from producers the other
fixture sets never use.

    .venv/bin/python -m tests.ingest.pdfvariants.generate [--out DIR] [--only word-]

Needs fpdf2 (a pure-Python PDF writer), which is NOT a runtime dependency of gongkai: it is in the
optional extra ``fixtures`` of ``pyproject.toml`` (``pip install -e .[fixtures]``, or put a
downloaded wheel on ``PYTHONPATH``). The fixtures are committed; only regenerating them needs it.

The other sets' PDFs come from two producers (chromium printing HTML, LibreOffice printing Word)
and one table style each. Agencies' PDFs are made by Word/WPS export and by other PDF libraries,
with table styles ours never print. Here (``VARIANTS``):

* chromium printing HTML tables (ruled, or striped: no borders, shaded rows) whose header cells
  are written VERTICALLY (CSS ``writing-mode: vertical-rl``: 自 / 然 / 人 one character under the
  other in a narrow column, or the line turned 90°; table 四's outcome headers and 三、本年度办理结果
  too), table 三 on a LANDSCAPE page (a named ``@page``), table 三 SPLIT across two pages with
  its header repeated (``<thead>``) or not, and TINY condensed type (6pt, no padding, narrow
  columns: neighbouring cells' digits almost touch);
* fpdf2 drawing each table cell by cell with a CJK font (Noto Sans CJK), its rules as LINES, as
  thin FILLED RECTANGLES, as row rules only (no column rules), as a 三线表 (three rules: above,
  under the header, below) or as no rules at all, rows told apart by shading (striped), with
  vertical headers stacked or turned 90°, pages split with or without the header repeated, a
  landscape page, tiny type;
* landscape pages rewritten by PyMuPDF as portrait pages shown turned (``/Rotate 90``, the
  content a form XObject), as tools that merge or stamp PDFs write them;
* a Word file (python-docx: 网格型 table style, merged cells, header cells with Word's vertical
  text direction ``tbRlV`` or ``btLr``, header rows marked to repeat, a landscape section, tiny
  type) printed by LibreOffice.

The figures: new reports drawn by the hold-out set's figure drawing (``holdout/generate.py``,
imported) with seeds of their own, and three gold reports of the existing sets (large and dense
figures). The tables are one model (``tables.py``) drawn by every producer. Every PDF is turned
into the PDF text classes by the same code as the other sets (``wild``'s ``FROM_PDF``); a tool that
gives no text at all is left out (markitdown's pdfminer decodes nothing of fpdf2's embedded CID
CMaps: an empty file is refused, rightly, and says nothing about layouts). Written:
``fixtures/<class>/<report>~<variant>.<ext>`` and ``fixtures/gold/<report>.json``; deterministic
up to the producers' timestamps.
"""

from __future__ import annotations

import argparse
import datetime
import html
import json
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.libreoffice import convert
from gongkai.report.model import Report
from gongkai.report.templates import SECTIONS, TEMPLATES
from tests.ingest.holdout import generate as holdout
from tests.ingest.make_files import print_with_chromium
from tests.ingest.pdfvariants import CLASSES, FIXTURES
from tests.ingest.pdfvariants.tables import Table, active, appeals, grid, requests
from tests.ingest.publishers.layouts import prose, title
from tests.ingest.wild import generate as wild

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]

EXTENSIONS = {"pdf": ".pdf", "pymupdf4llm": ".md", "markitdown": ".md"}
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_SC = 2  # the Simplified Chinese face in the collection

# New figures: (name, template, year, agency, seed), drawn as the hold-out set draws its figures.
DRAWN = (
    ("v2021-a", "2021", 2022, "市交通运输局", 301),
    ("v2019-a", "2019", 2019, "县教育局", 302),
    ("v2021-b", "2021", 2023, "区卫生健康委员会", 303),
    ("v2019-b", "2019", 2020, "省水利厅", 304),
    ("v2021-c", "2021", 2024, "市人力资源和社会保障局", 305),
    ("v2019-c", "2019", 2020, "镇人民政府", 306),
    ("v2021-d", "2021", 2022, "县农业农村局", 307),
    ("v2019-d", "2019", 2019, "市审计局", 308),
    ("v2021-e", "2021", 2023, "区司法局", 309),
    ("v2019-e", "2019", 2020, "省统计局", 310),
    ("v2019-f", "2019", 2019, "市民政局", 311),
    ("v2021-f", "2021", 2024, "县应急管理局", 312),
    ("v2021-g", "2021", 2023, "市商务局", 313),
    ("v2019-g", "2019", 2020, "区城市管理局", 314),
    ("v2021-h", "2021", 2022, "市生态环境局", 315),
    ("v2019-h", "2019", 2021, "县林业局", 316),
    ("v2021-i", "2021", 2023, "区退役军人事务局", 317),
)
# Gold reports of the other sets (their figures: large, dense, many digits).
BORROWED = {
    "synth-2019-huge": REPO / "tests/ingest/publishers/fixtures/gold/synth-2019-huge.json",
    "synth-2021-dense": REPO / "tests/ingest/publishers/fixtures/gold/synth-2021-dense.json",
    "003_4339039e26702392": REPO / "tests/ingest/wild/fixtures/gold/003_4339039e26702392.json",
}


@dataclass(frozen=True)
class Style:
    producer: str  # chromium | fpdf
    vertical: bool = False  # header cells written top to bottom
    landscape: bool = False  # table 三 on a landscape page
    split: str = ""  # table 三 across pages: "repeat" (header repeated) or "bare"
    tiny: bool = False  # 6pt, condensed
    rules: str = "lines"  # fpdf: "lines", "rects" (thin filled rectangles), "horizontal" (no
    # column rules), "three-line" (三线表: above and below the table and under its header only),
    # "stripes" (no rules: the header and every other row shaded, full width)
    rotated: bool = False  # vertical header cells as one line of text turned 90°, not stacked
    turned: bool = False  # landscape pages kept as portrait pages shown turned (/Rotate 90), their
    # content a form XObject: what PDF tools that merge or stamp pages (PyMuPDF here) write


# (report, variant name, style)
VARIANTS = (
    ("v2021-a", "chromium-vertical", Style("chromium", vertical=True)),
    ("v2019-a", "chromium-landscape", Style("chromium", landscape=True)),
    ("v2021-b", "chromium-split", Style("chromium", split="repeat")),
    ("v2019-b", "chromium-split-bare", Style("chromium", split="bare", vertical=True)),
    ("synth-2019-huge", "chromium-tiny", Style("chromium", tiny=True)),
    ("v2021-c", "fpdf-lines-vertical", Style("fpdf", vertical=True)),
    ("v2019-c", "fpdf-rects-split", Style("fpdf", split="repeat", rules="rects")),
    ("synth-2021-dense", "fpdf-rects-tiny", Style("fpdf", tiny=True, landscape=True, rules="rects")),
    ("003_4339039e26702392", "fpdf-lines-split-bare", Style("fpdf", split="bare", vertical=True)),
    ("v2021-d", "fpdf-horizontal", Style("fpdf", rules="horizontal")),
    ("v2019-d", "fpdf-three-line", Style("fpdf", rules="three-line", vertical=True)),
    ("v2021-e", "chromium-rotated", Style("chromium", vertical=True, rotated=True)),
    ("v2019-e", "fpdf-rotated-split", Style("fpdf", vertical=True, rotated=True, split="repeat")),
    ("v2019-f", "word-vertical-split", Style("word", vertical=True, split="repeat")),
    ("v2021-f", "word-rotated-landscape", Style("word", vertical=True, rotated=True, landscape=True)),
    ("synth-2019-huge", "word-tiny", Style("word", tiny=True)),
    ("v2021-g", "fpdf-turned-page", Style("fpdf", landscape=True, vertical=True, turned=True)),
    ("v2019-g", "chromium-turned-page", Style("chromium", landscape=True, turned=True)),
    ("v2021-h", "fpdf-stripes", Style("fpdf", rules="stripes", split="repeat")),
    ("v2019-h", "chromium-stripes", Style("chromium", rules="stripes", vertical=True)),
    ("v2021-i", "chromium-stripes-turned", Style("chromium", rules="stripes", landscape=True, turned=True)),
)


def reports() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, template_id, year, agency, seed in DRAWN:
        rng = random.Random(seed)
        template = TEMPLATES[template_id]
        size = int(10 ** rng.uniform(0.8, 4.3))
        out[name] = {
            "agency": agency,
            "year": year,
            "template": template_id,
            "active": holdout._active(rng, template, size),
            "requests": holdout._requests(rng, template, size),
            "appeals": holdout._appeals(rng, template, size),
        }
    for name, path in BORROWED.items():
        out[name] = json.loads(path.read_text(encoding="utf-8"))
    for name, data in out.items():
        Report.from_dict(data, name)  # valid report data, or stop here
    return out


def _tables(report: dict[str, Any], style: Style) -> dict[str, Table]:
    return {
        "二": active(report),
        "三": requests(report, style.vertical),
        "四": appeals(report, style.vertical),
    }


def _opening(report: dict[str, Any]) -> str:
    return (
        f"根据《中华人民共和国政府信息公开条例》规定，现公布{report['agency']}{report['year']}年度"
        f"政府信息公开工作年度报告。本报告数据统计期限自{report['year']}年1月1日起至{report['year']}年12月31日止。"
    )


# ---------------------------------------------------------------------------------------------
# chromium: an HTML page
# ---------------------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def html_table(table: Table, style: Style) -> str:
    total = sum(table.widths)
    cols = "".join(f'<col style="width:{100 * w / total:.2f}%">' for w in table.widths)
    rows: list[str] = []
    for n, row in enumerate(table.rows):
        cells = []
        for cell in row:
            attrs = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
            )
            cls = "v" if cell.vertical else "l" if cell.label else ""
            inner = f'<div class="vt">{_e(cell.text)}</div>' if cell.vertical else _e(cell.text)
            cells.append(f"<td{attrs}{f' class={cls!r}' if cls else ''}>{inner}</td>")
        head_row = ' class="head"' if n < table.header_rows else ""
        rows.append(f"<tr{head_row}>{''.join(cells)}</tr>")
    head = table.header_rows if style.split == "repeat" else 0
    thead = f"<thead>{''.join(rows[:head])}</thead>" if head else ""
    cls = {"二": "t2", "三": "t3", "四": "t4"}[table.name]
    return f'<table class="{cls}"><colgroup>{cols}</colgroup>{thead}<tbody>{"".join(rows[head:])}</tbody></table>'


_STRIPES = (
    "td { border: none; } tr:nth-child(even) td { background: #e8e8e8; } thead td, .head td { background: #c8c8c8; }"
)


def html_page(report: dict[str, Any], style: Style) -> str:
    size = "6pt" if style.tiny else "10.5pt"
    pad = "0 1px" if style.tiny else "3px 4px"
    css = f"""
body {{ font-family: "SimSun", "Noto Serif CJK SC", serif; font-size: 12pt; margin: 0; }}
@page {{ size: A4; margin: 18mm 15mm; }}
@page wide {{ size: A4 landscape; margin: 15mm; }}
h1 {{ font-size: 18pt; text-align: center; font-weight: normal; }}
h3 {{ font-size: 13pt; font-family: "SimHei", "Noto Sans CJK SC", sans-serif; }}
p {{ text-indent: 2em; line-height: 1.7; margin: 0.3em 0; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; font-size: {size}; }}
td {{ border: 1px solid #000; padding: {pad}; text-align: center; vertical-align: middle; }}
td.l {{ text-align: left; }}
td.v {{ padding: 2px 0; }}
.vt {{ writing-mode: vertical-rl; text-orientation: {"sideways" if style.rotated else "upright"}; margin: 0 auto;
  line-height: 1.1; }}
{".t3 { page: wide; }" if style.landscape else ""}
{_STRIPES if style.rules == "stripes" else ""}
{".t3 td { padding: 9px 4px; font-size: 12pt; } .t3 { page-break-before: auto; }" if style.split else ""}
{".tiny-note { font-size: 6pt; }" if style.tiny else ""}
{"table.t3 { width: 44%; } table.t4 { width: 60%; } .t3, .t4 { letter-spacing: -0.3px; }" if style.tiny else ""}
"""
    text = prose(report)
    tables = _tables(report, style)
    body = [f"<h1>{_e(title(report))}</h1>", f"<p>{_e(_opening(report))}</p>"]
    for section in SECTIONS:
        body.append(f"<h3>{section.number}、{_e(section.title)}</h3>")
        body += [f"<p>{_e(p)}</p>" for p in text[section.number]]
        if section.number in tables:
            body.append(html_table(tables[section.number], style))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{_e(title(report))}</title><style>{css}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


# ---------------------------------------------------------------------------------------------
# fpdf2: every cell drawn by hand
# ---------------------------------------------------------------------------------------------

_PT = 0.3528  # mm per point


class _Drawing:
    """A report drawn with fpdf2: prose with ``multi_cell``, tables cell by cell."""

    def __init__(self, style: Style) -> None:
        from fpdf import FPDF

        self.style = style
        self.pdf = FPDF(orientation="P", unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(18, 18, 18)
        self.pdf.add_font("cjk", fname=str(FONT), collection_font_number=FONT_SC)
        self.pdf.set_creation_date(datetime.datetime(2024, 1, 25, tzinfo=datetime.UTC))
        self.orientation = "P"
        self.pdf.add_page()

    @property
    def bottom(self) -> float:
        return self.pdf.h - 18

    def paragraph(self, text: str, size: float = 12, indent: bool = True, align: str = "J") -> None:
        pdf = self.pdf
        pdf.set_font("cjk", size=size)
        height = size * _PT * 1.7
        if pdf.get_y() + height > self.bottom:
            self.page()
        pdf.set_x(pdf.l_margin)
        pdf.multi_cell(0, height, ("　　" if indent else "") + text, align=align)

    def page(self, orientation: str | None = None) -> None:
        self.orientation = orientation or self.orientation
        self.pdf.add_page(orientation=self.orientation)

    def table(self, table: Table, font: float) -> None:
        pdf = self.pdf
        pdf.set_font("cjk", size=font)
        line = font * _PT * 1.35
        pad = 0.4 if self.style.tiny else 1.2
        left = pdf.l_margin
        usable = pdf.w - pdf.l_margin - pdf.r_margin
        if self.style.tiny:
            usable *= 0.7
        widths = [usable * w / sum(table.widths) for w in table.widths]
        if self.style.tiny:  # a figure column only as wide as its widest figure: digits almost touch
            for c, figures in _figure_columns(table).items():
                widths[c] = max(pdf.get_string_width(f) for f in figures) + 2 * pad + 0.3
        xs = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
        placed = grid(table)
        n_rows = len(table.rows)
        # table 三 split: rows tall enough that it cannot fit on one page
        heights = [max(line + 2 * pad, 9.6 if self.style.split and table.name == "三" else 0)] * n_rows
        for r, c, cell in placed:  # single-row cells first: their lines set the row's height
            if cell.rowspan == 1:
                heights[r] = max(heights[r], self._needed(cell, xs[c + cell.colspan] - xs[c], line, pad))
        for r, c, cell in placed:
            if cell.rowspan > 1:
                need = self._needed(cell, xs[c + cell.colspan] - xs[c], line, pad)
                have = sum(heights[r : r + cell.rowspan])
                if need > have:
                    heights[r + cell.rowspan - 1] += need - have
        # Pagination: each row's (page offset, top); a header repeated on each new page.
        head = table.header_rows if self.style.split == "repeat" else 0
        y = pdf.get_y() + 2
        keep = table.header_rows  # a header is kept together, and with the first row under it
        if y + sum(heights[: keep + 1]) > self.bottom:
            self.page()
            y = pdf.t_margin
        page = 0
        where: list[tuple[int, float]] = []
        repeats: list[tuple[int, float]] = []  # (page offset, top) where the header is drawn again
        for r in range(n_rows):
            if y + heights[r] > self.bottom and r > keep:
                page += 1
                y = pdf.t_margin
                if head:
                    repeats.append((page, y))
                    y += sum(heights[:head])
            where.append((page, y))
            y += heights[r]
        segments: dict[int, list[tuple[float, float, float, float, Any]]] = {}
        for r, c, cell in placed:
            spans = list(range(r, r + cell.rowspan))
            by_page: dict[int, list[int]] = {}
            for k in spans:
                by_page.setdefault(where[k][0], []).append(k)
            for n, (p, ks) in enumerate(sorted(by_page.items())):
                top = where[ks[0]][1]
                height = sum(heights[k] for k in ks)
                segments.setdefault(p, []).append(
                    (xs[c], top, xs[c + cell.colspan] - xs[c], height, cell if n == 0 else None)
                )
            if r < head:
                for p, top in repeats:
                    base = top + sum(heights[:r])
                    height = sum(heights[r : r + cell.rowspan])
                    segments.setdefault(p, []).append((xs[c], base, xs[c + cell.colspan] - xs[c], height, cell))
        start = pdf.page
        header_bottom = {p: top + sum(heights[:head]) for p, top in repeats}
        if 0 in {where[r][0] for r in range(max(table.header_rows, 1))}:
            header_bottom[0] = where[0][1] + sum(heights[: table.header_rows])
        for p in sorted(segments):
            if p:
                self.page()
            assert pdf.page == start + p
            if self.style.rules == "stripes":  # shading under the text, drawn first
                self._stripes(p, where, heights, xs, table.header_rows, repeats)
            for x, top, w, h, cell in segments[p]:
                self._rules(x, top, w, h)
                if cell is not None:
                    self._text(cell, x, top, w, h, line)
            if self.style.rules == "three-line":  # 三线表: the table's top and bottom, the header's foot
                pdf.set_line_width(0.5)
                x0, x1 = xs[0], xs[-1]
                top = min(seg[1] for seg in segments[p])
                bottom = max(seg[1] + seg[3] for seg in segments[p])
                pdf.line(x0, top, x1, top)
                pdf.line(x0, bottom, x1, bottom)
                if p in header_bottom and table.header_rows:
                    pdf.set_line_width(0.25)
                    pdf.line(x0, header_bottom[p], x1, header_bottom[p])
        pdf.set_y(max(y for _, y in where[-1:]) + heights[-1] + 3)

    def _stripes(
        self,
        page: int,
        where: list[tuple[int, float]],
        heights: list[float],
        xs: list[float],
        header_rows: int,
        repeats: list[tuple[int, float]],
    ) -> None:
        """Rows shaded across the whole table: the header darker, then every other row."""
        pdf = self.pdf
        bands: list[tuple[float, float, int]] = []
        for r, (p, top) in enumerate(where):
            if p != page:
                continue
            if r < header_rows:
                bands.append((top, heights[r], 200))
            elif (r - header_rows) % 2:
                bands.append((top, heights[r], 235))
        for p, top in repeats:
            if p == page:
                bands.append((top, sum(heights[:header_rows]), 200))
        for top, height, grey in bands:
            pdf.set_fill_color(grey, grey, grey)
            pdf.rect(xs[0], top, xs[-1] - xs[0], height, style="F")
        pdf.set_fill_color(0, 0, 0)

    def _needed(self, cell: Any, width: float, line: float, pad: float) -> float:
        if cell.vertical and self.style.rotated:
            return self.pdf.get_string_width(cell.text) + 2 * pad
        if cell.vertical:
            return len(cell.text) * line + 2 * pad
        return len(self._wrap(cell.text, width - 2 * pad)) * line + 2 * pad

    def _wrap(self, text: str, width: float) -> list[str]:
        lines: list[str] = []
        current = ""
        for ch in text:
            if current and self.pdf.get_string_width(current + ch) > width:
                lines.append(current)
                current = ch
            else:
                current += ch
        return [*lines, current] if current else lines or [""]

    def _rules(self, x: float, top: float, w: float, h: float) -> None:
        pdf = self.pdf
        if self.style.rules in ("three-line", "stripes"):
            return  # drawn per page by ``table``
        if self.style.rules == "horizontal":  # rows ruled, no column rules
            pdf.set_line_width(0.2)
            pdf.line(x, top, x + w, top)
            pdf.line(x, top + h, x + w, top + h)
        elif self.style.rules == "rects":
            t = 0.28
            pdf.set_fill_color(0, 0, 0)
            pdf.rect(x - t / 2, top - t / 2, w + t, t, style="F")
            pdf.rect(x - t / 2, top + h - t / 2, w + t, t, style="F")
            pdf.rect(x - t / 2, top - t / 2, t, h + t, style="F")
            pdf.rect(x + w - t / 2, top - t / 2, t, h + t, style="F")
        else:
            pdf.set_line_width(0.2)
            pdf.line(x, top, x + w, top)
            pdf.line(x, top + h, x + w, top + h)
            pdf.line(x, top, x, top + h)
            pdf.line(x + w, top, x + w, top + h)

    def _text(self, cell: Any, x: float, top: float, w: float, h: float, line: float) -> None:
        pdf = self.pdf
        size = pdf.font_size_pt
        ascent = size * _PT * 0.88
        if cell.vertical and self.style.rotated:  # one line turned clockwise: read top to bottom
            width = pdf.get_string_width(cell.text)
            cx, cy = x + w / 2, top + h / 2
            with pdf.rotation(-90, cx, cy):
                pdf.text(cx - width / 2, cy + ascent / 2 - size * _PT * 0.1, cell.text)
            return
        if cell.vertical:
            chars = list(cell.text)
            y = top + (h - len(chars) * line) / 2
            for i, ch in enumerate(chars):
                pdf.text(x + (w - pdf.get_string_width(ch)) / 2, y + i * line + ascent, ch)
            return
        pad = 0.4 if self.style.tiny else 1.2
        lines = self._wrap(cell.text, w - 2 * pad)
        y = top + (h - len(lines) * line) / 2
        for i, text in enumerate(lines):
            width = pdf.get_string_width(text)
            left = x + pad if cell.label else x + (w - width) / 2
            pdf.text(left, y + i * line + ascent, text)


# ---------------------------------------------------------------------------------------------
# Word: a .docx (python-docx) printed by LibreOffice
# ---------------------------------------------------------------------------------------------


def word_docx(report: dict[str, Any], style: Style, out: Path) -> None:
    """The report as a Word file: tables in Word's 网格型 (Table Grid) style, merged cells, header
    cells with a vertical text direction (``tbRlV``: characters upright, one under the other;
    ``btLr`` when ``rotated``: the line turned, read bottom to top), header rows marked to repeat
    on each page (``tblHeader``), table 三 in a landscape section."""
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    table_font = Pt(5.5 if style.tiny else 9)
    text = prose(report)
    tables = _tables(report, style)
    heading = doc.add_paragraph(title(report))
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("　　" + _opening(report))

    def orientation(landscape: bool) -> None:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))

    for section in SECTIONS:
        doc.add_paragraph(f"{section.number}、{section.title}")
        for p in text[section.number]:
            doc.add_paragraph("　　" + p)
        if section.number not in tables:
            continue
        if section.number == "三" and style.landscape:
            orientation(True)
        model = tables[section.number]
        n_cols = len(model.widths)
        grid_cells = grid(model)
        table = doc.add_table(rows=len(model.rows), cols=n_cols)
        table.style = "Table Grid"
        for r, c, cell in grid_cells:
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = cell.text
            target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            for paragraph in target.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if cell.label else WD_ALIGN_PARAGRAPH.CENTER
                for run in paragraph.runs:
                    run.font.size = table_font
            if cell.vertical:
                direction = OxmlElement("w:textDirection")
                direction.set(qn("w:val"), "btLr" if style.rotated else "tbRlV")
                target._tc.get_or_add_tcPr().append(direction)
        total = sum(model.widths)
        usable = 250 if section.number == "三" and style.landscape else 170
        if style.tiny:
            usable = 110
        for c, w in enumerate(model.widths):
            for cell in table.columns[c].cells:
                cell.width = Mm(usable * w / total)
        for r, row in enumerate(table.rows):
            if style.split == "repeat" and r < model.header_rows:
                mark = OxmlElement("w:tblHeader")
                mark.set(qn("w:val"), "true")
                row._tr.get_or_add_trPr().append(mark)
            if style.split and section.number == "三" and r >= model.header_rows:
                row.height = Mm(10)  # tall rows: table 三 cannot fit one page
            upright = [cell.text for rr, _c, cell in grid_cells if rr == r and cell.vertical and cell.rowspan == 1]
            if upright:  # as Word grows a row to its vertical text (LibreOffice clips it instead)
                row.height = Pt(max(map(len, upright)) * table_font.pt * 1.3 + 6)
                row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if section.number == "三" and style.landscape:
            orientation(False)
    doc.save(str(out))


def turn_landscape_pages(pdf: Path) -> None:
    """Rewrite ``pdf`` with each landscape page as a portrait page shown turned clockwise
    (``/Rotate 90``), the old page drawn into it as a form XObject (PyMuPDF's ``show_pdf_page``)."""
    import fitz

    source = fitz.open(str(pdf))
    out = fitz.open()
    for index, page in enumerate(source):
        if page.rect.width > page.rect.height:
            turned = out.new_page(width=page.rect.height, height=page.rect.width)
            turned.show_pdf_page(turned.rect, source, index, rotate=90)
            turned.set_rotation(90)
        else:
            out.insert_pdf(source, from_page=index, to_page=index)
    data = out.tobytes(garbage=3, deflate=True)
    out.close()
    source.close()
    pdf.write_bytes(data)


def _figure_columns(table: Table) -> dict[int, list[str]]:
    """Columns below the header that hold figures only (one column wide cells), with them."""
    out: dict[int, list[str]] = {}
    words: set[int] = set()
    for r, c, cell in grid(table):
        if r < table.header_rows or cell.colspan > 1:
            continue
        if cell.text.replace(".", "").lstrip("-").isdigit():
            out.setdefault(c, []).append(cell.text)
        else:
            words.add(c)
    return {c: figures for c, figures in out.items() if c not in words}


def fpdf_pdf(report: dict[str, Any], style: Style, out: Path) -> None:
    drawing = _Drawing(style)
    tables = _tables(report, style)
    text = prose(report)
    drawing.paragraph(title(report), size=16, indent=False, align="C")
    drawing.paragraph(_opening(report))
    font = 5.5 if style.tiny else 9
    for section in SECTIONS:
        drawing.paragraph(f"{section.number}、{section.title}", size=13, indent=False)
        for p in text[section.number]:
            drawing.paragraph(p)
        if section.number == "三" and style.landscape:
            drawing.page("L")
        if section.number in tables:
            drawing.table(tables[section.number], font)
        if section.number == "三" and style.landscape:
            drawing.page("P")
    drawing.pdf.output(str(out))


# ---------------------------------------------------------------------------------------------


def generate(out: Path, only: str = "") -> dict[str, int]:
    """Write the fixtures; ``only``: just the variants whose name holds it, the rest left as is."""
    data = reports()
    variants = [v for v in VARIANTS if only in v[1]]
    for cls in (*CLASSES, "gold"):
        if not only:
            shutil.rmtree(out / cls, ignore_errors=True)
        (out / cls).mkdir(parents=True, exist_ok=True)
    used = {name for name, _variant, _style in variants}
    for name in sorted(used):
        (out / "gold" / f"{name}.json").write_text(json.dumps(data[name], ensure_ascii=False, indent=2) + "\n", "utf-8")
    with tempfile.TemporaryDirectory(prefix="gongkai-pdfvar-") as tmp_name:
        tmp = Path(tmp_name)
        for name, variant, style in variants:
            stem = f"{name}~{variant}"
            pdf = tmp / f"{stem}.pdf"
            if style.producer == "chromium":
                page = tmp / f"{stem}.html"
                page.write_text(html_page(data[name], style), encoding="utf-8")
                print_with_chromium(page, pdf)
            elif style.producer == "word":
                word_docx(data[name], style, tmp / f"{stem}.docx")
                convert([tmp / f"{stem}.docx"], tmp, "pdf")
            else:
                fpdf_pdf(data[name], style, pdf)
            if style.turned:
                turn_landscape_pages(pdf)
            shutil.copy(pdf, out / "pdf" / pdf.name)
            for cls, convert_pdf in wild.FROM_PDF.items():
                text = convert_pdf(pdf)
                if text.strip():  # no text at all: nothing to read (markitdown on fpdf's CID fonts)
                    wild._write(out / cls / f"{stem}{EXTENSIONS.get(cls, '.txt')}", text)
    return {cls: len(list((out / cls).iterdir())) for cls in CLASSES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=FIXTURES, help="where to write (default: fixtures/)")
    parser.add_argument("--only", default="", help="only the variants whose name holds this (e.g. word-)")
    args = parser.parse_args()
    for cls, n in generate(args.out, args.only).items():
        print(f"{cls:18} {n} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
