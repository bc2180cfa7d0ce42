"""PDF from DOCX through LibreOffice headless, many files per call.

Starting LibreOffice costs seconds; converting a file costs a fraction of one. So conversions are
batched: one ``soffice --convert-to pdf`` call for every DOCX of a run. Each call uses a private
profile directory, so that it neither waits for nor disturbs another LibreOffice on the machine.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

SOFFICE_NAMES = ("soffice", "libreoffice")


class PdfConversionError(RuntimeError):
    """LibreOffice is missing or did not produce a PDF; the message is in Chinese and English."""


def find_soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(docx_files: Sequence[Path], out_dir: Path, timeout: float = 600.0) -> list[Path]:
    """Convert every DOCX into ``out_dir`` (same stem, ``.pdf``) in one LibreOffice run.

    Returns the PDFs in the order of ``docx_files``; raises ``PdfConversionError`` naming the files
    that did not convert.
    """
    if not docx_files:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise PdfConversionError(
            "找不到 LibreOffice（soffice），无法生成 PDF；请运行 scripts/install / "
            "LibreOffice (soffice) not found, cannot make PDF; run scripts/install"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    stems = [p.stem for p in docx_files]
    if len(set(stems)) != len(stems):
        raise PdfConversionError("多个文件同名，PDF 会相互覆盖 / several inputs share a file name; PDFs would clash")
    for stale in (out_dir / f"{stem}.pdf" for stem in stems):  # so that a failure cannot pass for success
        stale.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongkai-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out_dir),
            *(str(p) for p in docx_files),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfConversionError(
                f"LibreOffice 转换超时（{timeout:.0f} 秒） / LibreOffice timed out after {timeout:.0f} s"
            ) from None
    pdfs = [out_dir / f"{p.stem}.pdf" for p in docx_files]
    missing = [str(docx) for docx, pdf in zip(docx_files, pdfs, strict=True) if not pdf.exists()]
    if missing:
        detail = (result.stderr or result.stdout).strip()[-400:]
        raise PdfConversionError(
            f"LibreOffice 未能转换：{', '.join(missing)} / LibreOffice did not convert: {', '.join(missing)}"
            + (f" ({detail})" if detail else "")
        )
    return pdfs
