"""LibreOffice headless, the one runner every layer uses (ingest: .doc → .docx; render and the
platform's letters: .docx → .pdf).

It sits beside the layers, not inside one, and imports nothing of gongkai. Starting LibreOffice
costs seconds and converting a file a fraction of one, so ``convert`` takes many files per call.
Each call uses a private profile directory, so that it neither waits for nor disturbs another
LibreOffice on the machine.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

SOFFICE_NAMES = ("soffice", "libreoffice")


class ConversionError(RuntimeError):
    """LibreOffice is missing, timed out, or did not write every file."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


class LibreOfficeMissing(ConversionError):
    pass


class ConversionTimeout(ConversionError):
    pass


def find_soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert(files: Sequence[Path], out_dir: Path, target: str, timeout: float = 600.0) -> list[Path]:
    """Convert every file into ``out_dir`` (same stem, suffix from ``target``: ``pdf``,
    ``pdf:writer_pdf_Export``, ``docx``, ``doc`` …) in one LibreOffice run.

    Returns the outputs in the order of ``files``; raises ``ConversionError`` naming the files
    that did not convert (a stale output of the same name never passes for success).
    """
    if not files:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeMissing(
            "找不到 LibreOffice（soffice）；请运行 scripts/install",
            "LibreOffice (soffice) not found; run scripts/install",
        )
    stems = [p.stem for p in files]
    if len(set(stems)) != len(stems):
        raise ConversionError("多个文件同名，输出会相互覆盖", "several inputs share a file name; outputs would clash")
    suffix = target.split(":", 1)[0]
    outputs = [out_dir / f"{stem}.{suffix}" for stem in stems]
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in outputs:
        stale.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongkai-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            *(str(p) for p in files),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ConversionTimeout(
                f"LibreOffice 转换超时（{timeout:.0f} 秒）", f"LibreOffice timed out after {timeout:.0f} s"
            ) from None
    failed = [str(source) for source, out in zip(files, outputs, strict=True) if not out.exists()]
    if failed:
        detail = (result.stderr or result.stdout).strip()[-400:]
        tail = f" ({detail})" if detail else ""
        raise ConversionError(
            f"LibreOffice 未能转换：{', '.join(failed)}{tail}",
            f"LibreOffice did not convert: {', '.join(failed)}{tail}",
        )
    return outputs
