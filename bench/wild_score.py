"""How well gongkai reads the wild-layout fixtures (crawler text, pdftotext, PDF→Markdown), per class.

    PYTHONPATH=src .venv/bin/python bench/wild_score.py [--show N]

Reads every file of ``tests/ingest/wild/fixtures/<class>/`` (made by ``tests/ingest/wild/generate.py``)
and scores it against ``fixtures/gold`` with ``../shared/tools/score_reports.py``'s comparison. Prints
per class: cells right / total, non-zero cells right / total, wrong cells, wrong cells not named in
``uncertain`` (issue 9 asks ≥ 99.5%, and 0 unflagged), and refused files; ``--show`` lists mismatches.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))

from tests.ingest.wild.scoring import CLASSES, score_class  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="mismatches to list per class")
    parser.add_argument("classes", nargs="*", default=list(CLASSES))
    args = parser.parse_args()
    print(f"{'class':18} {'cells right/total':>22} {'non-zero right/total':>24} {'wrong':>6} {'unflagged':>9} refused")
    for name in args.classes:
        s = score_class(name)
        print(
            f"{name:18} {s.right:>6}/{s.total:<6} {s.accuracy:6.2f}% {s.nonzero_right:>6}/{s.nonzero_total:<6}"
            f" {s.nonzero:6.2f}% {len(s.wrong):>6} {len(s.unflagged):>9} {len(s.refused)}"
        )
        if args.show:
            for line in s.unflagged[: args.show]:
                print(f"    UNFLAGGED {line}")
            for line in [w for w in s.wrong if w not in s.unflagged][: args.show]:
                print(f"    flagged   {line}")
            for line in s.missing[: args.show]:
                print(f"    missing   {line}")
            for line in s.refused:
                print(f"    refused   {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
