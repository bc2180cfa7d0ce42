"""Score ``gongkai read`` on the wild-layout fixtures, class by class, as ``score_reports.py`` does.

The cell-by-cell comparison is the shared scorer's own (``../shared/tools/score_reports.py``,
imported, not copied). On top of it this counts the wrong cells that the reading does not name in
``uncertain``: a wrong value is tolerable only when it is flagged.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from gongkai.ingest.read import read_report

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLD = FIXTURES / "gold"
SCORER = HERE.parents[2].parent / "shared" / "tools" / "score_reports.py"
CLASSES = (
    "pdftotext",
    "pdftotext-layout",
    "pymupdf4llm",
    "markitdown",
    "crawler",
    "crawler-nospace",
    "crawler-partial",
)


@cache
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_reports", SCORER)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class ClassScore:
    name: str
    right: int = 0
    total: int = 0
    nonzero_right: int = 0
    nonzero_total: int = 0
    unflagged: list[str] = field(default_factory=list)  # "file: path gold → read"
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return 100.0 * self.right / self.total if self.total else 100.0

    @property
    def nonzero(self) -> float:
        return 100.0 * self.nonzero_right / self.nonzero_total if self.nonzero_total else 100.0


def _flagged(path: tuple[Any, ...], uncertain: list[dict[str, Any]]) -> bool:
    """Whether an ``uncertain`` entry names this cell, its row or its table."""
    dotted = ".".join(map(str, path))
    for entry in uncertain:
        cell = str(entry.get("cell", "")).replace("[", ".").replace("]", "")
        if cell and (dotted == cell or dotted.startswith(cell + ".")):
            return True
    return False


def read_fixture(path: Path) -> dict[str, Any]:
    result = read_report(path)
    if result.report is None:
        return {}
    data: dict[str, Any] = json.loads(result.report.to_json())
    return data


def score_class(name: str) -> ClassScore:
    score = scorer().score
    out = ClassScore(name)
    for path in sorted((FIXTURES / name).iterdir()):
        gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
        pred = read_fixture(path)
        if not pred:
            out.refused.append(path.name)
        right, wrong, missing, nz_right, nz_total = score(gold, pred)
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
    return out
