"""Opening a PDF with pdfium, and refusing one that cannot be read: no PDF, truncated, encrypted or
damaged files, each with the reason in Chinese and English."""

from __future__ import annotations

from typing import Any

from gongkai.ingest.document import UnreadableFile


def open_pdf(source: str, data: bytes) -> Any:
    import pypdfium2 as pdfium

    if b"%PDF" not in data[:1024]:
        raise UnreadableFile(source, "不是 PDF 文件（缺少 %PDF 文件头）", "not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-8192:] and _cut_short(data):
        raise UnreadableFile(
            source,
            "PDF 文件不完整（结尾缺少 %%EOF 标记），可能下载或复制时被截断",
            "the PDF is truncated (no %%EOF at its end): the download or copy was cut short",
        )
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise UnreadableFile(
                source,
                "PDF 文件已加密（需要密码才能打开），无法读取；请提供未加密的版本",
                "the PDF is encrypted (it needs a password to open); provide an unencrypted copy",
            ) from None
        raise damaged_pdf(source, error) from None


def _cut_short(data: bytes) -> bool:
    """No ``%%EOF`` near the end: truncated, unless the file ends with bytes that are no PDF.

    Readers accept a complete PDF with junk after its last ``%%EOF`` (a mail gateway's padding, a
    signature block); a cut file has objects after its last ``%%EOF`` (a linearized file's first
    one is near the start) or none at all.
    """
    last = data.rfind(b"%%EOF")
    return last < 0 or b"endobj" in data[last:]


def damaged_pdf(source: str, error: BaseException) -> UnreadableFile:
    return UnreadableFile(
        source,
        "PDF 文件已损坏，无法解析",
        f"the PDF is damaged and cannot be parsed ({type(error).__name__}: {error})",
    )
