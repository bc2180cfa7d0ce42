"""Lines of pipes read in a bounded time: a converter that runs a page's cells onto one line (or
prints a box-drawn table's corners as pipes) makes rows of hundreds of cells; a page-grid map
search over them (``grid_maps``) and the cuts of a row into two rows (``displaced``) once took
minutes. Timed in a subprocess (a hang fails by its timeout, never freezes the run), each file
against the same report's own reading in the same process, not an absolute."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.ingest.grid_maps import maps
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.page_grid import GridRow
from gongkai.ingest.row_reading import Slot

from . import hostile

_FIXTURES = Path(__file__).parent / "holdout13" / "fixtures"
_SOURCES = {
    "pymupdf4llm": _FIXTURES / "pymupdf4llm" / "p2020-a~pre.md",
    "markitdown": _FIXTURES / "markitdown" / "p2020-a~pre.md",
    "pdftotext": _FIXTURES / "pdftotext" / "p2020-a~pre.txt",
    "crawler": _FIXTURES / "crawler" / "p2020-a~pre.txt",
}
_TIMER = """
import json, sys, time
from gongkai.ingest.read import read_report
plain, *hostile = sys.argv[1:]
read_report(plain)  # imports and caches warm
started = time.process_time()
read_report(plain)
times = {"plain": time.process_time() - started}
for path in hostile:
    started = time.process_time()
    result = read_report(path)
    times[path] = time.process_time() - started
    assert "RecursionError" not in result.error, result.error
print(json.dumps(times))
"""
# The plain report reads in a tenth of a second; a line of 20,000 characters costs a few plain
# reads (linear in its length). Minutes of search would exceed this by far.
_TIMES_PLAIN = 40
_SLACK = 1.0  # seconds: a plain read's timer is coarse on a loaded machine


def _timed(plain: Path, hostile_files: list[Path]) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path.cwd() / "src"), str(Path.cwd())])}
    done = subprocess.run(
        [sys.executable, "-c", _TIMER, str(plain), *map(str, hostile_files)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _bounded(times: dict[str, float]) -> None:
    limit = _TIMES_PLAIN * times["plain"] + _SLACK
    slow = {path: t for path, t in times.items() if t > limit}
    assert not slow, f"over {limit:.2f} s (plain read {times['plain']:.3f} s): {slow}"


@pytest.mark.parametrize("kind", sorted(_SOURCES))
def test_lines_of_pipes_read_in_a_bounded_time(kind: str, tmp_path: Path) -> None:
    source = _SOURCES[kind]
    text = source.read_text(encoding="utf-8")
    files: list[Path] = []
    for shape in ("pipes", "digits", "rules", "cells"):
        for length in (4_000, 20_000):
            path = tmp_path / f"{shape}-{length}{source.suffix}"
            path.write_text(hostile.with_long_lines(text, hostile.pipe_line(shape, length)), encoding="utf-8")
            files.append(path)
    _bounded(_timed(source, files))  # the old reader: 20 s for the ``|-|-|`` line of 20,000 in text


def test_box_corners_printed_as_pipes_read_in_a_bounded_time(tmp_path: Path) -> None:
    source = _SOURCES["pymupdf4llm"]
    path = tmp_path / "boxes.md"
    path.write_text(hostile.boxes_as_pipes(source.read_text(encoding="utf-8")), encoding="utf-8")
    _bounded(_timed(source, [path]))  # the old reader: not done after minutes (rows of 63 cells)


def test_a_row_of_many_cells_maps_its_figures_without_searching_every_blank() -> None:
    # 63 cells, figures in the last seven: the one map sets a column in each of them; the old
    # search tried every placement of the first columns among the 56 blank cells first.
    cells = tuple((cell, (Slot(parse_cell(str(cell)), f"line 1 cell {cell}"),)) for cell in range(57, 64))
    row = GridRow("row", 1, 63, cells)
    assert maps([row], 7) == [(57, 58, 59, 60, 61, 62, 63)]
    # Blank cells between the figures still take columns as before.
    wide = GridRow("row", 1, 12, ((10, cells[0][1]), (12, cells[1][1])))
    found = maps([wide], 4)
    assert found and all(m[-1] == 12 and 10 in m for m in found)
