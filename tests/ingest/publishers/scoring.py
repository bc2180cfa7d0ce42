"""Score ``gongkai read`` on the other-publisher fixtures, class by class.

The comparison and the unflagged-wrong count are the wild-layout scorer's (``tests/ingest/wild/
scoring.py``, itself the shared ``score_reports.py``); only the pairing differs: a fixture
``<report>~<publisher>[-word].<ext>`` is scored against ``fixtures/gold/<report>.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.ingest.wild.scoring import SCORER, ClassScore, _flagged, read_fixture, scorer

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLD = FIXTURES / "gold"
CLASSES = (
    "html",
    "docx",
    "pdf",
    "pdftotext",
    "pdftotext-layout",
    "pymupdf4llm",
    "markitdown",
    "crawler",
    "crawler-nospace",
)

__all__ = ["CLASSES", "FIXTURES", "SCORER", "ClassScore", "score_class", "score_file"]


def gold_of(path: Path) -> Path:
    """``fixtures/<class>/<report>~<publisher>.<ext>`` → ``fixtures/gold/<report>.json``."""
    return path.parent.parent / "gold" / f"{path.name.split('~', 1)[0]}.json"


def score_file(path: Path, out: ClassScore) -> None:
    """Add one fixture's cells to ``out``."""
    gold = json.loads(gold_of(path).read_text(encoding="utf-8"))
    pred = read_fixture(path)
    if not pred:
        out.refused.append(path.name)
    right, wrong, missing, nz_right, nz_total = scorer().score(gold, pred)
    out.right += right
    out.total += right + len(wrong) + len(missing)
    out.nonzero_right += nz_right
    out.nonzero_total += nz_total
    uncertain = pred.get("uncertain", [])
    for cell, expected, got in wrong:
        where = f"{path.stem}: {'.'.join(map(str, cell))} gold {expected!r} read {got!r}"
        out.wrong.append(where)
        if not _flagged(cell, uncertain):
            out.unflagged.append(where)
    out.missing += [f"{path.stem}: {'.'.join(map(str, cell))} gold {expected!r}" for cell, expected in missing]


def score_class(name: str, publisher: str = "", fixtures: Path = FIXTURES) -> ClassScore:
    """Every fixture of a class (of one publisher only, when given) of a fixture set laid out as
    this one (the hold-out set is)."""
    out = ClassScore(name)
    for path in sorted((fixtures / name).iterdir()):
        if publisher and path.stem.split("~", 1)[1].split("-")[0] != publisher:
            continue
        score_file(path, out)
    return out
