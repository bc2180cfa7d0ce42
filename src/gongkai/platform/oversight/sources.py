"""What an import is given, turned into files: paths, folders, ZIP archives and lists of paths.

Every input becomes ``Entry`` items (a name to show, the bytes, and what a list or mapping file
said about its agency and year). A ZIP archive is opened with limits — number of entries, the
size of each, the total unpacked — because an archive is the easiest way to hand a server far
more data than it says (a "zip bomb"); what breaks a limit becomes a failed entry with its reason,
not an exception. A CSV list (``path,agency,year``) names files on this machine with their agency
and year; a mapping file (``file,agency,year``) names files given otherwise.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ...ingest.limits import MAX_FILE_BYTES

MAX_ZIP_ENTRIES = 20_000
MAX_ZIP_TOTAL = 2 * 1024 * 1024 * 1024  # unpacked bytes of one archive
LIST_SUFFIXES = frozenset({".csv"})
SKIPPED_NAMES = frozenset({".ds_store", "thumbs.db"})


@dataclass
class Entry:
    name: str
    data: bytes | None
    hint_agency: str = ""
    hint_year: int | None = None
    error_zh: str = ""
    error_en: str = ""


@dataclass(frozen=True)
class Hint:
    agency: str
    year: int | None


def _year(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and 1990 <= int(text) <= 2200 else None


def read_mapping(text: str) -> dict[str, Hint]:
    """``file,agency,year`` rows (a header row is allowed) → file name → hint."""
    hints: dict[str, Hint] = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) < 2 or not row[0].strip() or row[0].strip().lower() in ("file", "path", "文件"):
            continue
        year = _year(row[2]) if len(row) > 2 else None
        hints[PurePosixPath(row[0].strip().replace("\\", "/")).name] = Hint(row[1].strip(), year)
    return hints


def _refused(name: str, zh: str, en: str) -> Entry:
    return Entry(name, None, error_zh=zh, error_en=en)


def from_zip(name: str, data: bytes) -> Iterator[Entry]:
    """The files of a ZIP archive, each at most ``MAX_FILE_BYTES`` unpacked, within the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        yield _refused(name, "不是有效的 ZIP 压缩包", "not a valid ZIP archive")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_ZIP_ENTRIES:
            yield _refused(name, f"压缩包内文件超过 {MAX_ZIP_ENTRIES} 个", f"more than {MAX_ZIP_ENTRIES} files")
            return
        total = 0
        for member in members:
            inner = f"{name}/{member.filename}"
            if PurePosixPath(member.filename).name.lower() in SKIPPED_NAMES or "__MACOSX" in member.filename:
                continue
            if member.file_size > MAX_FILE_BYTES:
                yield _refused(inner, "解压后超过单个文件的大小上限", "larger than the file limit once unpacked")
                continue
            total += member.file_size
            if total > MAX_ZIP_TOTAL:
                yield _refused(inner, "压缩包解压后总量超过上限", "the archive unpacks to more than the limit")
                return
            try:
                with archive.open(member) as stream:
                    content = stream.read(MAX_FILE_BYTES + 1)  # the header's size may lie
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as error:
                yield _refused(inner, f"无法解压（{error}）", f"cannot unpack ({error})")
                continue
            if len(content) > MAX_FILE_BYTES:
                yield _refused(inner, "解压后超过单个文件的大小上限", "larger than the file limit once unpacked")
                continue
            yield Entry(inner, content)


def from_bytes(name: str, data: bytes) -> Iterator[Entry]:
    """An uploaded file: a ZIP archive is opened, anything else is one entry."""
    if data.startswith(b"PK\x03\x04") and not name.lower().endswith(".docx") and not _is_docx(data):
        yield from from_zip(name, data)
    else:
        yield Entry(name, data)


def _is_docx(data: bytes) -> bool:
    """A Word file is a ZIP too: it holds ``word/document.xml`` (the reader tells it the same way)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _from_list(path: Path) -> Iterator[Entry]:
    """A CSV list: ``path,agency,year`` per row, paths relative to the list's folder."""
    text = path.read_text(encoding="utf-8-sig")
    for row in csv.reader(io.StringIO(text)):
        if not row or not row[0].strip() or row[0].strip().lower() in ("file", "path", "文件"):
            continue
        target = (path.parent / row[0].strip()).resolve()
        agency = row[1].strip() if len(row) > 1 else ""
        year = _year(row[2]) if len(row) > 2 else None
        for entry in from_path(target):
            entry.hint_agency, entry.hint_year = agency or entry.hint_agency, year or entry.hint_year
            yield entry


def from_path(path: Path) -> Iterator[Entry]:
    """A file, a folder (recursively, in name order), a ZIP archive or a CSV list of files."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.name.lower() not in SKIPPED_NAMES and not child.name.startswith("."):
                yield from from_path(child)
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES and path.suffix.lower() != ".zip":
            yield _refused(str(path), "文件过大", "the file is too large")
            return
        if path.suffix.lower() in LIST_SUFFIXES:
            yield from _from_list(path)
            return
        data = path.read_bytes()
    except OSError as error:
        yield _refused(str(path), f"无法读取文件：{error.strerror}", f"cannot read the file: {error.strerror}")
        return
    yield from from_bytes(str(path), data)


def collect(paths: Iterable[Path], mapping: dict[str, Hint] | None = None) -> Iterator[Entry]:
    """Every entry of ``paths``, with the mapping file's hints applied by file name."""
    for path in paths:
        for entry in from_path(Path(path)):
            _apply(entry, mapping)
            yield entry


def collect_uploads(uploads: Iterable[tuple[str, bytes]], mapping: dict[str, Hint] | None = None) -> Iterator[Entry]:
    """Uploaded files (ZIP archives opened), with the mapping file's hints applied by file name."""
    for name, data in uploads:
        for entry in from_bytes(name, data):
            _apply(entry, mapping)
            yield entry


def _apply(entry: Entry, mapping: dict[str, Hint] | None) -> None:
    hint = (mapping or {}).get(PurePosixPath(entry.name.replace("\\", "/")).name)
    if hint is not None:
        entry.hint_agency = hint.agency or entry.hint_agency
        entry.hint_year = hint.year or entry.hint_year
