"""Hostile report files, made on the fly (never committed): zip bombs, forged zip directories,
pages nested thousands deep. Shared by the tests and ``bench/read_malformed.py``."""

from __future__ import annotations

import io
import struct
import zipfile

import docx

_PARAGRAPH = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"


def _base_docx(text: str = "一、总体情况") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite(base: bytes, extra: dict[str, bytes] | None = None, skip: str = "") -> tuple[io.BytesIO, zipfile.ZipFile]:
    """An open writable copy of ``base`` without ``skip``, with ``extra`` parts added."""
    out = io.BytesIO()
    target = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        for info in source.infolist():
            if info.filename != skip:
                target.writestr(info, source.read(info))
    for name, data in (extra or {}).items():
        target.writestr(name, data)
    return out, target


def docx_bomb(xml_megabytes: int) -> bytes:
    """A valid DOCX whose word/document.xml is ``xml_megabytes`` MB of one repeated paragraph.

    It compresses about 1000:1, so 300 MB of XML make a file of a few hundred KB; it is written
    in pieces, so making it never holds the XML in memory.
    """
    base = _base_docx()
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        head = source.read("word/document.xml").split(b"<w:body>")[0] + b"<w:body>"
    out, target = _rewrite(base, skip="word/document.xml")
    paragraph = _PARAGRAPH.format("公开" * 500).encode()
    chunk = paragraph * (1024 * 1024 // len(paragraph))
    with target.open("word/document.xml", "w", force_zip64=True) as part:
        part.write(head)
        for _ in range(xml_megabytes):
            part.write(chunk)
        part.write(b"<w:sectPr/></w:body></w:document>")
    target.close()
    return out.getvalue()


def docx_with_entries(count: int) -> bytes:
    """A valid DOCX with ``count`` extra empty parts."""
    out, target = _rewrite(_base_docx())
    for index in range(count):
        target.writestr(zipfile.ZipInfo(f"customXml/extra{index}.xml"), b"")
    target.close()
    return out.getvalue()


def docx_declaring_entries(count: int) -> bytes:
    """A valid DOCX whose zip64 end record claims ``count`` entries (a billion, say)."""
    data = _base_docx()
    end = data.rfind(b"PK\x05\x06")
    _, _, _, _, size, offset, _comment = struct.unpack_from("<HHHHIIH", data, end + 4)
    record64 = struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, offset)
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, end, 1)
    record = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, size, offset, 0)
    return data[:end] + record64 + locator + record


def docx_nesting(levels: int) -> bytes:
    """A valid DOCX holding a zip that holds a zip … ``levels`` deep (1: an embedded workbook)."""
    inner = b""
    for level in range(levels):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
            if inner:
                archive.writestr(f"xl/embeddings/level{level}.zip", inner)
        inner = buffer.getvalue()
    out, target = _rewrite(_base_docx(), {"word/embeddings/Microsoft_Excel_Worksheet.xlsx": inner})
    target.close()
    return out.getvalue()


def docx_understating(part: str = "word/document.xml") -> bytes:
    """A DOCX whose directory says ``part`` inflates to 10 bytes, while it inflates to far more."""
    data = bytearray(docx_with_entries(0))
    name = part.encode()
    at = data.rfind(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_length]) == name:
            struct.pack_into("<I", data, at + 24, 10)  # uncompressed size in the central directory
            return bytes(data)
        at = data.rfind(b"PK\x01\x02", 0, at)
    raise ValueError(f"{part} not in the package")


def nested_html(depth: int, tag: str = "div", inside: str = "深") -> str:
    return f"<html><body><p>一、总体情况</p>{f'<{tag}>' * depth}{inside}{f'</{tag}>' * depth}</body></html>"


def nested_tables(depth: int) -> str:
    return "<html><body>" + "<table><tr><td>" * depth + "x" + "</td></tr></table>" * depth + "</body></html>"


def wrap_body(page: str, depth: int, tag: str = "div") -> str:
    """``page`` with everything in its body inside ``depth`` nested ``tag`` elements."""
    lowered = page.lower()
    start = page.index(">", lowered.index("<body")) + 1
    end = lowered.rindex("</body")
    return page[:start] + f"<{tag}>" * depth + page[start:end] + f"</{tag}>" * depth + page[end:]


def pipe_line(shape: str, length: int) -> str:
    """One line of ``length`` characters made mostly of pipes, as a converter prints a page's
    cells run onto one line: ``pipes`` (``||||``), ``digits`` (``| 1 | 23 |``), ``rules``
    (``|-|-|``) or ``cells`` (``|---| 5 |``, a rule and figures mixed)."""
    unit = {"pipes": "|", "digits": "| 1 | 23 ", "rules": "|-", "cells": "|---| 5 |  | 17 "}[shape]
    return (unit * (length // len(unit) + 1))[: length - 1] + "|"


def with_long_lines(text: str, line: str) -> str:
    """``text`` with ``line`` put in as a line of its own before its first table row (or first
    line), in its middle and at its end; and, where the text is a few long lines (crawler text
    runs a page onto one), also into the middle of its longest line, at a blank."""
    lines = text.splitlines()
    first = next((k for k, one in enumerate(lines) if one.lstrip().startswith("|")), 0)
    lines.insert(first, line)
    lines.insert(len(lines) // 2, line)
    longest = max(range(len(lines)), key=lambda k: len(lines[k]) if lines[k] is not line else 0)
    cut = lines[longest].find(" ", len(lines[longest]) // 2)
    if cut > 0:
        lines[longest] = f"{lines[longest][:cut]} {line} {lines[longest][cut:]}"
    return "\n".join([*lines, line]) + "\n"


def boxes_as_pipes(text: str) -> str:
    """A box-drawn table's rules (``+----+----+``) printed with pipes for corners (``|----|----|``):
    each rule then reads as a row of many cells, and a row's cells run onto one line of dozens."""
    return text.replace("+-", "|-").replace("-+", "-|")
