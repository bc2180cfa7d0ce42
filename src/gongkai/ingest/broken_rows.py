"""The rows of a read table 三 that break a statutory equation (the report layer's ``equations``),
each with what broke, and those rows named in ``uncertain``."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.row_reading import Value
from gongkai.report.equations import COLUMN_BALANCE, OUTCOME_SUM, ROW_SUM, Cell, equations, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template


def doubt_broken_rows(template: Template, report: Report, evidence: Evidence) -> None:
    """Name in ``uncertain`` every row of the read table 三 that takes part in a broken equation,
    with what broke: a reader that placed figures by their printed order says so, never hides it."""
    for key, broke in broken_rows(template, report.requests).items():
        evidence.doubt_more(
            f"requests.{key}",
            f"表三勾稽关系不成立（{'；'.join(dict.fromkeys(broke))}）",
            "table 三 breaks its arithmetic here",
        )


def broken_rows(template: Template, table: dict[str, list[int | None]]) -> dict[str, list[str]]:
    """The rows of a read table 三 that take part in a broken statutory equation (the report
    layer's ``equations``), each with what broke (in Chinese). The reading keeps the printed
    figures; this says they are in doubt."""
    broken: dict[str, list[str]] = {}
    known = all(row.key in table and None not in table[row.key] for row in template.request_rows)
    rows: dict[Hashable, list[int | None]] = dict(table.items())
    if known and not requests_bound(template.id).broken(rows):
        return broken  # the usual case: every row known and every equation holds (compiled, fast)

    def value(cell: Cell) -> Value:
        row = table.get(cell.row)
        return row[cell.column] if row is not None and isinstance(cell.column, int) else None

    def note(cells: Iterable[Cell], what: str) -> None:
        for row in dict.fromkeys(c.row for c in cells):
            broken.setdefault(row, []).append(what)

    done = template.request_row("total_processed").printed  # （七）总计
    found = [e for e in equations(template) if e.table == "requests"]
    # Row sums first, then column by column its outcome sum and its balance.
    order = {ROW_SUM: 0, OUTCOME_SUM: 1, COLUMN_BALANCE: 2}
    found.sort(key=lambda e: (e.rule != ROW_SUM, e.column if e.rule != ROW_SUM else 0, order.get(e.rule, 3)))
    for equation in found:
        holds = equation.holds(value)
        column = template.request_columns[equation.column].label if isinstance(equation.column, int) else ""
        if equation.rule == ROW_SUM:
            if holds is False:
                note(equation.cells, "各类申请人之和不等于总计")
        elif equation.rule == OUTCOME_SUM:
            if holds is False:
                note((*equation.left, *equation.right), f"“{column}”列各办理结果之和不等于{done}")
            elif holds is None and equation.exceeded(value):
                # Rows not read cannot make the sum smaller: counts are never negative.
                note(
                    (*(c for c in equation.left if value(c)), *equation.right),
                    f"“{column}”列已读出的办理结果之和已超过{done}",
                )
        elif equation.rule == COLUMN_BALANCE and holds is False:
            note((*equation.left, *equation.right), f"“{column}”列第一项加第二项不等于第三项加第四项")
    return broken
