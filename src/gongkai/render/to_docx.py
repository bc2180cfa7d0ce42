"""The report as a Word document (DOCX): A4, CJK fonts set, the statutory tables with real merges.

The tables are written as WordprocessingML directly (``gridSpan`` for cells merged across,
``vMerge`` for cells merged down), which is what Word itself writes and what every reader
(python-docx, LibreOffice, WPS) understands; building them cell by cell through python-docx's
``merge`` is far slower and gives the same XML.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

from .compose import CHARTS_HEADING, FINDINGS_HEADING, FINDINGS_INTRO, Composition
from .layout import GridTable, Role, expand


@dataclass(frozen=True)
class FontSet:
    """The fonts of a document: Latin (ascii) and Chinese (eastAsia) for body, headings, tables.

    ``fallbacks`` name, for a Chinese font, the font a reader should use where it is missing
    (written as ``w:altName`` in the font table).
    """

    name: str
    latin: str
    body: str
    heading: str
    table: str
    fallbacks: tuple[tuple[str, str], ...] = ()


# What Chinese government documents use; Word and WPS on Windows have all of them.
OFFICIAL_FONTS = FontSet(
    "official",
    "Times New Roman",
    "仿宋",
    "黑体",
    "宋体",
    (("仿宋", "Noto Serif CJK SC"), ("黑体", "Noto Sans CJK SC"), ("宋体", "Noto Serif CJK SC")),
)
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


def _set_fonts(
    style: BaseStyle, latin: str, east_asia: str, size: float | None = None, bold: bool | None = None
) -> None:
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
def _template(fonts: FontSet) -> _Package:
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
    style_ids = {name: styles[name].style_id for name in _STYLES}
    buffer = io.BytesIO()
    document.save(buffer)
    return _Package.from_docx(buffer.getvalue(), style_ids, _font_table_entries(fonts))


def _font_table_entries(fonts: FontSet) -> str:
    """Font table entries for the Chinese fonts: GB2312 charset and the fallback to use."""
    return "".join(
        f'<w:font w:name="{escape(name)}"><w:altName w:val="{escape(alt)}"/><w:charset w:val="86"/>'
        '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for name, alt in fonts.fallbacks
    )


def _run(text: str, fonts: FontSet, size: int, bold: bool = False) -> str:
    b = "<w:b/>" if bold else ""
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="{escape(fonts.latin)}" w:hAnsi="{escape(fonts.latin)}" '
        f'w:eastAsia="{escape(fonts.table)}"/>{b}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def table_xml(table: GridTable, fonts: FontSet, namespaces: bool = True) -> str:
    """One statutory table as a ``w:tbl`` element (declaring its namespace to stand alone)."""
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
                f'<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:pPr>{keep}<w:spacing w:before="0" w:after="0" '
                f'w:line="260" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>'
                f"{content}</w:p></w:tc>"
            )
            c = placed.column + cell.colspan
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{''.join(cells)}</w:tr>")
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    borders = "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f"<w:tbl{' ' + nsdecls('w') if namespaces else ''}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


_STYLES = ("Title", "Body Text", "Heading 1", "Caption", "List Bullet")
_KEEP_NEXT = "<w:keepNext/>"
_PAGE_BREAK_BEFORE = "<w:pageBreakBefore/>"

_REL_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{creator}</dc:creator>"
    "<cp:keywords>{keywords}</cp:keywords><dc:language>zh-CN</dc:language>"
    "<cp:lastModifiedBy>gongkai</cp:lastModifiedBy><cp:revision>1</cp:revision></cp:coreProperties>"
)
_EMU_PER_CM = 360000
_DRAWING_NAMESPACES = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


@dataclass(frozen=True)
class _Package:
    """The parts of the template DOCX, with its body cut out to be filled per report.

    A report's DOCX is these parts plus its own body, core properties and chart images, zipped:
    opening and saving the template through python-docx for every report cost ten times more.
    """

    parts: tuple[tuple[str, bytes], ...]  # every part but those rewritten per report
    document_head: str  # word/document.xml up to and including <w:body>
    document_tail: str  # from the body's <w:sectPr> to the end
    rels: str  # word/_rels/document.xml.rels
    content_types: str
    style_ids: dict[str, str]

    # Parts Word has not needed since 2010 (stylesWithEffects) or that only show python-docx's
    # own preview picture (the thumbnail); dropping them also keeps each file small and fast.
    DROPPED = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg")

    @classmethod
    def from_docx(cls, data: bytes, style_ids: dict[str, str], fonts: str = "") -> _Package:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            files = {name: archive.read(name) for name in archive.namelist()}
        if fonts:
            table = files["word/fontTable.xml"].decode("utf-8")
            files["word/fontTable.xml"] = table.replace("</w:fonts>", fonts + "</w:fonts>").encode("utf-8")
        document = files.pop("word/document.xml").decode("utf-8")
        for prefix, uri in _DRAWING_NAMESPACES.items():  # for the chart pictures
            if f"xmlns:{prefix}=" not in document:
                document = document.replace("<w:document ", f'<w:document xmlns:{prefix}="{uri}" ', 1)
        body = document.index("<w:body>") + len("<w:body>")
        sect = document.index("<w:sectPr", body)
        rels = files.pop("word/_rels/document.xml.rels").decode("utf-8")
        root_rels = files.pop("_rels/.rels").decode("utf-8")
        types = files.pop("[Content_Types].xml").decode("utf-8")
        for name in cls.DROPPED:
            files.pop(name, None)
            rels = re.sub(rf'<Relationship [^>]*Target="{re.escape(name.split("/", 1)[1])}"/>', "", rels)
            root_rels = re.sub(rf'<Relationship [^>]*Target="{re.escape(name)}"/>', "", root_rels)
            types = types.replace(f'<Override PartName="/{name}" ', '<Override PartName="/dropped" ')
            types = re.sub(r'<Override PartName="/dropped" [^>]*/>', "", types)
        files.pop("docProps/core.xml", None)
        if 'Extension="png"' not in types:
            types = types.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default ', 1)
        parts = (("_rels/.rels", root_rels.encode("utf-8")), *sorted(files.items()))
        return cls(parts, document[:body], document[sect:], rels, types, style_ids)

    def build(self, body: str, core: str, images: list[tuple[str, bytes]]) -> bytes:
        rels = self.rels
        if images:
            extra = "".join(
                f'<Relationship Id="{rid}" Type="{_REL_IMAGE}" Target="media/{rid}.png"/>' for rid, _ in images
            )
            rels = rels.replace("</Relationships>", extra + "</Relationships>")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr("[Content_Types].xml", self.content_types)
            for name, data in self.parts:
                archive.writestr(name, data)
            archive.writestr("docProps/core.xml", core)
            archive.writestr("word/document.xml", self.document_head + body + self.document_tail)
            archive.writestr("word/_rels/document.xml.rels", rels)
            for rid, png in images:
                archive.writestr(f"word/media/{rid}.png", png, compress_type=zipfile.ZIP_STORED)
        return buffer.getvalue()


class _Body:
    """The body of one report's document, written as WordprocessingML."""

    def __init__(self, package: _Package, fonts: FontSet) -> None:
        self.ids = package.style_ids
        self.fonts = fonts
        self.xml: list[str] = []
        self.images: list[tuple[str, bytes]] = []

    def paragraph(self, style: str, *lines: str, ppr: str = "") -> None:
        runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>' for t in lines)
        self.xml.append(f'<w:p><w:pPr><w:pStyle w:val="{self.ids[style]}"/>{ppr}</w:pPr>{runs}</w:p>')

    def table(self, table: GridTable) -> None:
        self.xml.append(table_xml(table, self.fonts, namespaces=False))

    def picture(self, png: bytes, width_cm: float, name: str) -> None:
        """An inline picture, as wide as asked, its height kept in proportion (DrawingML)."""
        number = len(self.images) + 1
        rid = f"rIdChart{number}"
        self.images.append((rid, png))
        width_px, height_px = struct.unpack(">II", png[16:24])  # the PNG header's IHDR chunk
        cx = round(width_cm * _EMU_PER_CM)
        cy = round(cx * height_px / width_px)
        self.xml.append(
            '<w:p><w:pPr><w:spacing w:after="200"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>'
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{number}" name="{escape(name)}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{number}" name="{rid}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        )


