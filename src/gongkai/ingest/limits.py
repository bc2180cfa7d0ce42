"""What every reader refuses before looking inside a file: nothing at all, or far too much.

A published annual report is a few hundred kilobytes as a web page or Word file and a few
megabytes as a PDF. A file over ``MAX_FILE_BYTES`` is not a report (a video, a disk image, a
folder zipped by mistake), and reading it would only hold a batch up: it is refused, and the
message gives the limit. The dispatcher should call ``check_size`` on the file's size before
reading it; every format reader calls ``check_data`` on the bytes it is given.

A ZIP-based file (DOCX) is opened only through ``check_zip`` and its parts read only through
``read_member``, by the readers here and by the platform's upload checks alike.
"""

from __future__ import annotations

import io
import struct
import zipfile

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


# ---------------------------------------------------------------------------------------------
# ZIP-based files (DOCX): what the archive says it holds, and what it really inflates to
# ---------------------------------------------------------------------------------------------

# A report's Word file holds a few dozen parts; its XML is a few MB at most, and pictures do not
# compress. A zip bomb is a small file whose parts inflate a thousandfold (a 3 MB DOCX to 1 GB of
# XML): it is refused before any part is parsed, and a part is read only up to what was allowed.
MAX_ZIP_ENTRIES = 5_000
MAX_ZIP_UNCOMPRESSED = 100 * 1024 * 1024  # all parts together, parts of zips inside included
MAX_ZIP_RATIO = 100  # per part: Word's XML compresses 5–30×; deflate on repeated text, 1000×
_RATIO_FROM = 1024 * 1024  # a small part may compress as well as it likes (a blank styles.xml)
_MAX_DIRECTORY_BYTES = MAX_ZIP_ENTRIES * 512  # the central directory itself, before Python parses it
_MAX_NESTING = 1  # a DOCX may embed a workbook (a zip); a zip in that is refused
_ZIP_MAGIC = b"PK\x03\x04"
# Parts read as what their name says (XML, pictures), never opened as a zip, so not looked into:
# a Word file is mostly these, and peeking into each would double the cost of the check.
_READ_AS_SUCH = (".xml", ".rels", ".vml", ".png", ".jpeg", ".jpg", ".gif", ".emf", ".wmf", ".bmp", ".tif", ".tiff")
_END, _END64, _LOCATOR64 = b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07"


def _refuse_zip(source: str, zh: str, en: str) -> UnreadableFile:
    return UnreadableFile(
        source,
        f"压缩包结构异常，疑似“压缩炸弹”，拒绝读取：{zh}",
        f"the file's ZIP structure is abnormal (a likely zip bomb), refused: {en}",
    )


def _directory_extent(data: bytes) -> tuple[int, int] | None:
    """(entries, central directory bytes) from the end records, zip64 included; None if absent.

    Read before ``zipfile`` parses the directory: a forged directory of millions of entries would
    take hundreds of MB as Python objects. The two figures are bounded separately because either
    one may lie.
    """
    end = data.rfind(_END, max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return None
    entries, size = struct.unpack_from("<HI", data, end + 10)
    locator = end - 20
    if (entries == 0xFFFF or size == 0xFFFFFFFF) and locator >= 0 and data[locator : locator + 4] == _LOCATOR64:
        (offset,) = struct.unpack_from("<Q", data, locator + 8)
        if offset + 56 <= len(data) and data[offset : offset + 4] == _END64:
            entries, size = struct.unpack_from("<QQ", data, offset + 32)
        else:
            return 2**64 - 1, 2**64 - 1  # zip64 end record promised and missing: nothing to trust
    return entries, size


def check_zip(source: str, data: bytes, budget: list[int] | None = None, depth: int = 0) -> zipfile.ZipFile:
    """The archive, opened, once its directory shows no sign of a zip bomb; else ``UnreadableFile``.

    Checks the entry count and directory size (before parsing), the declared uncompressed size
    of every part against one budget for the file, each large part's compression ratio, and zips
    inside (their parts count against the same budget; a zip inside those is refused). The
    declared sizes may lie: ``read_member`` enforces them again while inflating. Raises
    ``zipfile.BadZipFile`` for bytes that are no zip at all, for the caller to word.
    """
    extent = _directory_extent(data)
    if extent is not None:
        entries, directory = extent
        if entries > MAX_ZIP_ENTRIES or directory > _MAX_DIRECTORY_BYTES:
            raise _refuse_zip(
                source,
                f"目录声明 {entries} 个条目（{_megabytes(directory)}），上限 {MAX_ZIP_ENTRIES} 个",
                f"its directory declares {entries} entries ({_megabytes(directory)}); the limit is {MAX_ZIP_ENTRIES}",
            )
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise _refuse_zip(
            source,
            f"共 {len(infos)} 个条目，上限 {MAX_ZIP_ENTRIES} 个",
            f"it holds {len(infos)} entries; the limit is {MAX_ZIP_ENTRIES}",
        )
    if budget is None:
        budget = [MAX_ZIP_UNCOMPRESSED]
    for info in infos:
        budget[0] -= info.file_size
        if budget[0] < 0:
            limit = _megabytes(MAX_ZIP_UNCOMPRESSED)
            raise _refuse_zip(
                source,
                f"解压后超过 {limit}（{info.filename} 等）",
                f"its parts inflate to more than {limit} ({info.filename} and others)",
            )
        if info.file_size > _RATIO_FROM and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            packed, inflated = _megabytes(info.compress_size), _megabytes(info.file_size)
            raise _refuse_zip(
                source,
                f"{info.filename} 压缩比 {ratio}:1（{packed} → {inflated}），上限 {MAX_ZIP_RATIO}:1",
                f"{info.filename} inflates {ratio}:1 ({packed} to {inflated}); the limit is {MAX_ZIP_RATIO}:1",
            )
    for info in infos:
        if info.file_size < len(_ZIP_MAGIC) or info.is_dir() or info.filename.lower().endswith(_READ_AS_SUCH):
            continue
        with archive.open(info) as member:
            if member.read(len(_ZIP_MAGIC)) != _ZIP_MAGIC:
                continue
        if depth >= _MAX_NESTING:
            raise _refuse_zip(
                source, f"{info.filename} 是多层嵌套的压缩包", f"{info.filename} is a zip inside a zip inside the file"
            )
        inner = read_member(source, archive, info.filename)
        try:
            check_zip(source, inner, budget, depth + 1).close()
        except zipfile.BadZipFile:
            continue  # starts like a zip and is none: nothing reads it
    return archive


def read_member(source: str, archive: zipfile.ZipFile, name: str) -> bytes:
    """A part's bytes, inflated in pieces and never past its declared size (which ``check_zip`` bounded).

    A part whose data inflates to more than its directory entry says is a forgery: refused
    before the excess is held in memory. Raises ``KeyError`` for a part that is not there.
    """
    info = archive.getinfo(name)
    limit = min(info.file_size, MAX_ZIP_UNCOMPRESSED)
    pieces: list[bytes] = []
    held = 0
    with archive.open(info) as member:
        while True:
            piece = member.read(min(1024 * 1024, limit - held + 1))
            if not piece:
                break
            held += len(piece)
            if held > limit:
                raise _refuse_zip(
                    source,
                    f"{name} 解压后超过目录所声明的 {_megabytes(limit)}",
                    f"{name} inflates past the {_megabytes(limit)} its directory declares",
                )
            pieces.append(piece)
    return b"".join(pieces)
