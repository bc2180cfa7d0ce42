"""Attachments that carry a text in one chosen place (DOCX header, comment, PDF /Author …), for the scan
tests: built as the writers build them (python-docx, a PDF written object by object), the rest of the
file holding neutral text so that a finding can only come from that place."""

from __future__ import annotations

import io
import zipfile
from types import SimpleNamespace
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml

from tests.ingest.make_files import pdf_bytes

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NEUTRAL = "海盐县人民政府办公室关于做好政务公开工作的通知"

# corpus "where" → (how the attachment is built, the part its finding must name)
DOCX_PLACES = {
    "docx_header": "页眉",
    "docx_footer": "页脚",
    "docx_comment": "批注",
    "docx_textbox": "文本框",
    "docx_author": "文档属性",
    "docx_last_modified_by": "文档属性",
    "docx_keywords": "文档属性",
    "docx_footnote": "脚注",
    "docx_deleted": "修订痕迹",
    "docx_split_runs": "正文",
    "docx_table": "正文",
}
PDF_PLACES = {
    "pdf_author": "文档属性",
    "pdf_title": "文档属性",
    "pdf_subject": "文档属性",
    "pdf_keywords": "文档属性",
    "pdf_xmp": "XMP元数据",
    "pdf_text": "第1页",
    "pdf_bookmark": "书签",
}
FIELD_PLACES = {
    "正文": "正文",
    "issuer": "发文机关",
    "title": "名称",
    "doc_number": "文号",
    "summary": "内容概述",
    "attachment_name": "文件名",
}


def docx_with(place: str, text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(NEUTRAL)
    section = document.sections[0]
    section.header.paragraphs[0].text = "海盐县人民政府" if place != "docx_header" else text
    section.footer.paragraphs[0].text = "第 1 页" if place != "docx_footer" else text
    properties = document.core_properties
    properties.author = text if place == "docx_author" else "办公室"
    properties.last_modified_by = text if place == "docx_last_modified_by" else "办公室"
    properties.keywords = text if place == "docx_keywords" else "政务公开"
    properties.comments = ""
    if place == "docx_comment":
        paragraph = document.add_paragraph("请核对")
        document.add_comment(paragraph.runs, text=text, author="审核人")
    elif place == "docx_textbox":
        paragraph = document.add_paragraph("见右侧")
        paragraph._p.append(
            parse_xml(
                f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:200pt;height:50pt">'
                f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:txbxContent>"
                "</v:textbox></v:shape></w:pict></w:r>"
            )
        )
    elif place == "docx_deleted":
        paragraph = document.add_paragraph("经办人：")
        paragraph._p.append(
            parse_xml(
                f'<w:del {W} w:id="90" w:author="经办人" w:date="2024-01-01T00:00:00Z"><w:r>'
                f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
            )
        )
    elif place == "docx_split_runs":
        paragraph = document.add_paragraph()
        cut = len(text) // 2
        for piece in (text[: cut - 3], text[cut - 3 : cut + 2], text[cut + 2 :]):  # the number split over three runs
            paragraph.add_run(piece).bold = piece.isdigit()
    elif place == "docx_table":
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "姓名", "手机"
        table.cell(1, 0).text, table.cell(1, 1).text = "张三", text
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    return _add_footnote(data, text) if place == "docx_footnote" else data


def _add_footnote(data: bytes, text: str) -> bytes:
    """python-docx writes no footnotes: add the part, its relationship and content type as Word does."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType='
                    b'"application/vnd.openxmlformats-officedocument.wordprocessingml.'
                    b'footnotes+xml"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn" Type="http://schemas.'
                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                    b'Target="footnotes.xml"/></Relationships>',
                )
            target.writestr(info, content)
        target.writestr(
            "word/footnotes.xml",
            (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W}><w:footnote w:id="1"><w:p>'
                f"<w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:footnote></w:footnotes>"
            ).encode(),
        )
    return out.getvalue()


def pdf_string(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def pdf_with(place: str, text: str, page_text: str = "Notice 2021") -> bytes:
    """A one-page PDF (Helvetica: the page text is ASCII) with its information dictionary, XMP packet and
    one bookmark; ``text`` goes to ``place``."""
    if place == "pdf_text":
        page_text = text
    shown = page_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")
    draw = b"BT /F1 12 Tf 72 720 Td (" + shown + b") Tj ET"
    creator = escape(text if place == "pdf_xmp" else "办公室")
    xmp = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq>'
        '</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()
    info = {
        key: text if place == f"pdf_{key.lower()}" else default
        for key, default in (("Title", NEUTRAL), ("Author", "办公室"), ("Subject", "通知"), ("Keywords", "公开"))
    }
    bookmark = text if place == "pdf_bookmark" else "Notice"
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R /Outlines 7 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream" % (len(xmp), xmp),
            b"<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 1 >>",
            b"<< /Title " + pdf_string(bookmark) + b" /Parent 7 0 R /Dest [3 0 R /XYZ 0 842 0] >>",
            b"<< " + b" ".join(b"/" + k.encode() + b" " + pdf_string(v) for k, v in info.items()) + b" >>",
        ],
        b"/Info 9 0 R ",
    )


class StoredFile:
    """What ``Attachment.file`` offers the scan: ``open('rb')``."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def open(self, mode: str = "rb") -> io.BytesIO:
        return io.BytesIO(self.data)


def attachment(name: str, data: bytes, content_type: str = "") -> Any:
    return SimpleNamespace(name=name, content_type=content_type, text="", file=StoredFile(data))


def item(attachments: list[Any] | None = None, **fields: str) -> Any:
    """An item as ``scan_item`` reads it (fields and attachments), without a database."""
    values = {
        "title": NEUTRAL,
        "doc_number": "盐政办发〔2021〕5号",
        "issuer": "海盐县人民政府办公室",
        "summary": "政务公开工作安排。",
        "body": "为做好政务公开工作，现将有关事项通知如下。",
        **fields,
    }
    listed = list(attachments or [])
    return SimpleNamespace(**values, attachments=SimpleNamespace(all=lambda: listed))