def render_docx(doc: Composition, fonts: FontSet = OFFICIAL_FONTS) -> bytes:
    package = _template(fonts)
    body = _Body(package, fonts)
    # The agency on a line of its own: a long name would otherwise break the title mid-word.
    body.paragraph("Title", doc.agency, doc.title)
    for text in doc.preamble:
        body.paragraph("Body Text", text)
    for part in doc.parts:
        # Table 三 is a page long: it starts on a page of its own rather than split in two.
        starts_page = part.table is not None and part.table.key == "requests"
        body.paragraph("Heading 1", part.heading, ppr=_PAGE_BREAK_BEFORE if starts_page else "")
        for text in part.paragraphs:
            body.paragraph("Body Text", text, ppr=_KEEP_NEXT if part.table is not None else "")
        if part.table is not None:
            body.table(part.table)
            if part.table_note:
                body.paragraph("Caption", part.table_note)
    body.paragraph(
        "Body Text", doc.agency, ppr='<w:spacing w:before="360"/><w:ind w:firstLine="0"/><w:jc w:val="right"/>'
    )
    if doc.charts:
        body.paragraph("Heading 1", CHARTS_HEADING, ppr=_PAGE_BREAK_BEFORE)
        for chart in doc.charts:
            body.picture(chart.png, chart.width_cm, chart.title)  # the chart carries its title
    if doc.problems:
        body.paragraph("Heading 1", FINDINGS_HEADING)
        body.paragraph("Body Text", FINDINGS_INTRO)
        for finding in doc.problems:
            body.paragraph("List Bullet", f"{finding.message_zh}（{finding.message_en}）")
    core = _CORE.format(
        title=escape(doc.full_title),
        subject=escape(doc.title),
        creator=escape(doc.agency),
        keywords=escape(f"政府信息公开,{doc.report.year}"),
    )
    return package.build("".join(body.xml), core, body.images)
