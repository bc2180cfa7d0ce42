"""Attachments: which files are accepted (PDF, DOCX, images) and the text read from them for the
confidentiality scan and the search."""

from __future__ import annotations

import io
import zipfile
import zlib

from ...ingest.document import UnreadableFile
from ...ingest.limits import check_zip
from ..errors import RuleError

MAX_BYTES = 20 * 1024 * 1024

# extension → (content type, the bytes it must start with)
ACCEPTED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".png": ("image/png", (b"\x89PNG",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", (b"RIFF",)),
}


class AttachmentError(RuleError):
    code = "attachment"


def check(name: str, data: bytes) -> str:
    """The content type of an acceptable file, or AttachmentError naming the file."""
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if suffix not in ACCEPTED:
        raise AttachmentError(f"{name}：只接受 PDF、DOCX 和图片 / only PDF, DOCX and images are accepted")
    if not data:
        raise AttachmentError(f"{name}：文件是空的 / the file is empty")
    if len(data) > MAX_BYTES:
        raise AttachmentError(f"{name}：文件超过 20 MB / the file is larger than 20 MB")
    content_type, magics = ACCEPTED[suffix]
    if not data.startswith(magics):
        raise AttachmentError(f"{name}：文件内容与扩展名不符 / the content does not match the extension")
    if suffix == ".docx":
        _check_package(name, data)
    from .filetype import problem

    if reason := problem(suffix, data):
        raise AttachmentError(f"{name}：{reason}")
    return content_type


def _check_package(name: str, data: bytes) -> None:
    """A DOCX is a zip: refused when it is a zip bomb or no zip at all, before anything inflates it."""
    try:
        check_zip(name, data).close()
    except UnreadableFile as error:
        raise AttachmentError(f"{name}：{error.reason_zh} / {error.reason_en}") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        raise AttachmentError(
            f"{name}：不是有效的 DOCX 文件（压缩包已损坏）/ not a valid DOCX file (a damaged zip)"
        ) from None


def extract_text(name: str, data: bytes) -> str:
    """The text of a PDF or DOCX ("" for images, and for files that cannot be read)."""
    suffix = name.rsplit(".", 1)[-1].lower()
    try:
        if suffix == "pdf":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(data)
            try:
                return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
            finally:
                pdf.close()
        if suffix == "docx":
            import docx

            check_zip(name, data).close()  # python-docx inflates every part: never a zip bomb's
            document = docx.Document(io.BytesIO(data))
            parts = [p.text for p in document.paragraphs]
            parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
            return "\n".join(parts)
    except Exception:  # an unreadable file has no text to scan; the reviewer opens it
        return ""
    return ""
