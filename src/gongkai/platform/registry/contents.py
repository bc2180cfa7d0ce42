"""Every text an attachment holds, part by part, for the confidentiality scan.

An attachment is published as a file, so whatever its bytes carry goes public, not only what Word
or a PDF viewer shows on the page. Read here:

* DOCX: every WordprocessingML part (body with its text boxes, deleted and moved text and field
  codes; headers; footers; footnotes; endnotes; comments and their authors; SmartArt, charts,
  glossary), image descriptions, hyperlink targets, and the document properties (author, last
  modified by, title, subject, keywords, company, custom properties, custom XML).
* PDF: each page's text layer, the document information (/Title /Author /Subject /Keywords
  /Creator /Producer), the XMP metadata packet, and bookmark titles.

What cannot be read as text is named in ``Contents.manual`` for the reviewer to look at: images,
pages without a text layer (scans), pictures and embedded objects inside a DOCX, unreadable files,
and parts too large to read.

Reading is bounded: a ZIP entry is decompressed only up to ``MAX_XML_BYTES`` in total, XML is
parsed without entities or network access, and no part is read twice.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

MAX_XML_BYTES = 32 * 1024 * 1024  # decompressed XML read from one DOCX, in all (a long report: a few MB)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEXT_TAGS = frozenset({"t", "delText", "instrText", "delInstrText"})  # w:t, a:t, deleted text, field codes
_BREAK_TAGS = frozenset({"br", "cr"})
_BLOCK_TAGS = frozenset({"p", "tc", "tr", "txbxContent"})
# Attributes that hold words a reader can see or recover: authors, alt text, WordArt, link targets.
_TEXT_ATTRIBUTES = frozenset({"author", "initials", "descr", "title", "string", "userId"})
_SKIPPED = re.compile(
    r"^(?:\[Content_Types\]\.xml|word/(?:styles|stylesWithEffects|fontTable|settings|webSettings|"
    r"numbering|theme/.*|fonts/.*)\.xml|.*\.(?:odttf|bin|emf|wmf))$"
)
_PICTURE = re.compile(r"\.(?:png|jpe?g|gif|bmp|tiff?|webp|emf|wmf|svg)$", re.IGNORECASE)


@dataclass
class Contents:
    parts: list[tuple[str, str]] = field(default_factory=list)  # (part label, text)
    manual: list[str] = field(default_factory=list)  # why a person must look at the file


def read_contents(name: str, data: bytes, content_type: str = "") -> Contents:
    """The texts of the attachment ``name`` (its bytes ``data``), part by part."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if content_type.startswith("image/") or suffix in ("png", "jpg", "jpeg", "gif", "webp"):
        return Contents(manual=["图片附件须人工查看 / an image: look at it"])
    try:
        if suffix == "pdf":
            return _pdf(data)
        if suffix == "docx":
            return _docx(data)
    except Exception as error:  # a damaged or hostile file: the reviewer opens it
        return Contents(manual=[f"无法读取文件内容，须人工查看 / the file could not be read ({type(error).__name__})"])
    return Contents(manual=["不能自动审查的文件类型，须人工查看 / a file type the scan cannot read"])


# -- DOCX ----------------------------------------------------------------------------------------------


def _docx_label(part: str) -> str:
    base = posixpath.basename(part)
    if part.startswith("docProps/custom"):
        return "自定义属性"
    if part.startswith("docProps/"):
        return "文档属性"
    if part.startswith("customXml/"):
        return "自定义XML数据"
    if part.endswith(".rels"):
        return "超链接"
    for prefix, label in (
        ("header", "页眉"),
        ("footer", "页脚"),
        ("footnotes", "脚注"),
        ("endnotes", "尾注"),
        ("comments", "批注"),
        ("people", "批注人"),
        ("document", "正文"),
    ):
        if part.startswith("word/") and base.startswith(prefix) and "/" not in part[5:]:
            return label
    if "/diagrams/" in part:
        return "SmartArt图形"
    if "/charts/" in part:
        return "图表"
    if "/glossary/" in part:
        return "构建基块"
    return part


