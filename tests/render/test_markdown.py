"""Markdown: flat tables (no merges in Markdown), every figure on its row under its column."""

from __future__ import annotations

import pytest

from gongkai.report.templates import REQUESTS_CORNER, REQUESTS_NOTE, SECTIONS, UNKNOWN_MARK

from .conftest import GOLD_FILES, Rendered


def _rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split(" | ")] for line in text.splitlines()
            if line.startswith("| ")]


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_every_row_of_every_table_carries_its_figures(rendered: dict[str, Rendered], stem: str) -> None:
    item = rendered[stem]
    text = item.md.read_text(encoding="utf-8")
    rows = _rows(text)
    template = item.report.template
    assert [f"## {s.heading}" in text for s in SECTIONS] == [True] * len(SECTIONS)
    header = next(r for r in rows if r[0] == REQUESTS_NOTE)
    assert header[1:] == [f"{REQUESTS_CORNER} · {c.full_label}" for c in template.request_columns]
    for row in template.request_rows:
        found = [r for r in rows if r[0].endswith(row.printed) and len(r) == 8]
        assert found, row.printed
        expected = [UNKNOWN_MARK if v is None else str(v) for v in item.report.requests[row.key]]
        assert found[0][1:] == expected
    for active in template.active_rows:
        line = next(r for r in rows if r[0] == active.label)
        assert [float(v) for v in line[1:]] == [item.report.active[active.key][f.key] for f in active.fields]
    appeals = next(r for r in rows if len(r) == 3 * len(template.appeal_fields) and r[0].isdigit())
    assert appeals == [str(item.report.appeals[g.key][f.key]) for g in template.appeal_groups
                       for f in template.appeal_fields]
