"""The reader scores its readings with the report layer's equations: one definition, not a copy.

Take the equations away from ``report/equations.py`` and the reader must lose its arithmetic
with the checks: if ingest spelled the statutory sums again on its own, it would still decide
the rows that only the arithmetic decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gongkai.ingest.read import read_report
from gongkai.ingest.recognise import recognise
from gongkai.ingest.text import read_text
from gongkai.report import equations as eq
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES

from .corpus import gold, raw
from .layouts import render_run_together


@pytest.fixture
def no_equations(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def forget() -> None:  # every equation set and compiled form the module has cached
        for cached in vars(eq).values():
            if callable(getattr(cached, "cache_clear", None)):
                cached.cache_clear()

    forget()
    monkeypatch.setattr(eq, "_all", lambda template_id: ())
    yield
    monkeypatch.undo()
    forget()


def _read_004() -> Report:
    result = read_report(raw("004"))
    assert result.report is not None, result.error_en
    return result.report


def _arithmetic_findings(report: Report) -> set[str]:
    return {f.rule for f in report.findings or [] if f.rule.startswith(("requests.", "appeals."))}


def test_the_reader_compiles_the_report_layers_equation_objects() -> None:
    for template_id, template in TEMPLATES.items():
        defined = eq.equations(template, derived=True)
        compiled = eq.requests_bound(template_id).equations
        assert compiled and all(any(c is d for d in defined) for c in compiled)
        assert {e.rule for e in compiled} == {e.rule for e in defined if e.table == "requests"}
        groups = tuple(g.key for g in template.appeal_groups)
        fields = tuple(f.key for f in template.appeal_fields)
        for flat in (False, True):
            bound = eq.appeals_bound(template_id, groups, fields, flat)
            assert bound.equations == tuple(e for e in eq.equations(template) if e.table == "appeals")


def test_rows_only_the_arithmetic_decides_depend_on_the_report_layers_equations(no_equations: None) -> None:
    # 004 prints （一）予以公开 with fewer cells than columns: three readings, and only the
    # equations of table 三 tell which is right (tests/ingest/test_read_corpus.py).
    report = _read_004()
    assert report.requests["granted"] != [3, 0, 0, 0, 0, 0, 3]  # nothing left to choose with
    assert None in report.requests["unavailable_not_held"]
    assert not _arithmetic_findings(report)  # and the checks have lost the same equations


def test_the_same_rows_with_the_equations() -> None:
    report = _read_004()
    assert report.requests["granted"] == [3, 0, 0, 0, 0, 0, 3]
    assert report.requests["unavailable_not_held"] == [2, 0, 0, 0, 0, 0, 2]
    # 三（七）总计 is printed all 0: the same equations report it
    assert _arithmetic_findings(report) == {"requests.outcome_sum", "requests.column_balance"}


def _run_together(prefix: str) -> tuple[Report, Report]:
    """A gold report as crawler text prints it, its cells run together: only the equations cut it."""
    expected = Report.load(gold(prefix))
    return expected, recognise(read_text(Path("run.txt"), render_run_together(expected).encode("utf-8")))


def test_run_together_cells_are_cut_by_the_report_layers_equations(no_equations: None) -> None:
    expected, got = _run_together("002")
    assert got.appeals != expected.appeals  # table 四's fifteen digits: no group sums left to cut by
    assert got.requests != expected.requests


def test_run_together_cells_with_the_equations() -> None:
    expected, got = _run_together("002")
    assert (got.requests, got.appeals) == (expected.requests, expected.appeals)
