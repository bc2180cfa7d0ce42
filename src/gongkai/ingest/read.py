"""Read one published report file, whatever its format, into report data.

The format is told by the file's first bytes (``%PDF``, a ZIP holding ``word/document.xml``,
``<html``, the PNG, JPEG and TIFF signatures), then by its extension. Images (a scanned report)
are read by OCR (``ocr``). A file that cannot be read gives an ``UnreadableFile`` with the
reason in Chinese and English; ``read_report`` never lets any other exception out, so that one
broken file never stops a batch.
"""

from __future__ import annotations

import gc
import importlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from gongkai.ingest.box_tables import boxed
from gongkai.ingest.document import Document, UnreadableFile
from gongkai.ingest.limits import check_data, check_size
from gongkai.ingest.markers import drop_in_document
from gongkai.ingest.ocr_figures import mend_ocr_figures
from gongkai.ingest.transposed import untransposed
from gongkai.report.envelope import Source
from gongkai.report.model import Report

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
READERS = {
    "text": ("gongkai.ingest.text", "read_text"),
    "html": ("gongkai.ingest.html", "read_html"),
    "docx": ("gongkai.ingest.docx", "read_docx"),
    "pdf": ("gongkai.ingest.pdf", "read_pdf"),
    "image": ("gongkai.ingest.ocr", "read_image"),
}


class FormatReader(Protocol):
    def __call__(self, path: Path, data: bytes) -> Document: ...


@dataclass
class ReadResult:
    """One file's outcome: the report, or why it could not be read."""

    path: Path
    format: str | None = None
    report: Report | None = None
    error_zh: str | None = None
    error_en: str | None = None
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)
    exceeded: str | None = None  # "time" or "memory": stopped at a limit, not refused for its content

    @property
    def ok(self) -> bool:
        return self.report is not None

    @property
    def error(self) -> str:
        return f"{self.path}: {self.error_zh} / {self.error_en}"


def detect_format(path: Path, data: bytes) -> str | None:
    """text, html, docx, pdf or image by magic bytes, then by extension; None when neither tells."""
    if data.startswith(IMAGE_MAGIC):
        return "image"
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "docx"  # an OLE file: an old .doc (converted) or a password-protected .docx (refused)
    if data.startswith(b"PK\x03\x04"):
        # The part names are stored uncompressed: no need to parse a directory that may be forged.
        if b"word/document.xml" in data or path.suffix.lower() == ".docx":
            return "docx"
        return None
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"\xef\xbb\xbf<!doctype html", b"\xef\xbb\xbf<html")) or (
        b"<html" in lowered and b"<body" in data[:65536].lower()
    ):
        return "html"
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".docx":
        return "docx"
    if suffix == ".pdf":
        return "pdf"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    return None


def _reader(fmt: str) -> FormatReader:
    module_name, function = READERS[fmt]
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        zh, en = f"暂不支持读取 {fmt} 文件（{error}）", f"{fmt} files cannot be read yet ({error})"
        raise UnreadableFile("", zh, en) from None
    reader: FormatReader = getattr(module, function)
    return reader


def read_document(path: Path, data: bytes | None = None) -> Document:
    """The file as a ``Document`` (before recognition). Raises ``UnreadableFile``."""
    source = str(path)
    if data is None:
        try:
            size = path.stat().st_size
        except OSError as error:
            zh, en = f"无法打开文件：{error.strerror}", f"cannot open the file: {error.strerror}"
            raise UnreadableFile(source, zh, en) from None
        check_size(source, size)  # empty, or far too large to be a report: refused unread
        try:
            data = path.read_bytes()
        except IsADirectoryError:
            raise UnreadableFile(source, "这是一个文件夹，不是文件", "this is a folder, not a file") from None
        except OSError as error:
            zh, en = f"无法读取文件：{error.strerror}", f"cannot read the file: {error.strerror}"
            raise UnreadableFile(source, zh, en) from None
    check_data(source, data)
    fmt = detect_format(path, data)
    if fmt is None:
        fmt = "text"  # unknown extension: try it as text; the text reader rejects binary data
    try:
        document = _reader(fmt)(path, data)
        if document.format != "text":  # text drops them before its lines are split (``read_text``)
            document = boxed(document)  # an old site's tables drawn in <pre> with ┌─┬─┐ or +---+
            document = drop_in_document(document)  # 60① read 601 once NFKC folds the marker
        return mend_ocr_figures(untransposed(document))  # a searchable scan's 1O, l2, | 12
    except UnreadableFile as error:
        if not error.source:
            raise UnreadableFile(source, error.reason_zh, error.reason_en) from None
        raise


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for a while, then running as before (left alone where
    it was off). Recognising a report frees what it makes by reference counting (the readers make
    few reference cycles: ``test_read_speed_gates`` counts them), yet every thousand objects made
    the collector walked the young ones and, every few dozen reports, every object of the
    process: about an eighth of reading a text file, finding nothing."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def read_report(path: Path | str) -> ReadResult:
    """Read ``path`` into report data; never raises (errors are in the result)."""
    path = Path(path)
    started = time.perf_counter()
    result = ReadResult(path)
    try:
        from gongkai.ingest.recognise import recognise

        # (around the format's reader too: a text's lines and cells make no cycles, and each
        # collection among them walked every young object for nothing; a PDF's reader makes some,
        # freed once the collector runs again: its peak memory measured the same within 2%)
        with collector_paused():
            document = read_document(path)
            result.format = document.format
            report = recognise(document)
        report.source = Source(document.format, path.name, document.encoding, document.pages)
        result.report = report
    except UnreadableFile as error:
        result.error_zh, result.error_en = error.reason_zh, error.reason_en
    except MemoryError:
        result.error_zh, result.error_en = "文件过大，内存不足", "out of memory reading the file"
        result.exceeded = "memory"
    except Exception as error:  # one broken file must never stop a batch
        name = type(error).__name__
        result.error_zh = f"读取时出错（{name}: {error}）"
        result.error_en = f"failed while reading ({name}: {error})"
    result.seconds = time.perf_counter() - started
    return result
