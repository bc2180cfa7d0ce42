"""Sort a fixture class's wrong and missing cells by cause: which table, which print, which kind of cell.

    PYTHONPATH=src:. .venv/bin/python bench/missed_causes.py [--set SET] [CLASS ...]

``publishers_score --show`` lists mismatches one by one; deciding what to build next needs them
counted by cause. Each wrong or missing cell is put under its table (二 active, 三 requests, 四
appeals), its print (``-word``: LibreOffice's print of the Word original; else chromium's print of
the web page) and, for table 三, the kind of cell as the gold has it:

- ``first/total``: the 自然人 or 总计 column (printed in every row by most layouts);
- ``org, row without orgs``: an organisation cell of a row whose five organisation cells are all 0
  (decidable once the row's figures are placed);
- ``org, <5 org columns used``: an organisation cell of a row printing some organisation figure, in
  a table that uses fewer than all five organisation columns anywhere. Where zero cells print
  blank and the flow carries no column position, mapping the used columns order-preservingly onto
  other columns gives the same text and the same equations: such cells are not in the text;
- ``org, all 5 columns used``: the same with every column used somewhere (the column balances may
  or may not pin them).

Per file it also prints how many figures the text shows between table 三's heading and table 四's
against the table's cells (fewer: blank cells vanished from the flow).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE.parent)]

from bench.publishers_score import SETS  # noqa: E402
from tests.ingest.publishers.scoring import FIXTURES, score_class  # noqa: E402

_CELL = re.compile(r"(\S+?): (\S+) gold")
_FIGURE = re.compile(r"[0-9０-９]+|[-－—]")
_TABLES = {"active": "二", "requests": "三", "appeals": "四"}


def _printed(text: str) -> int:
    """Figures printed between table 三's heading and table 四's (a rough count of the flow's)."""
    start = text.find("收到和处理政府信息公开申请情况")
    end = text.find("政府信息公开行政复议、行政诉讼情况", start + 1)
    body = text[start : end if end > 0 else None] if start >= 0 else ""
    return sum(1 for token in body.split() if _FIGURE.fullmatch(token))


def _kind(requests: dict[str, list[int]], row: str, column: int) -> str:
    if column in (0, 6):
        return "first/total"
    if not any(requests[row][1:6]):
        return "org, row without orgs"
    used = {c for values in requests.values() for c in range(1, 6) if values[c]}
    return "org, <5 org columns used" if len(used) < 5 else "org, all 5 columns used"


def causes(name: str, fixtures: Path) -> tuple[Counter[str], Counter[str]]:
    """The class's wrong and missing cells counted by cause, and by file."""
    score = score_class(name, fixtures=fixtures)
    by_cause: Counter[str] = Counter()
    by_file: Counter[str] = Counter()
    for outcome, entries in (("wrong", score.wrong), ("missing", score.missing)):
        for entry in entries:
            match = _CELL.match(entry)
            if match is None:
                continue
            stem, cell = match.groups()
            print_ = "word" if stem.endswith("-word") else "web"
            table, *rest = cell.split(".")
            kind = ""
            if table == "requests" and len(rest) == 2 and rest[1].isdigit():
                gold = json.loads((fixtures / "gold" / f"{stem.split('~')[0]}.json").read_text(encoding="utf-8"))
                kind = f", {_kind(gold['requests'], rest[0], int(rest[1]))}"
            by_cause[f"{print_:4} table {_TABLES.get(table, table)}{kind} ({outcome})"] += 1
            by_file[stem] += 1
    return by_cause, by_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("publishers", *SETS), default="publishers")
    parser.add_argument("classes", nargs="*", default=["pdftotext"])
    args = parser.parse_args()
    chosen = SETS.get(args.set)
    fixtures = chosen.FIXTURES if chosen else FIXTURES
    for name in args.classes:
        by_cause, by_file = causes(name, fixtures)
        print(f"{name}: {sum(by_cause.values())} cells wrong or missing")
        for cause, count in by_cause.most_common():
            print(f"  {count:5d}  {cause}")
        for stem, count in by_file.most_common():
            path = next((fixtures / name).glob(f"{stem}.*"))
            gold = json.loads((fixtures / "gold" / f"{stem.split('~')[0]}.json").read_text(encoding="utf-8"))
            cells = sum(len(values) for values in gold.get("requests", {}).values())
            printed = _printed(path.read_text(encoding="utf-8", errors="replace"))
            print(f"  {count:5d}  {stem}  (table 三 prints {printed} figures for {cells} cells)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
