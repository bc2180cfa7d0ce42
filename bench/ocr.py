"""How fast gongkai reads scanned reports by OCR, in pages per CPU-second on one core.

    .venv/bin/python bench/ocr.py [FILE.pdf …]

Reads the committed scans (``tests/ingest/scans``: every gold report at 150 dpi, one at 300 dpi;
or the files given) through ``read_report`` and prints, per file, pages per CPU-second for the
whole read and the share of the page geometry (deskew, rules, cells) in it; the rest is the OCR
engine. CPU time of this process, pinned to one core: on a shared machine the wall clock also
counts the time other processes held the core. ONNX Runtime runs on one thread (``ocr_engine``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from gongkai.ingest import ocr, ocr_grid  # noqa: E402
from gongkai.ingest.read import read_report  # noqa: E402


def one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here)"


class _GeometryClock:
    """CPU seconds spent in ``ocr_grid`` (wrapped around its entry points)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        for name in ("binarise", "skew_angle", "rotate", "tables"):
            original = getattr(ocr_grid, name)
            setattr(ocr, name, self._timed(original))

    def _timed(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - started

        return timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = args.files or sorted((REPO / "tests" / "ingest" / "scans").glob("*.pdf"))
    if not files:
        print("no scans: run tests/ingest/scans/generate.py", file=sys.stderr)
        return 2
    console = Console()
    console.print(f"OCR path, {one_core()}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    clock = _GeometryClock()
    read_report(files[0])  # warm up: imports, models
    table = Table("file", "pages", "CPU s", "pages / CPU-s", "geometry share", "wall s")
    pages_total = cpu_total = 0.0
    for path in files:
        clock.seconds = 0.0
        wall, cpu = time.perf_counter(), time.process_time()
        result = read_report(path)
        cpu = time.process_time() - cpu
        wall = time.perf_counter() - wall
        pages = (result.report.extra["source"].get("pages", 0) if result.report is not None else 0) or 1
        pages_total += pages
        cpu_total += cpu
        status = "" if result.ok else f" ({result.error_en})"
        table.add_row(
            path.name + status,
            str(pages),
            f"{cpu:.1f}",
            f"{pages / cpu:.3f}",
            f"{clock.seconds / cpu:.0%}",
            f"{wall:.1f}",
        )
    console.print(table)
    console.print(
        f"all: {pages_total:.0f} pages in {cpu_total:.1f} CPU-s = {pages_total / cpu_total:.3f} pages per "
        f"CPU-second on one core ({cpu_total / pages_total:.1f} s a page)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
