"""PDF from DOCX through LibreOffice headless (``gongkai.libreoffice``), many files per call."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from gongkai.libreoffice import ConversionError, convert, find_soffice

PdfConversionError = ConversionError  # what render's callers catch: LibreOffice missing or failing

__all__ = ["PdfConversionError", "docx_bytes_to_pdf", "docx_to_pdf", "find_soffice"]


def docx_to_pdf(docx_files: Sequence[Path], out_dir: Path, timeout: float = 600.0) -> list[Path]:
    """Convert every DOCX into ``out_dir`` (same stem, ``.pdf``) in one LibreOffice run."""
    return convert(docx_files, out_dir, "pdf:writer_pdf_Export", timeout)


def docx_bytes_to_pdf(docx: bytes, name: str = "document") -> bytes:
    """One DOCX document's bytes as PDF bytes (for many, ``docx_to_pdf`` starts LibreOffice once)."""
    with tempfile.TemporaryDirectory(prefix="gongkai-pdf-") as tmp:
        source = Path(tmp) / f"{name}.docx"
        source.write_bytes(docx)
        (pdf,) = docx_to_pdf([source], Path(tmp) / "pdf")
        return pdf.read_bytes()
