"""Markdown: each table as its grid (merged cells once, the rest blank), every figure in its place."""

from __future__ import annotations

import pytest

from gongkai.report.templates import LITIGATION, REQUESTS_CORNER, REQUESTS_NOTE, SECTIONS, UNKNOWN_MARK

from .conftest import GOLD_FILES, Rendered


def _tables(text: str) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    for line in text.splitlines():
        if line.startswith("|"):
            if set(line) <= {"|", "-"}:
                continue
            if current is None:
                current = []
                tables.append(current)
            current.append([c.strip() for c in line.strip()[2:-2].split(" | ")])
        else:
            current = None
    return tables


def _figure(value: object) -> str:
    return UNKNOWN_MARK if value is None else str(value)


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_tables_keep_the_template_grid_and_every_figure(rendered: dict[str, Rendered], stem: str) -> None:
    item = rendered[stem]
    report, template = item.report, item.report.template
    text = item.md.read_text(encoding="utf-8")
    assert [f"## {s.heading}" in text for s in SECTIONS] == [True] * len(SECTIONS)
    active, requests, appeals = _tables(text)
    # table 二: each row's label first, its figures after it
    for row in template.active_rows:
        line = next(r for r in active if r[0] == row.label)
        figures = [v for v in line[1:] if v]
        assert [float(v) for v in figures] == [report.active[row.key][f.key] for f in row.fields]
    # table 三: the note and 申请人情况 head the grid; label in the template's column, then 7 figures
    assert requests[0][0] == REQUESTS_NOTE and requests[0][3] == REQUESTS_CORNER
    assert all(len(r) == 3 + len(template.request_columns) for r in requests)
    for row in template.request_rows:
        column = 2 if row.group else 1 if row.section else 0
        line = next(r for r in requests if r[column] == row.printed)
        assert line[3:] == [_figure(v) for v in report.requests[row.key]]
    # table 四: three header rows, then the fifteen figures
    assert appeals[0][0] == template.appeal_groups[0].label and LITIGATION in appeals[0]
    assert appeals[3] == [
        _figure(report.appeals[g.key][f.key]) for g in template.appeal_groups for f in template.appeal_fields
    ]
