"""The checks every scored fixture set makes of a class (publishers, both hold-outs, pdfvariants):
the thresholds of issue 9, a strict xfail carrying a class's measured score, and contradicting
reports read as printed. One definition, so the sets cannot drift apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.read import read_report

from .wild.scoring import ClassScore

CELLS = 99.5  # % of all cells
NON_ZERO = 99.0  # % of non-zero cells


def class_param(name: str, marks: dict[str, str]) -> object:
    """``name`` as a test parameter: a strict xfail with its measured score when ``marks`` has it
    (so that it turns red, XPASS, once fixed and the mark must go)."""
    if name in marks:
        return pytest.param(name, marks=pytest.mark.xfail(reason=marks[name], strict=True))
    return name


def assert_nothing_unflagged(score: ClassScore) -> None:
    assert not score.unflagged, "wrong and not in uncertain:\n" + "\n".join(score.unflagged[:20])


def assert_class_reads(name: str, score: ClassScore) -> None:
    """Nothing refused, no wrong value outside ``uncertain``, and the thresholds met."""
    assert not score.refused, f"refused: {score.refused}"
    assert_nothing_unflagged(score)
    assert score.accuracy >= CELLS and score.nonzero >= NON_ZERO, (
        f"{name}: {score.right}/{score.total} cells ({score.accuracy:.2f}%), non-zero {score.nonzero:.2f}%; "
        f"missing e.g. {score.missing[:5]}, wrong e.g. {score.wrong[:5]}"
    )


def assert_contradictions_read_as_printed(
    fixtures: Path, name: str, contradictions: dict[str, tuple[str, str]]
) -> None:
    """Each report of class ``name`` whose printed figures break an equation is read as printed
    (the gold keeps the wrong figure) and its findings name the broken rule; never "fixed"."""
    checked = 0
    for path in sorted((fixtures / name).iterdir()):
        report_name = path.name.split("~", 1)[0]
        if report_name not in contradictions:
            continue
        _what, rule = contradictions[report_name]
        result = read_report(path)
        assert result.report is not None, result.error
        rules = {finding.rule for finding in result.report.findings}
        assert rule in rules, f"{path.name}: {rule} not among the findings {sorted(rules)}"
        gold = json.loads((fixtures / "gold" / f"{report_name}.json").read_text(encoding="utf-8"))
        read = json.loads(result.report.to_json())
        assert read["requests"] == gold["requests"] and read["appeals"] == gold["appeals"], path.name
        checked += 1
    assert checked >= 2, f"{name}: the contradicting reports are missing from the fixtures"
