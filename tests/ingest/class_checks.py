"""The checks every scored fixture set makes of a class (publishers, the hold-outs, pdfvariants):
the thresholds of issue 9, a strict xfail carrying a class's measured score, and contradicting
reports read as printed; and ``HoldoutSetTests``, the tests every hold-out set runs. One
definition, so the sets cannot drift apart."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import ClassVar

import pytest

from gongkai.ingest.read import read_report

from .publishers.scoring import score_class
from .wild.scoring import SCORER, ClassScore

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


@cache
def class_score(fixtures: Path, name: str) -> ClassScore:
    """A class of a fixture set scored once per test run (three tests look at each score)."""
    return score_class(name, fixtures=fixtures)


needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")


class HoldoutSetTests:
    """The tests every hold-out set makes of its classes. A set's test module subclasses this as
    ``Test<Set>`` and names its fixtures, classes and contradictions, the first (untuned) score
    of every class, and its marks: ``NOT_YET`` (below the thresholds, with the measured score),
    ``UNFLAGGED`` (a wrong value outside ``uncertain``, with its cause), ``CONTRADICTING`` (a
    contradicting report not read as printed), each a strict xfail so that a fix turns it red."""

    FIXTURES: ClassVar[Path]
    CLASSES: ClassVar[tuple[str, ...]]
    CONTRADICTIONS: ClassVar[dict[str, tuple[str, str]]]
    FIRST: ClassVar[dict[str, str]]
    NOT_YET: ClassVar[dict[str, str]] = {}
    UNFLAGGED: ClassVar[dict[str, str]] = {}
    CONTRADICTING: ClassVar[dict[str, str]] = {}
    # the classes whose contradicting reports are checked (read as printed, the rule reported)
    CONTRADICTION_CLASSES: ClassVar[tuple[str, ...]] = ("html", "pdf", "pdftotext-layout")

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """Each test below runs once per class, a class its set marks a strict xfail."""
        marked = {
            "test_class_reads": (self.CLASSES, self.NOT_YET),
            "test_no_wrong_cell_left_out_of_uncertain": (self.CLASSES, self.UNFLAGGED),
            "test_contradictions_read_as_printed_and_reported": (self.CONTRADICTION_CLASSES, self.CONTRADICTING),
        }
        if metafunc.function.__name__ in marked:
            names, marks = marked[metafunc.function.__name__]
            metafunc.parametrize("name", [class_param(name, marks) for name in names])

    @needs_scorer
    def test_class_reads(self, name: str) -> None:
        assert_class_reads(name, class_score(self.FIXTURES, name))

    @needs_scorer
    def test_no_wrong_cell_left_out_of_uncertain(self, name: str) -> None:
        assert_nothing_unflagged(class_score(self.FIXTURES, name))

    def test_contradictions_read_as_printed_and_reported(self, name: str) -> None:
        """A report whose printed figures break an equation is read as printed (the gold keeps the
        wrong figure) and its findings name the broken rule; never "fixed" silently."""
        assert_contradictions_read_as_printed(self.FIXTURES, name, self.CONTRADICTIONS)

    def test_first_score_is_kept_for_every_class(self) -> None:
        """The untuned score is the set's point: every class has one, and the marks name no class
        the set does not have."""
        assert set(self.FIRST) == set(self.CLASSES)
        assert set(self.NOT_YET) | set(self.UNFLAGGED) | set(self.CONTRADICTING) <= set(self.CLASSES)
        assert set(self.CONTRADICTING) <= set(self.CONTRADICTION_CLASSES)
