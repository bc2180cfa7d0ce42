"""How fast gongkai reads published reports, per format, on one core.

    .venv/bin/python bench/read.py [--seconds 2]

For each format (text, HTML, DOCX, PDF) it reads a set of files over and over for a few seconds
and prints reports per CPU-second, twice: for the whole of ``read_report`` (format reader + table
recogniser + checks) and for the format reader alone (``read_document``), so that a slow step can
be told from a slow reader. The files are the corpus reports (``../shared/corpus/raw``) and
reports made from the gold data in every format (HTML in UTF-8 and GB18030, Word, and PDFs that
LibreOffice makes from the Word files, among them a report of ten pages and more).

Goals (issue 3): text ≥ 500/s, HTML ≥ 300/s, DOCX ≥ 50/s, PDF ≥ 5/s for a ten-page report.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Not bench/ itself on the path: a bench script there named like a standard module (platform.py)
# would shadow it for every library that imports it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))  # for the report-file generator in tests/ingest

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from tests.environment import RAW  # noqa: E402
from tests.ingest.make_files import Fixtures, build_fixtures  # noqa: E402

from gongkai.ingest.read import read_document, read_report  # noqa: E402

GOALS = {"text": 500.0, "html": 300.0, "docx": 50.0, "pdf": 5.0, "pdf, ten pages and more": 5.0}


def one_core() -> str:
    """Pin the process to one CPU, as the goals are stated per core."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here)"


def rate(files: list[tuple[Path, bytes]], step: Callable[[Path, bytes], object], seconds: float) -> float:
    """Reports per second for ``step`` over ``files``, looping until ``seconds`` have passed."""
    for path, data in files:  # warm up: imports, caches
        step(path, data)
    # CPU time of this process, not wall time: on a shared machine the wall clock also counts
    # the time other processes held the core, which says nothing about gongkai's speed.
    done = 0
    started = time.process_time()
    while True:
        for path, data in files:
            step(path, data)
        done += len(files)
        elapsed = time.process_time() - started
        if elapsed >= seconds:
            return done / elapsed


def whole(path: Path, data: bytes) -> object:
    result = read_report(path)  # reads the file itself, as the command does
    if not result.ok:
        raise SystemExit(f"bench input failed to read: {result.error}")
    return result


def reader_only(path: Path, data: bytes) -> object:
    return read_document(path, data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()
    console = Console(width=max(Console().width, 110))
    console.print(f"gongkai read benchmark — {one_core()}")
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as tmp:
        with console.status("making report files from the gold data (LibreOffice for the PDFs)…"):
            made: Fixtures = build_fixtures(Path(tmp))
        if made.pdf_error:
            console.print(f"[yellow]no PDFs: {made.pdf_error}[/]")
        long_pdf = made.pdf.get(Fixtures.LONG)
        sets: dict[str, list[Path]] = {
            "text": sorted(RAW.glob("*.txt")),
            "html": sorted(RAW.glob("*.html")) + list(made.html.values()) + list(made.gbk_html.values()),
            "docx": list(made.docx.values()),
            "pdf": [made.pdf[name] for name in made.reports if name in made.pdf],
            "pdf, ten pages and more": [long_pdf] if long_pdf else [],
        }
        table = Table(title="reports per second, one core")
        for column in ("format", "files", "sample", "read_report /s", "reader alone /s", "goal /s", ""):
            table.add_column(column, justify="right" if column.endswith("/s") or column == "files" else "left")
        for fmt, paths in sets.items():
            if not paths:
                table.add_row(fmt, "0", "—", "—", "—", f"{GOALS[fmt]:.0f}", "skipped")
                continue
            files = [(p, p.read_bytes()) for p in paths]
            with console.status(f"measuring {fmt}…"):
                full = rate(files, whole, args.seconds)
                alone = rate(files, reader_only, args.seconds)
            sample = _describe(fmt, files)
            verdict = "[green]ok[/]" if full >= GOALS[fmt] else "[red]below goal[/]"
            table.add_row(fmt, str(len(files)), sample, f"{full:,.1f}", f"{alone:,.1f}", f"{GOALS[fmt]:.0f}", verdict)
        console.print(table)
    return 0


def _describe(fmt: str, files: list[tuple[Path, bytes]]) -> str:
    size = sum(len(d) for _, d in files) / len(files) / 1024
    if fmt.startswith("pdf"):
        pages = [read_document(p, d).pages or 0 for p, d in files]
        return f"{size:.0f} KB, {sum(pages) / len(pages):.1f} pages avg"
    return f"{size:.0f} KB avg"


if __name__ == "__main__":
    sys.exit(main())
