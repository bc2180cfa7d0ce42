"""The confidentiality scan's speed: adversarial runs and ordinary text, characters per second.

    PYTHONPATH=src .venv/bin/python bench/scan.py [--chars 120000]

Prints, for each run aimed at one pattern (a run of letters for the old e-mail pattern, of digits,
of spaced digits for the number assembly, of ``@`` …), the seconds ``scan_text`` takes on it, and
the throughput on the shared corpus's real reports repeated to the same size, and the number of
(false) findings in random table figures. Add ``--old`` to time
the e-mail pattern the scan used before (quadratic: minutes at 120,000 characters, so it is timed
on ``--old-chars``, default 20,000).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from gongkai.platform.registry.scan import scan_text

RUNS = [
    "a",
    "1",
    "０",
    "一",
    " ",
    ".",
    "\n",
    "a@",
    "@a.",
    "1 ",
    "1-",
    "138 ",
    "86 ",
    "一 ",
    "62",
    "a" * 62 + "!@",
    "3" * 17 + "X ",
    "密★",
    "\n秘密\n",
    "路1号",
    "1幢",
    "a@b.cn ",
]
OLD_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"


def _timed(text: str) -> float:
    start = time.perf_counter()
    scan_text(text, "正文")
    return time.perf_counter() - start


def _tables(rows: int) -> None:
    """False alarms on random table figures (1 to 9 digits, 1 to 15 per row), in the layouts text
    extraction gives tables: cells split by spaces, tabs, line breaks, dashes or dots."""
    rng = random.Random(3)
    total = alarms = 0
    for cell_separator in (" ", "\n", "\t", "  ", "-", "."):
        lines = [
            cell_separator.join(str(rng.randint(0, 10 ** rng.randint(1, 9))) for _ in range(rng.randint(1, 15)))
            for _ in range(rows)
        ]
        text = "\n".join(lines)
        total += len(text)
        alarms += sum(f.blocking for f in scan_text(text, "正文"))
    print(f"random table figures, {total:,} characters: {alarms} blocking findings (all false alarms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=120_000)
    parser.add_argument("--old", action="store_true")
    parser.add_argument("--old-chars", type=int, default=20_000)
    parser.add_argument("--table-rows", type=int, default=40_000, help="rows of random table figures per layout")
    args = parser.parse_args()
    scan_text("３", "正文")  # build the folding table once
    print(f"scan_text on {args.chars:,}-character runs (seconds):")
    worst = 0.0
    for unit in RUNS:
        text = (unit * (args.chars // len(unit) + 1))[: args.chars]
        seconds = _timed(text)
        worst = max(worst, seconds)
        print(f"  {unit[:12]!r:>16}  {seconds:.3f}")
    print(f"  worst: {worst:.3f}")
    reports = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    if reports:
        text = "\n".join(reports)
        text = (text * (args.chars // len(text) + 1))[: args.chars]
        seconds = _timed(text)
        print(f"real reports, {len(text):,} characters: {seconds:.3f} s ({len(text) / seconds / 1e6:.2f} M chars/s)")
    _tables(args.table_rows)
    if args.old:
        for unit in ("a", "1"):
            text = unit * args.old_chars
            start = time.perf_counter()
            list(OLD_EMAIL.finditer(text))
            print(f"old e-mail pattern on {args.old_chars:,} × {unit!r}: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
