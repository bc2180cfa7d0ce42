"""``gongkai read`` reads each file under a time and a memory limit: a file that exceeds one is
reported with the reason, every other file of the batch is still read, and the table is written.

The slow and greedy files are made so by a hook: the workers are forked from this process, so a
``read_document`` patched here is the one they run.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.ingest import limited
from gongkai.ingest import read as read_module
from gongkai.ingest.document import Document
from gongkai.ingest.limited import Limits, read_files

from . import hostile
from .corpus import raw

runner = CliRunner()


_read_document = read_module.read_document


def _hooked(path: Path, data: bytes | None = None) -> Document:
    name = path.name
    if name.startswith("slow"):
        time.sleep(600)
    if name.startswith("greedy"):
        hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB, a page at a time
        del hoard
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _read_document(path, data)


@pytest.fixture
def hooked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_module, "read_document", _hooked)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """Good reports before and after a slow, a greedy and a crashing file."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(raw("000"), folder / "a-good.txt")
    for name in ("slow.txt", "greedy.txt", "crash.txt"):
        shutil.copy(raw("003"), folder / name)
    shutil.copy(raw("shuyang"), folder / "z-good.html")
    return folder


@pytest.mark.usefixtures("hooked")
def test_a_file_over_its_limits_is_reported_and_the_batch_goes_on(batch: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "all.csv"
    started = time.monotonic()
    result = runner.invoke(
        app,
        [
            "read",
            str(batch),
            "--out",
            str(tmp_path / "out"),
            "--table",
            str(sheet),
            "--timeout",
            "3",
            "--memory",
            "300M",
        ],
    )
    assert time.monotonic() - started < 60  # the slow file would sleep 600 s
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["a-good.json", "z-good.json"]
    assert "超过时间上限 3 秒" in result.output and "longer than the 3 s limit" in result.output
    assert "超过内存上限 300 MB" in result.output and "300 MB memory limit" in result.output
    assert "exit code -9" in result.output  # the crash, named as such
    assert "read 2 of 5 files, 3 failed" in result.output
    rows = {Path(r["文件"]).name: r for r in csv.DictReader(sheet.read_text(encoding="utf-8-sig").splitlines())}
    assert list(rows) == ["a-good.txt", "crash.txt", "greedy.txt", "slow.txt", "z-good.html"]  # as given
    assert rows["z-good.html"]["发布机关"] and rows["a-good.txt"]["年度"] == "2020"


@pytest.mark.usefixtures("hooked")
def test_parallel_workers_read_the_same(batch: Path, tmp_path: Path) -> None:
    files = sorted(batch.iterdir())
    results = dict(read_files(files, Limits(3, 300 * 1024**2), jobs=2))
    assert sorted(results) == list(range(len(files)))
    by_name = {files[i].name: r for i, r in results.items()}
    assert by_name["a-good.txt"].ok and by_name["z-good.html"].ok
    assert [by_name[n].exceeded for n in ("slow.txt", "greedy.txt", "crash.txt")] == ["time", "memory", "memory"]


def test_a_worker_slow_to_start_does_not_use_up_the_files_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh worker forked on a loaded machine may take seconds before it takes its file (here: 3 s
    in its start-up); the file's clock starts when the worker takes it, so a 2 s limit still holds."""
    measure = limited._address_space

    def slow_start() -> int:
        time.sleep(3)
        return measure()

    monkeypatch.setattr(limited, "_address_space", slow_start)
    [(_, result)] = list(read_files([raw("000")], Limits(2, 300 * 1024**2), jobs=1))
    assert result.ok and not result.exceeded, result.error_en


def test_a_deep_page_in_a_batch_under_a_tight_limit(tmp_path: Path) -> None:
    """No hook: a 500,000-deep page (over 7 minutes before) is read within a 20 s limit."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "deep.html").write_text(hostile.nested_html(500_000), encoding="utf-8")
    shutil.copy(raw("shuyang"), folder / "good.html")
    result = runner.invoke(app, ["read", str(folder), "--out", str(tmp_path / "out"), "--timeout", "20"])
    assert (tmp_path / "out" / "good.json").exists()
    assert "no statutory tables" in result.output and "limit" not in result.output
