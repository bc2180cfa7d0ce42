"""Read a Word file (.docx) into a ``Document``: paragraphs and tables in body order.

A table that holds tables is page layout (a whole report typed into one big table): its cells
are read as body, so the tables inside come out as tables.

Word stores a merged cell as the first cell with ``w:gridSpan`` (horizontal) or ``w:vMerge
w:val="restart"`` followed by ``w:vMerge`` continuation cells in the rows below (vertical). The
reader turns that into one ``Cell`` with ``colspan``/``rowspan``, as every reader does; the
continuation cells are not repeated.

The XML is read with lxml straight from the zip, not through python-docx's object layer: a
report's few hundred cells then take a few milliseconds instead of tens (python-docx resolves
every merged cell's extent by walking the grid again).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from lxml import etree

from gongkai.ingest.document import Block, Cell, Document, TableBlock, TextBlock, UnreadableFile
from gongkai.ingest.docx_frames import frame_runs
from gongkai.ingest.docx_text import body_text, rows_in_paragraphs, text_blocks
from gongkai.ingest.legacy import doc_to_docx
from gongkai.ingest.limits import check_data, check_zip, read_member
from gongkai.ingest.positioned import MIN_RUNS, holds_most, positioned_blocks
from gongkai.ingest.radicals import holds_radical_bytes, unradical

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _TR, _TC, _SDT = (f"{{{W}}}{t}" for t in ("p", "tbl", "tr", "tc", "sdt"))
_SDT_CONTENT, _CUSTOM_XML = f"{{{W}}}sdtContent", f"{{{W}}}customXml"
_T, _TAB, _BR, _CR = (f"{{{W}}}{t}" for t in ("t", "tab", "br", "cr"))
_VAL = f"{{{W}}}val"
_TC_PR, _GRID_SPAN, _VMERGE, _HMERGE = (f"{{{W}}}{t}" for t in ("tcPr", "gridSpan", "vMerge", "hMerge"))
_FALLBACK = f"{{{MC}}}Fallback"
_MOVE_FROM = f"{{{W}}}moveFrom"
# Text under these is not on the page: a text box's VML copy, text moved away (tracked changes).
_UNSHOWN = (_FALLBACK, _MOVE_FROM)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: .doc, or encrypted .docx
_WHITESPACE = re.compile(r"[^\S\n]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
_REL_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# What a damaged zip raises on the way in: bad directory, bad CRC, corrupt deflate, odd method.
_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError)
_HEADING_STYLES = re.compile(r"^(?:title|heading\s*1|1|标题\s*1?)$", re.IGNORECASE)


def read_docx(path: Path, data: bytes) -> Document:
    """Parse ``data`` (the bytes of ``path``) as a Word .docx file."""
    source = str(path)
    check_data(source, data)
    package = _open_package(source, data)
    try:
        xml = read_member(source, package, _main_part(source, package))
        root = etree.fromstring(_unradical_xml(xml), _PARSER)
    except (KeyError, etree.XMLSyntaxError, *_BROKEN_ZIP) as error:
        raise UnreadableFile(
            source,
            "Word 文件已损坏：正文部分（word/document.xml）缺失或无法解析",
            f"damaged Word file: its main part (word/document.xml) is missing or broken ({error})",
        ) from None
    body = root.find(f"{{{W}}}body")
    document = Document(source=source, format="docx", title=_core_title(source, package))
    if body is not None:
        # Text boxes and moved text need an ancestor check per run; most files have neither.
        careful = b"AlternateContent" in xml or b"moveFrom" in xml
        if xml.count(b"<wp:anchor") >= MIN_RUNS:  # a PDF imported by LibreOffice: a frame a line
            runs = frame_runs(root)
            if holds_most(runs, sum(len("".join((t.text or "").split())) for t in body.iter(_T)) // 2):
                document.blocks.extend(positioned_blocks(source, runs))
                return document
        reader = _BodyReader(document.blocks, careful)
        reader.read(body)
        if rows_in_paragraphs(document.blocks):  # a PDF converted back: rows as tabbed paragraphs
            unshown = (lambda n: any(a.tag in _UNSHOWN for a in n.iterancestors())) if careful else (lambda n: False)
            document.blocks[:] = text_blocks(source, body_text(_children(body), unshown))
        if document.title is None:
            document.title = reader.heading
    if not document.blocks:
        raise UnreadableFile(source, "Word 文件中没有任何文字或表格", "the Word file holds no text and no table")
    return document


def _unradical_xml(xml: bytes) -> bytes:
    """The part's XML with radicals read as the characters they stand for (``radicals``): text
    pasted from a PDF's text layer (``⾏政复议``, ``⻓宁县⺠政局``); most parts hold none."""
    if not holds_radical_bytes(xml):
        return xml
    try:
        return unradical(xml.decode("utf-8")).encode("utf-8")
    except UnicodeDecodeError:
        return xml  # a part in UTF-16: read as it is


