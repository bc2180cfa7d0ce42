"""The report as a Word document (DOCX): A4, CJK fonts set, the statutory tables with real merges.

The tables are written as WordprocessingML directly (``gridSpan`` for cells merged across,
``vMerge`` for cells merged down), which is what Word itself writes and what every reader
(python-docx, LibreOffice, WPS) understands; building them cell by cell through python-docx's
``merge`` is far slower and gives the same XML.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

from .compose import CHARTS_HEADING, FINDINGS_HEADING, FINDINGS_INTRO, Composition
from .layout import GridTable, Role, expand


@dataclass(frozen=True)
class FontSet:
    """The fonts of a document: Latin (ascii) and Chinese (eastAsia) for body, headings, tables."""

    name: str
    latin: str
    body: str
    heading: str
    table: str


# What Chinese government documents use; Word and WPS on Windows have all of them.
OFFICIAL_FONTS = FontSet("official", "Times New Roman", "仿宋", "黑体", "宋体")
# Debian's fonts-noto-cjk: what LibreOffice on a server has, used for the PDF so that it embeds
# real CJK glyphs whatever the machine.
NOTO_FONTS = FontSet("noto", "Noto Serif CJK SC", "Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif CJK SC")
FONT_SETS = {f.name: f for f in (OFFICIAL_FONTS, NOTO_FONTS)}

_PAGE_WIDTH_CM = 21.0
_PAGE_HEIGHT_CM = 29.7
_MARGIN_SIDE_CM = 2.0
_TEXT_WIDTH_TWIPS = round((_PAGE_WIDTH_CM - 2 * _MARGIN_SIDE_CM) * 567)
# Table font sizes in half-points: table 二 五号 (10.5pt), tables 三 and 四 小五 (9pt).
_TABLE_SIZE = {"active": 21, "requests": 18, "appeals": 18}


def _set_fonts(style: BaseStyle, latin: str, east_asia: str, size: float | None = None,
               bold: bool | None = None) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = latin
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    r_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), east_asia)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        r_fonts.attrib.pop(qn(theme), None)


@cache
def _template(fonts: FontSet) -> bytes:
    """An empty document with the page and the styles set up, built once per font set."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(_PAGE_WIDTH_CM), Cm(_PAGE_HEIGHT_CM)
    section.left_margin = section.right_margin = Cm(_MARGIN_SIDE_CM)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    styles = document.styles
    _set_fonts(styles["Normal"], fonts.latin, fonts.table, 10.5)
    lang = parse_xml(f'<w:lang {nsdecls("w")} w:val="zh-CN" w:eastAsia="zh-CN"/>')
    styles["Normal"].element.get_or_add_rPr().append(lang)
    body = styles["Body Text"]
    _set_fonts(body, fonts.latin, fonts.body, 12)
    fmt = body.paragraph_format
    fmt.first_line_indent, fmt.line_spacing = Pt(24), 1.5
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    title = styles["Title"]
    _set_fonts(title, fonts.latin, fonts.heading, 18, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(18)
    p_pr = title.element.pPr
    if p_pr is not None:  # the default Title has a blue rule under it
        for border in p_pr.findall(qn("w:pBdr")):
            p_pr.remove(border)
    heading = styles["Heading 1"]
    _set_fonts(heading, fonts.latin, fonts.heading, 14, bold=True)
    heading.paragraph_format.space_before = Pt(14)
    heading.paragraph_format.space_after = Pt(6)
    for name in ("Caption", "List Bullet"):
        _set_fonts(styles[name], fonts.latin, fonts.body, 10.5, bold=False)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _run(text: str, fonts: FontSet, size: int, bold: bool = False) -> str:
    b = "<w:b/>" if bold else ""
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="{escape(fonts.latin)}" w:hAnsi="{escape(fonts.latin)}" '
        f'w:eastAsia="{escape(fonts.table)}"/>{b}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def table_xml(table: GridTable, fonts: FontSet) -> str:
    """One statutory table as a ``w:tbl`` element."""
    total = sum(table.widths)
    widths = [round(_TEXT_WIDTH_TWIPS * w / total) for w in table.widths]
    size = _TABLE_SIZE.get(table.key, 18)
    grid = expand(table)
    rows: list[str] = []
    for r, positions in enumerate(grid):
        header = "<w:tblHeader/>" if r < table.header_rows else ""
        # Short tables (二's bands aside) stay on one page: every row keeps with the next.
        keep = "<w:keepNext/>" if table.key == "appeals" and r < len(grid) - 1 else ""
        cells: list[str] = []
        c = 0
        while c < table.columns:
            placed = positions[c]
            cell = placed.cell
            span_width = sum(widths[placed.column : placed.column + cell.colspan])
            pr = f'<w:tcW w:w="{span_width}" w:type="dxa"/>'
            if cell.colspan > 1:
                pr += f'<w:gridSpan w:val="{cell.colspan}"/>'
            origin = placed.row == r
            if cell.rowspan > 1:
                pr += '<w:vMerge w:val="restart"/>' if origin else "<w:vMerge/>"
            pr += '<w:vAlign w:val="center"/>'
            align = "left" if cell.role in (Role.LABEL, Role.ITEM) else "center"
            content = _run(cell.text, fonts, size, bold=cell.role is Role.ITEM) if origin else ""
            cells.append(
                f"<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:pPr>{keep}<w:spacing w:before=\"0\" w:after=\"0\" "
                f'w:line="260" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>'
                f"{content}</w:p></w:tc>"
            )
            c = placed.column + cell.colspan
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{''.join(cells)}</w:tr>")
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    borders = "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


class _Writer:
    """Collects the body as WordprocessingML and inserts it in one parse.

    python-docx's ``add_paragraph(style=…)`` scans every style to resolve the name, and parsing
    each element on its own costs as much again; together they were most of the rendering time.
    """

    def __init__(self, document: DocxDocument, fonts: FontSet) -> None:
        self.document = document
        self.fonts = fonts
        self.ids = {name: document.styles[name].style_id for name in _STYLES}
        self.pending: list[str] = []

    def paragraph(self, style: str, *lines: str, ppr: str = "") -> None:
        runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>' for t in lines)
        self.pending.append(f'<w:p><w:pPr><w:pStyle w:val="{self.ids[style]}"/>{ppr}</w:pPr>{runs}</w:p>')

    def table(self, table: GridTable) -> None:
        self.pending.append(table_xml(table, self.fonts))

    def flush(self) -> None:
        """Insert what was collected before the section properties, i.e. at the end of the body."""
        if not self.pending:
            return
        wrapper = parse_xml(f'<w:body {nsdecls("w")}>{"".join(self.pending)}</w:body>')
        sect_pr = self.document.element.body.sectPr
        for element in list(wrapper):
            sect_pr.addprevious(element)
        self.pending.clear()


_STYLES = ("Title", "Body Text", "Heading 1", "Caption", "List Bullet")
_KEEP_NEXT = "<w:keepNext/>"
_PAGE_BREAK_BEFORE = "<w:pageBreakBefore/>"


def render_docx(doc: Composition, fonts: FontSet = OFFICIAL_FONTS) -> bytes:
    document = Document(io.BytesIO(_template(fonts)))
    props = document.core_properties
    props.title, props.author, props.language = doc.full_title, doc.agency, "zh-CN"
    props.subject, props.keywords = doc.title, f"政府信息公开,{doc.report.year}"
    write = _Writer(document, fonts)
    # The agency on a line of its own: a long name would otherwise break the title mid-word.
    write.paragraph("Title", doc.agency, doc.title)
    for text in doc.preamble:
        write.paragraph("Body Text", text)
    for part in doc.parts:
        # Table 三 is a page long: it starts on a page of its own rather than split in two.
        starts_page = part.table is not None and part.table.key == "requests"
        write.paragraph("Heading 1", part.heading, ppr=_PAGE_BREAK_BEFORE if starts_page else "")
        for text in part.paragraphs:
            write.paragraph("Body Text", text, ppr=_KEEP_NEXT if part.table is not None else "")
        if part.table is not None:
            write.table(part.table)
            if part.table_note:
                write.paragraph("Caption", part.table_note)
    write.paragraph("Body Text", doc.agency, ppr='<w:spacing w:before="360"/><w:jc w:val="right"/>')
    if doc.charts:
        write.paragraph("Heading 1", CHARTS_HEADING, ppr=_PAGE_BREAK_BEFORE)
        write.flush()  # pictures go through python-docx, which adds their image parts
        for chart in doc.charts:
            picture = document.add_paragraph()
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture.paragraph_format.space_after = Pt(10)
            picture.add_run().add_picture(io.BytesIO(chart.png), width=Cm(chart.width_cm))  # titled inside
    if doc.problems:
        write.paragraph("Heading 1", FINDINGS_HEADING)
        write.paragraph("Body Text", FINDINGS_INTRO)
        for finding in doc.problems:
            write.paragraph("List Bullet", f"{finding.message_zh}（{finding.message_en}）")
    write.flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
