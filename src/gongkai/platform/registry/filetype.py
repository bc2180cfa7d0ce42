"""Does an attachment parse as the type its name claims? Magic bytes alone let polyglots through
(``%PDF`` followed by HTML, ``GIF89a`` followed by a script); each type is opened by its own reader.

Only the structure is checked here, cheaply: a PDF opens with at least one page, a DOCX is a ZIP with
the Word parts (its central directory only; nothing is decompressed), an image decodes as its format.
"""

from __future__ import annotations

import io
import zipfile

# extension → the format name Pillow reports
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
DOCX_PARTS = ("[Content_Types].xml", "word/document.xml")


def problem(suffix: str, data: bytes) -> str | None:
    """Why ``data`` is not a file of type ``suffix`` (bilingual), or None when it is."""
    try:
        if suffix == ".pdf":
            return _pdf(data)
        if suffix == ".docx":
            return _docx(data)
        if suffix in IMAGE_FORMATS:
            return _image(data, IMAGE_FORMATS[suffix])
    except Exception:  # every reader has its own errors; all mean "not this type"
        return "文件无法按其类型打开 / the file does not open as its type"
    return None


def _pdf(data: bytes) -> str | None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return None if len(document) > 0 else "PDF 没有页面 / the PDF has no pages"
    finally:
        document.close()


def _docx(data: bytes) -> str | None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
    missing = [part for part in DOCX_PARTS if part not in names]
    return f"不是 Word 文档（缺少 {', '.join(missing)}）/ not a Word document" if missing else None


def _image(data: bytes, expected: str) -> str | None:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        found = image.format
        image.verify()  # structure and checksums, without decoding
    if found != expected:
        return f"图片格式为 {found}，与扩展名不符 / the image is {found}, not {expected}"
    with Image.open(io.BytesIO(data)) as image:
        image.load()  # decodes: truncated or corrupt pixel data fails here (bombs: Pillow's pixel limit)
    return None