def _open_package(source: str, data: bytes) -> zipfile.ZipFile:
    if data.startswith(_OLE_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise UnreadableFile(
                source,
                "Word 文件有密码保护（已加密），无法读取；请去掉密码后再读",
                "the Word file is password-protected (encrypted); remove the password and read it again",
            )
        data = doc_to_docx(source, data)  # an old binary .doc: LibreOffice makes it a .docx
    try:
        return check_zip(source, data)  # a zip bomb is refused here, before any part is inflated
    except _BROKEN_ZIP:
        raise UnreadableFile(
            source,
            "不是有效的 Word 文件（.docx）：文件不完整或已损坏",
            "not a valid Word file (.docx): the file is truncated or damaged",
        ) from None


def _main_part(source: str, package: zipfile.ZipFile) -> str:
    """The main document part named in the package relationships (word/document.xml as a rule)."""
    try:
        rels = etree.fromstring(read_member(source, package, "_rels/.rels"), _PARSER)
    except (KeyError, etree.XMLSyntaxError, *_BROKEN_ZIP):
        return "word/document.xml"
    for rel in rels.iter(_REL_NS):
        if rel.get("Type") == _REL_OFFICE:
            return (rel.get("Target") or "word/document.xml").lstrip("/")
    return "word/document.xml"


def _core_title(source: str, package: zipfile.ZipFile) -> str | None:
    """The title in the document properties, if it is a real one (not "Microsoft Word - x.doc")."""
    try:
        core = etree.fromstring(read_member(source, package, "docProps/core.xml"), _PARSER)
    except (KeyError, etree.XMLSyntaxError, *_BROKEN_ZIP):
        return None
    node = core.find("{http://purl.org/dc/elements/1.1/}title")
    text = " ".join((node.text or "").split()) if node is not None else ""
    return text if _CJK.search(text) else None


def _paragraph_lines(p: Any, careful: bool) -> list[str]:
    """The lines of a paragraph (split at its line breaks), spaces collapsed."""
    parts: list[str] = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        if careful and any(a.tag in _UNSHOWN for a in node.iterancestors()):
            continue  # a text box's second copy, or text a tracked change moved elsewhere
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append(" ")
        else:
            parts.append("\n")
    lines = (_WHITESPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _is_heading(p: Any) -> bool:
    style = p.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    if style is not None and _HEADING_STYLES.match(style.get(_VAL, "")):
        return True
    level = p.find(f"{{{W}}}pPr/{{{W}}}outlineLvl")
    return level is not None and level.get(_VAL) == "0"


def _children(node: Any) -> list[Any]:
    """Block children, looking through content controls and custom XML wrappers."""
    out: list[Any] = []
    for child in node:
        if child.tag in (_SDT, _CUSTOM_XML):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                out.extend(_children(content))
        else:
            out.append(child)
    return out


def _merge_properties(tc: Any) -> tuple[int, Any, Any]:
    """A cell's gridSpan (1 if none), vMerge and hMerge elements, in one look at its tcPr."""
    span, vmerge, hmerge = 1, None, None
    props = tc[0] if len(tc) and tc[0].tag == _TC_PR else None
    if props is not None:
        for prop in props:
            tag = prop.tag
            if tag == _GRID_SPAN:
                span = max(_int_val(prop), 1)
            elif tag == _VMERGE:
                vmerge = prop
            elif tag == _HMERGE:
                hmerge = prop
    return span, vmerge, hmerge


def _int_val(node: Any, default: int = 1) -> int:
    if node is None:
        return default
    try:
        return max(int(node.get(_VAL, default)), 0)
    except ValueError:
        return default


class _BodyReader:
    def __init__(self, blocks: list[Block], careful: bool) -> None:
        self.blocks = blocks
        self.careful = careful
        self.paragraphs = 0
        self.tables = 0
        self.heading: str | None = None

    def read(self, body: Any) -> None:
        for child in _children(body):
            if child.tag == _P:
                lines = _paragraph_lines(child, self.careful)
                if lines and self.heading is None and _is_heading(child):
                    self.heading = " ".join(lines)
                for line in lines:
                    self.paragraphs += 1
                    self.blocks.append(TextBlock(line, f"paragraph {self.paragraphs}"))
            elif child.tag == _TBL:
                if child.find(f".//{_TBL}") is None:
                    self._table(child)
                else:  # a table of tables is page layout: its cells are read as body, in order
                    for tr in _children(child):
                        for tc in _children(tr) if tr.tag == _TR else ():
                            if tc.tag == _TC:
                                self.read(tc)

    def _table(self, tbl: Any) -> None:
        self.tables += 1
        number = self.tables
        rows: list[list[list[Any]]] = []  # [text, rowspan, colspan] while spans are still growing
        open_merges: dict[int, tuple[list[Any], int]] = {}  # grid column → (cell, its row)
        for tr in _children(tbl):
            if tr.tag != _TR:
                continue
            row_index = len(rows)
            row: list[list[Any]] = []
            col = _int_val(tr.find(f"{{{W}}}trPr/{{{W}}}gridBefore"), 0)
            for tc in _children(tr):
                if tc.tag != _TC:
                    continue
                span, vmerge, hmerge = _merge_properties(tc)
                if vmerge is not None and vmerge.get(_VAL, "continue") == "continue" and col in open_merges:
                    origin, origin_row = open_merges[col]
                    origin[1] = row_index - origin_row + 1
                    col += span
                    continue
                if hmerge is not None and hmerge.get(_VAL, "continue") == "continue" and row:
                    row[-1][2] += span  # legacy horizontal merge: widen the cell on the left
                    col += span
                    continue
                cell = [self._cell_text(tc), 1, span]
                row.append(cell)
                if vmerge is not None and vmerge.get(_VAL) == "restart":
                    open_merges[col] = (cell, row_index)
                else:
                    open_merges.pop(col, None)
                col += span
            rows.append(row)
        # A row may be left with no cells of its own (all merged from above): it stays, as an
        # empty row, so that the rowspans above still count right.
        out = [
            [
                Cell(text, f"table {number} row {r + 1} cell {c + 1}", rowspan, colspan)
                for c, (text, rowspan, colspan) in enumerate(row)
            ]
            for r, row in enumerate(rows)
        ]
        if any(out):
            self.blocks.append(TableBlock(out, f"table {number}"))

    def _cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        for child in _children(tc):
            if child.tag == _P:
                lines.extend(_paragraph_lines(child, self.careful))
        return "\n".join(lines)
