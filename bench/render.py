"""Benchmark: render many reports to HTML, DOCX, Markdown (and PDF, charts) and print the rates.

    .venv/bin/python bench/render.py [--count 1000] [--pdf-count 100] [--charts-count 20]

The reports are the corpus gold files, repeated and varied (each copy gets its own agency name and
its figures scaled by a whole factor, which keeps the statutory arithmetic as it was). Files are
written to a temporary folder, as ``gongkai render`` writes them. The target: 1,000 reports in
under a minute each for HTML and for DOCX. PDF goes through LibreOffice in one batched call.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from gongkai.render.batch import Job, charts_for, render_files
from gongkai.report.model import Report

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "gold"


def _scaled(node: Any, factor: int) -> Any:
    if isinstance(node, dict):
        return {k: _scaled(v, factor) for k, v in node.items()}
    if isinstance(node, list):
        return [_scaled(v, factor) for v in node]
    if isinstance(node, int | float) and not isinstance(node, bool):
        return node * factor
    return node


def sample_reports(count: int) -> list[Report]:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    reports = []
    for i in range(count):
        data = dict(golds[i % len(golds)])
        factor = 1 + i % 5
        for table in ("active", "requests", "appeals"):
            data[table] = _scaled(data[table], factor)
        data["agency"] = f"{data['agency']}（样本{i + 1}）"
        reports.append(Report.from_dict(data))
    return reports


def _time(label: str, reports: list[Report], fmt: str, out: Path, illustrated: bool = False) -> float:
    jobs = [Job(report, out / f"{i:05d}.{fmt}") for i, report in enumerate(reports)]
    started = time.perf_counter()
    render_files(jobs, fmt, illustrated=illustrated)
    seconds = time.perf_counter() - started
    failed = [job for job in jobs if job.error]
    size = sum(job.out.stat().st_size for job in jobs if job.out.exists())
    print(
        f"{label:<22} {len(reports):>5} reports  {seconds:8.2f} s  {len(reports) / seconds:8.1f} reports/s  "
        f"{size / len(reports) / 1024:8.1f} KiB each" + (f"  {len(failed)} FAILED" if failed else "")
    )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="reports for HTML, DOCX and Markdown")
    parser.add_argument("--pdf-count", type=int, default=100, help="reports for PDF (LibreOffice, batched)")
    parser.add_argument("--charts-count", type=int, default=20, help="reports drawn with their charts")
    args = parser.parse_args()

    started = time.perf_counter()
    reports = sample_reports(args.count)
    print(f"{args.count} sample reports built from {GOLD} in {time.perf_counter() - started:.2f} s")
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as tmp:
        out = Path(tmp)
        results = {}
        for fmt in ("html", "docx", "md"):
            (out / fmt).mkdir()
            results[fmt] = _time(fmt, reports, fmt, out / fmt)
        if args.pdf_count:
            (out / "pdf").mkdir()
            _time("pdf (LibreOffice)", reports[: args.pdf_count], "pdf", out / "pdf")
        if args.charts_count:
            sample = reports[: args.charts_count]
            t = time.perf_counter()
            drawn = 0
            for report in sample:  # drawn lazily: ask for both drawings, as HTML + DOCX would
                for chart in charts_for(report, True):
                    drawn += bool(chart.svg) + bool(chart.png)
            seconds = time.perf_counter() - t
            print(
                f"{'charts (图解)':<20} {len(sample):>5} reports  {seconds:8.2f} s  "
                f"{len(sample) / seconds:8.1f} reports/s  ({drawn} drawings, SVG and PNG)"
            )
            (out / "html-illustrated").mkdir()
            _time("html --illustrated", sample, "html", out / "html-illustrated", illustrated=True)
    for fmt in ("html", "docx"):
        verdict = "ok" if results[fmt] < 60 else "TOO SLOW"
        print(f"target: {args.count} reports to {fmt} in under 60 s: {results[fmt]:.1f} s {verdict}")


if __name__ == "__main__":
    main()
