"""The rows of a read table 三 that break a statutory equation (the report layer's ``equations``),
each with what broke, and those rows named in ``uncertain``."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import lru_cache

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.row_reading import Value
from gongkai.report.equations import (
    COLUMN_BALANCE,
    OUTCOME_SUM,
    ROW_SUM,
    Cell,
    equations,
    requests_bound,
)
from gongkai.report.model import Report
from gongkai.report.templates import Template, get_template


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

    def note(cells: Iterable[str], what: str) -> None:
        for row in dict.fromkeys(cells):
            broken.setdefault(row, []).append(what)

    get = table.get
    for rule, left, right, rows_of, broke, exceeded in _plan(template.id):
        # each side's values (``Equation.values``) and ``balance`` of them, written out: asked of
        # every equation of every table 三 read that breaks one
        a: list[Value] = [row[c] if (row := get(k)) is not None and c is not None else None for k, c in left]
        b: list[Value] = [row[c] if (row := get(k)) is not None and c is not None else None for k, c in right]
        if None not in a and None not in b:
            if sum(v for v in a if v is not None) != sum(v for v in b if v is not None):
                note(rows_of, broke)
        elif (
            rule == OUTCOME_SUM
            and None not in b
            # Rows not read cannot make the sum smaller: counts are never negative.
            and sum(v for v in a if v is not None) > sum(v for v in b if v is not None)
        ):
            note((*(c[0] for c, v in zip(left, a, strict=True) if v), *(c[0] for c in right)), exceeded)
    return broken


_Cells = tuple[tuple[str, int | None], ...]  # (row key, column index or None) of an equation's side


@lru_cache(maxsize=8)
def _plan(template_id: str) -> tuple[tuple[str, _Cells, _Cells, tuple[str, ...], str, str], ...]:
    """Table 三's equations as ``broken_rows`` asks them, in its order (row sums first, then column
    by column its outcome sum and its balance), each with its sides' cells, the rows a break names
    and what it says (broken; an outcome sum exceeded): worked out once a template, not per reading."""
    template = get_template(template_id)
    done = template.request_row("total_processed").printed  # （七）总计
    found = [e for e in equations(template) if e.table == "requests"]
    order = {ROW_SUM: 0, OUTCOME_SUM: 1, COLUMN_BALANCE: 2}
    found.sort(key=lambda e: (e.rule != ROW_SUM, e.column if e.rule != ROW_SUM else 0, order.get(e.rule, 3)))
    plan = []
    for equation in found:
        if equation.rule not in (ROW_SUM, OUTCOME_SUM, COLUMN_BALANCE):
            continue  # (a derived rule: never noted)
        column = template.request_columns[equation.column].label if isinstance(equation.column, int) else ""
        cells: Iterable[Cell]
        if equation.rule == ROW_SUM:
            cells, broke = equation.cells, "各类申请人之和不等于总计"
        elif equation.rule == OUTCOME_SUM:
            cells, broke = (*equation.left, *equation.right), f"“{column}”列各办理结果之和不等于{done}"
        else:
            cells, broke = (*equation.left, *equation.right), f"“{column}”列第一项加第二项不等于第三项加第四项"
        plan.append(
            (
                equation.rule,
                _sides(equation.left),
                _sides(equation.right),
                tuple(dict.fromkeys(c.row for c in cells)),
                broke,
                f"“{column}”列已读出的办理结果之和已超过{done}",
            )
        )
    return tuple(plan)


def _sides(cells: tuple[Cell, ...]) -> _Cells:
    return tuple((c.row, c.column if isinstance(c.column, int) else None) for c in cells)
