"""What every reader refuses before looking inside a file: nothing at all, or far too much.

A published annual report is a few hundred kilobytes as a web page or Word file and a few
megabytes as a PDF. A file over ``MAX_FILE_BYTES`` is not a report (a video, a disk image, a
folder zipped by mistake), and reading it would only hold a batch up: it is refused, and the
message gives the limit. The dispatcher should call ``check_size`` on the file's size before
reading it; every format reader calls ``check_data`` on the bytes it is given.
"""

from __future__ import annotations

from gongkai.ingest.document import UnreadableFile

MAX_FILE_BYTES = 32 * 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_size(source: str, size: int) -> None:
    """Raise ``UnreadableFile`` for an empty file or one over ``MAX_FILE_BYTES``."""
    if size == 0:
        raise UnreadableFile(source, "文件为空", "the file is empty")
    if size > MAX_FILE_BYTES:
        limit = _megabytes(MAX_FILE_BYTES)
        raise UnreadableFile(
            source,
            f"文件过大（{_megabytes(size)}），超过 {limit} 的上限；年度报告通常只有几 MB，请确认是否选错了文件",
            f"the file is too large ({_megabytes(size)}, over the {limit} limit); "
            "an annual report is a few MB at most — check that this is the right file",
        )


def check_data(source: str, data: bytes) -> None:
    """``check_size`` for bytes already read; blank (whitespace-only) counts as empty."""
    check_size(source, len(data))
    if not data[:4096].strip() and not data.strip():
        raise UnreadableFile(source, "文件为空（只有空白）", "the file is empty (whitespace only)")
