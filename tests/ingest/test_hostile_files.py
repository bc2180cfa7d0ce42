"""Hostile files: zip bombs and forged zips are refused before anything inflates, pages nested
100,000 deep read in seconds, a 30 MB digit run is no number, junk after a PDF's end is ignored."""

from __future__ import annotations

import io
import resource
import time
import zipfile
from pathlib import Path

import pytest

from gongkai.ingest.document import UnreadableFile
from gongkai.ingest.html_depth import MAX_DEPTH, flatten_deep
from gongkai.ingest.limits import check_zip, read_member
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.read import read_report
from gongkai.platform.registry.files import AttachmentError, check

from . import hostile
from .corpus import raw
from .files import need_pdfs, report_files
from .make_files import Fixtures

__all__ = ["report_files"]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _refused_as_bomb(path: Path) -> str:
    result = read_report(path)
    assert result.report is None
    assert "压缩炸弹" in (result.error_zh or "") and "zip bomb" in (result.error_en or ""), result.error
    assert str(path) in result.error  # the message names the file
    return result.error_en or ""


def test_a_docx_inflating_to_300_mb_of_xml_is_refused_unread(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(hostile.docx_bomb(300))
    assert bomb.stat().st_size < 2 * 1024 * 1024  # well under every upload limit
    before, started = _peak_mb(), time.process_time()
    assert "inflate to more than 100.0 MB" in _refused_as_bomb(bomb)
    assert time.process_time() - started < 2
    assert _peak_mb() - before < 50  # the XML was never inflated (the old reader: 1 GB and more)


def test_a_part_that_inflates_a_thousandfold_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(hostile.docx_bomb(30))  # under the total; its ratio gives it away
    assert "word/document.xml inflates" in _refused_as_bomb(bomb)


def test_too_many_entries_are_refused_before_the_directory_is_parsed(tmp_path: Path) -> None:
    many = tmp_path / "many.docx"
    many.write_bytes(hostile.docx_with_entries(6000))
    assert "6017 entries" in _refused_as_bomb(many)
    billion = tmp_path / "billion.docx"
    billion.write_bytes(hostile.docx_declaring_entries(1_000_000_000))
    assert "1000000000 entries" in _refused_as_bomb(billion)


def test_a_workbook_inside_a_docx_is_fine_a_zip_inside_that_is_not(tmp_path: Path) -> None:
    embedded = tmp_path / "embedded.docx"
    embedded.write_bytes(hostile.docx_nesting(1))
    result = read_report(embedded)
    assert "zip" not in (result.error_en or "")  # refused only for holding no tables
    nested = tmp_path / "nested.docx"
    nested.write_bytes(hostile.docx_nesting(3))
    assert "zip inside a zip" in _refused_as_bomb(nested)


def test_a_part_is_never_read_past_its_declared_size() -> None:
    data = hostile.docx_understating("word/document.xml")
    archive = zipfile.ZipFile(io.BytesIO(data))  # past check_zip's sizes: the directory lies
    with pytest.raises((UnreadableFile, zipfile.BadZipFile)):
        held = read_member("forged.docx", archive, "word/document.xml")
        assert len(held) <= 10


def test_the_registry_refuses_a_zip_bomb_attachment() -> None:
    with pytest.raises(AttachmentError, match=r"压缩炸弹.*zip bomb"):
        check("附件.docx", hostile.docx_bomb(300))
    with pytest.raises(AttachmentError, match="not a valid DOCX"):
        check("附件.docx", b"PK\x03\x04" + b"\x00" * 100)
    assert check("附件.docx", hostile.docx_nesting(1)).endswith("document")


def test_a_real_docx_passes_the_zip_check(report_files: Fixtures) -> None:
    for path in report_files.docx.values():
        check_zip(str(path), path.read_bytes()).close()


def test_html_nested_100000_deep_reads_in_seconds(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(hostile.nested_html(100_000), encoding="utf-8")
    started = time.process_time()
    result = read_report(page)
    assert time.process_time() - started < 5  # the old reader: 13 s, then RecursionError
    assert "RecursionError" not in result.error and "no statutory tables" in (result.error_en or "")


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_a_report_wrapped_in_deep_nesting_reads_as_the_plain_one(tmp_path: Path, depth: int) -> None:
    plain = raw("shuyang")
    wrapped = tmp_path / "wrapped.html"
    wrapped.write_text(hostile.wrap_body(plain.read_text(encoding="utf-8"), depth), encoding="utf-8")
    expected, started = read_report(plain), time.process_time()
    got = read_report(wrapped)
    assert time.process_time() - started < 5
    assert got.report is not None and expected.report is not None, got.error
    assert (got.report.active, got.report.requests, got.report.appeals) == (
        expected.report.active,
        expected.report.requests,
        expected.report.appeals,
    )


def test_5000_nested_tables_read_without_recursion(tmp_path: Path) -> None:
    page = tmp_path / "tables.html"
    page.write_text(hostile.nested_tables(5_000), encoding="utf-8")
    result = read_report(page)
    assert "RecursionError" not in result.error and "no statutory tables" in (result.error_en or "")


def test_flattening_keeps_text_and_balance() -> None:
    text = hostile.nested_html(MAX_DEPTH + 10_000, inside="<script>'</div>'</script><!-- </div> -->深")
    flat = flatten_deep(text)
    assert flat.count("<div>") == MAX_DEPTH and flat.count("</div>") == MAX_DEPTH + 2  # two in script, comment
    assert "深" in flat
    page = "<html><body>" + "<p>a<span>b</span></p>" * 10_000 + "</body></html>"
    assert flatten_deep(page) is page  # a long page of shallow tags is left as it is


def test_a_30_mb_digit_run_is_text_not_a_number() -> None:
    assert parse_cell("9" * 5_000).kind is CellKind.TEXT  # int() refuses past 4,300 digits
    assert parse_cell("1" * 60).kind is CellKind.NUMBER  # a row of figures run together still splits


def test_a_pdf_with_junk_after_its_end_is_read(report_files: Fixtures, tmp_path: Path) -> None:
    need_pdfs(report_files)
    original = next(iter(report_files.pdf.values())).read_bytes()
    padded = tmp_path / "padded.pdf"
    padded.write_bytes(original + bytes(range(256)) * 64)
    assert read_report(padded).ok, read_report(padded).error
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(original[: len(original) * 9 // 10])
    assert "truncated" in (read_report(cut).error_en or "")