def _docx(data: bytes) -> Contents:
    contents = Contents()
    texts: dict[str, list[str]] = {}
    budget = MAX_XML_BYTES
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        pictures = embedded = 0
        for info in package.infolist():
            part = info.filename
            if info.is_dir() or _SKIPPED.match(part):
                continue
            if _PICTURE.search(part):
                pictures += not part.startswith("docProps/")  # the thumbnail shows page 1, which is read
                continue
            if "/embeddings/" in part or "/activeX/" in part:
                embedded += 1
                continue
            if not part.endswith((".xml", ".rels")):
                continue
            with package.open(info) as stream:
                xml = stream.read(budget + 1)
            if len(xml) > budget:
                contents.manual.append(
                    "文件解压后过大，部分内容未能自动审查，须人工查看 / "
                    "the file expands too far to be scanned whole: look at it"
                )
                break
            budget -= len(xml)
            root = etree.fromstring(xml, _PARSER)
            label = _docx_label(part)
            if label == "超链接":
                lines = [r.get("Target", "") for r in root if r.get("TargetMode") == "External"]
            elif part.startswith(("docProps/", "customXml/")):
                lines = [t.strip() for t in root.itertext() if t.strip()]
            else:
                lines = list(_word_lines(root, texts, label))
            texts.setdefault(label, []).extend(lines)
    contents.parts = [(label, "\n".join(lines)) for label, lines in texts.items() if any(lines)]
    if pictures:
        contents.manual.append(f"文件含 {pictures} 张图片，图片中的文字须人工查看 / {pictures} pictures: look at them")
    if embedded:
        contents.manual.append(f"文件含 {embedded} 个嵌入对象，须人工查看 / {embedded} embedded objects: look at them")
    return contents


def _word_lines(root: etree._Element, texts: dict[str, list[str]], label: str) -> Iterator[str]:
    """The lines of a WordprocessingML part: runs joined within a paragraph, paragraphs one per line.

    Text boxes come out as their own part (``文本框``), deleted text of tracked changes as ``修订痕迹``."""
    line: list[str] = []
    boxes = texts.setdefault("文本框", [])
    deleted = texts.setdefault("修订痕迹", [])
    depth = 0  # inside how many text boxes
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        local = tag.rsplit("}", 1)[-1]
        if event == "start":
            if local == "txbxContent":
                depth += 1
            for attribute, value in element.attrib.items():
                if attribute.rsplit("}", 1)[-1] in _TEXT_ATTRIBUTES and value.strip():
                    yield value
            if local in _TEXT_TAGS and element.text:
                if local.startswith("del"):
                    deleted.append(element.text)
                elif depth:
                    boxes.append(element.text)
                else:
                    line.append(element.text)
            elif local == "tab":
                line.append(" ")
            elif local in _BREAK_TAGS:
                line.append("\n")
        elif local in _BLOCK_TAGS:
            if local == "txbxContent":
                depth -= 1
                boxes.append("\n")
            elif depth:
                boxes.append("\n")
            else:
                yield "".join(line)
                line = []
    if line:
        yield "".join(line)


# -- PDF -----------------------------------------------------------------------------------------------


def _pdf(data: bytes) -> Contents:
    import pypdfium2 as pdfium

    contents = Contents()
    pdf = pdfium.PdfDocument(data)
    try:
        blank: list[int] = []
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage().get_text_range()
            if text.strip():
                contents.parts.append((f"第{index + 1}页", text))
            elif next(iter(page.get_objects(max_depth=1)), None) is not None:
                blank.append(index + 1)  # something is drawn, but there is no text: a scan or a picture
        info = [f"{key}: {value}" for key, value in pdf.get_metadata_dict(skip_empty=True).items()]
        if info:
            contents.parts.append(("文档属性", "\n".join(info)))
        toc = [title for mark in pdf.get_toc(max_depth=8) if (title := mark.get_title())]
        if toc:
            contents.parts.append(("书签", "\n".join(toc)))
    finally:
        pdf.close()
    xmp = _xmp(data)
    if xmp:
        contents.parts.append(("XMP元数据", xmp))
    if blank:
        pages = "、".join(map(str, blank[:20])) + ("等" if len(blank) > 20 else "")
        with_text = sum(label.startswith("第") for label, _ in contents.parts)
        what = "PDF 没有文字层（扫描件或图片）" if not with_text else f"第{pages}页没有文字层"
        contents.manual.append(f"{what}，须人工查看 / pages without a text layer (a scan): look at them")
    return contents


def _xmp(data: bytes) -> str:
    """The text of the XMP metadata packet (dc:creator, dc:title, pdf:Keywords …), "" if none."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        stream = resolve1(document.catalog.get("Metadata"))
        if stream is None or not hasattr(stream, "get_data"):
            return ""
        xml = stream.get_data()[:MAX_XML_BYTES]
        root = etree.fromstring(xml, _PARSER)
    except Exception:  # no packet, or one that does not parse: the information dictionary was read
        return ""
    return "\n".join(t.strip() for t in root.itertext() if t.strip())
