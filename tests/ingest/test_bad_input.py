"""Bad input: every kind gives a clear message naming the file and the reason, in Chinese and
English, and a batch holding such files still reads every good file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from gongkai.ingest.document import Document, UnreadableFile
from gongkai.ingest.docx import read_docx
from gongkai.ingest.html import read_html
from gongkai.ingest.limits import MAX_FILE_BYTES, check_size
from gongkai.ingest.pdf import read_pdf
from gongkai.ingest.read import read_report

from .files import need_pdfs, report_files
from .make_files import Fixtures, encrypted_pdf, scanned_pdf

__all__ = ["report_files"]

READERS: list[Callable[[Path, bytes], Document]] = [read_html, read_docx, read_pdf]


@pytest.mark.parametrize("reader", READERS)
def test_each_reader_refuses_an_empty_file(reader: Callable[[Path, bytes], Document]) -> None:
    for data in (b"", b" \r\n\t "):
        with pytest.raises(UnreadableFile) as caught:
            reader(Path("empty.x"), data)
        assert caught.value.source == "empty.x"
        assert "empty" in caught.value.reason_en and "为空" in caught.value.reason_zh


@pytest.mark.parametrize("reader", READERS)
def test_each_reader_refuses_a_file_over_the_limit(reader: Callable[[Path, bytes], Document]) -> None:
    data = b"%PDF-1.4\n<html>" + b" " * MAX_FILE_BYTES
    with pytest.raises(UnreadableFile) as caught:
        reader(Path("huge.x"), data)
    # The message says how large the file is and what the limit is.
    assert "too large (32.0 MB, over the 32.0 MB limit)" in caught.value.reason_en
    assert "超过 32.0 MB 的上限" in caught.value.reason_zh


def test_size_check_before_reading() -> None:
    check_size("ok.pdf", MAX_FILE_BYTES)  # at the limit is fine
    with pytest.raises(UnreadableFile, match=r"50\.0 MB"):
        check_size("big.pdf", 50 * 1024 * 1024)


@pytest.mark.parametrize("reader", READERS)
def test_random_bytes_never_crash_a_reader(reader: Callable[[Path, bytes], Document]) -> None:
    for seed in range(20):
        data = bytes((seed * 7919 + i * 104729) % 256 for i in range(2000 + seed * 97))
        try:
            reader(Path("noise.x"), data)
        except UnreadableFile as error:
            assert error.reason_zh and error.reason_en


def test_a_batch_with_bad_files_still_reads_every_good_file(report_files: Fixtures, tmp_path: Path) -> None:
    need_pdfs(report_files)
    bad = {
        "empty.pdf": b"",
        "random.docx": os.urandom(4096),
        "random.html": os.urandom(4096),
        "truncated.pdf": report_files.pdf["shuyang-fgj-2023"].read_bytes()[:5000],
        "encrypted.pdf": encrypted_pdf(),
        "scan.pdf": scanned_pdf(2),
        "old.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048,
        "no-tables.html": "<html><body><p>一、总体情况</p><p>本年度无数据。</p></body></html>".encode(),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    # A 50 MB file, written sparse so that the test does not hold 50 MB in memory.
    with open(tmp_path / "huge.pdf", "wb") as huge:
        huge.write(b"%PDF-1.4\n")
        huge.truncate(50 * 1024 * 1024)
    good = [
        report_files.html["shuyang-fgj-2023"],
        report_files.docx["001_cf5ac85f95ca13ec"],
        report_files.pdf["003_4339039e26702392"],
        report_files.gbk_html["004_26dfd29bd5682613"],
    ]
    batch = sorted(tmp_path.iterdir())
    batch[3:3] = good  # good files in the middle of the bad ones
    results = {r.path.name: r for r in map(read_report, batch)}
    assert all(results[p.name].ok for p in good)
    failed = {name for name, r in results.items() if not r.ok}
    assert failed == {*bad, "huge.pdf"}
    for name in failed:
        result = results[name]
        # Each failure names the file and says why, in Chinese and in English.
        assert name in result.error and result.error_zh and result.error_en
    assert "scanned PDF with no text layer" in (results["scan.pdf"].error_en or "")
    assert "encrypted" in (results["encrypted.pdf"].error_en or "")
    assert "truncated" in (results["truncated.pdf"].error_en or "")
    assert "too large" in (results["huge.pdf"].error_en or "")
    assert "empty" in (results["empty.pdf"].error_en or "")


def test_gongkai_read_batch_writes_every_good_file_and_fails_the_bad(report_files: Fixtures, tmp_path: Path) -> None:
    need_pdfs(report_files)
    from typer.testing import CliRunner

    from gongkai.cli import app

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "scan.pdf").write_bytes(scanned_pdf(1))
    (inputs / "encrypted.pdf").write_bytes(encrypted_pdf())
    (inputs / "empty.html").write_bytes(b"")
    good = {
        "page.html": report_files.gbk_html["shuyang-fgj-2023"],
        "word.docx": report_files.docx["002_7c7920e851bb8139"],
        "split.pdf": report_files.pdf[Fixtures.SPLIT],
    }
    for name, source in good.items():
        (inputs / name).write_bytes(source.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["read", str(inputs), "--out", str(out)])
    assert result.exit_code == 1, result.output  # some inputs failed
    assert sorted(p.name for p in out.glob("*.json")) == ["page.json", "split.json", "word.json"]
    printed = "".join(result.output.split())  # rich wraps long paths at the console width
    for name in ("scan.pdf", "encrypted.pdf", "empty.html"):
        assert name in printed
    assert "扫描件" in printed
