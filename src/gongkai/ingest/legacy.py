"""Old binary Word files (.doc): many agencies still publish their reports this way.

LibreOffice (installed by ``scripts/install``) converts them to .docx, which the DOCX reader then
reads like any other; where LibreOffice is missing the file is refused with a clear reason.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from gongkai.ingest.document import UnreadableFile
from gongkai.libreoffice import ConversionError, ConversionTimeout, LibreOfficeMissing, convert

CONVERT_SECONDS = 120


def doc_to_docx(source: str, data: bytes) -> bytes:
    """The .docx bytes of a .doc file, converted by LibreOffice headless."""
    with tempfile.TemporaryDirectory(prefix="gongkai-doc-") as folder:
        original = Path(folder) / "report.doc"
        original.write_bytes(data)
        try:
            (converted,) = convert([original], Path(folder) / "out", "docx", CONVERT_SECONDS)
        except LibreOfficeMissing:
            raise UnreadableFile(
                source,
                "这是旧版 Word 格式（.doc）；转换需要 LibreOffice，但本机未安装。请另存为 .docx 后再读",
                "this is an old binary Word file (.doc); converting it needs LibreOffice, which is not installed "
                "here; save it as .docx and read it again",
            ) from None
        except ConversionTimeout:
            raise UnreadableFile(
                source,
                f"旧版 Word 文件（.doc）转换超时（{CONVERT_SECONDS} 秒）",
                f"converting the old Word file (.doc) took longer than {CONVERT_SECONDS} s",
            ) from None
        except ConversionError:
            raise UnreadableFile(
                source,
                "旧版 Word 文件（.doc）无法转换：文件可能已损坏",
                "the old Word file (.doc) could not be converted: it may be damaged",
            ) from None
        return converted.read_bytes()
