"""Table 三 whose tall rows printed their 自然人 cell apart from their other cells (``pdftotext``
default mode).

A row whose label cell is tall (a wrapped label, a group cell beside it) may come out of
``pdftotext`` in two pieces: its first cell, the 自然人 figure, with the label's lines (``（六）其他
处理`` / ``21``), and its six other cells as a run somewhere else, after the next row's figures
(``247 09 00 00 13 00 269`` for （七）总计 first, then ``01 00 00 00 00 22``) or before (the runs
of two rows, then the whole rows after them, then the two rows' labels with their figures at the
end of the table). Rows still come out in the table's order: the pieces of the rows that split
each keep it, the first cells among themselves and the runs among themselves.

This reader parses the figures in printed order into whole rows (seven figures), first cells (the
only figure after a label) and runs (six figures), rows started in the table's order and at most
``_WAITING`` rows waiting for their other piece at a time, every row adding up to its 总计; it keeps
the tables that break none of table 三's equations (``report/equations``). A cell is read where
every table kept agrees on it; the others stay unknown with their values in ``uncertain``. It runs
only where the readings before it left cells unread or broke equations, and the search is bounded:
past its budget, or with more than ``_FOUND`` tables, nothing is read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.broken_rows import doubt_broken_rows
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, line_number, printed_counts
from gongkai.ingest.request_rows import request_records
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.row_reading import Value
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_WAITING = 3  # rows waiting for their other piece at a time
_NODES = 30_000  # parse states the search may visit (about 30 µs each)
_FOUND = 64  # distinct readings of a stretch kept at most; past it nothing is read
_TOLERATED = 2  # equations a report read cell by cell may break: a contradiction, read as printed
_MAX_CELLS = 40 * 8  # more figures than any table 三: not this table's stream

Row = tuple[tuple[int, ...], tuple[int, ...]]  # a row's values and the positions of its figures
Done = tuple[tuple[int, Row], ...]  # the rows completed from a parse state on, by row index
# (row, values so far, their positions): a row waiting for its other piece
Waiting = tuple[tuple[int, tuple[int, ...], tuple[int, ...]], ...]


@dataclass(frozen=True)
class _Parsing:
    """The parse's figures and what it has found (state passed to a module function, not a
    recursive closure: a closure calling itself is a reference cycle on every call)."""

    amounts: list[int]
    first_of: list[frozenset[int]]  # the rows each figure may be the first cell of, printed apart
    rows: int
    width: int
    inside: list[list[int]]  # a row's own equations as coefficients over its cells
    memo: dict[tuple[int, int, Waiting, Waiting], list[Done] | None]
    budget: list[int]


def _holds(a: _Parsing, values: Sequence[int]) -> bool:
    return all(sum(c * v for c, v in zip(row, values, strict=True)) == 0 for row in a.inside)


def apart(done: Done) -> int:
    """How many rows a parse reads from pieces printed apart (its figures not one after another)."""
    return sum(1 for _, (_, sources) in done if any(b != a + 1 for a, b in pairwise(sources)))


def _parse(a: _Parsing, pos: int, next_row: int, runs_first: Waiting, firsts: Waiting) -> list[Done] | None:
    """The distinct ways to read the figures from ``pos`` on (``next_row``: the next row to
    start; ``runs_first``: rows whose run came out, waiting for their first cell; ``firsts``: rows
    whose first cell came out, waiting for their run); None past the budget or the cap."""
    key = (pos, next_row, runs_first, firsts)
    if key in a.memo:
        return a.memo[key]
    a.budget[0] -= 1
    if a.budget[0] < 0:
        return None
    n, w = len(a.amounts), a.width
    if pos == n:
        found: list[Done] | None = [()] if next_row == a.rows and not runs_first and not firsts else []
        a.memo[key] = found
        return found
    out: dict[tuple[tuple[int, tuple[int, ...]], ...], Done] = {}
    tries: list[tuple[Row | None, int, tuple[int, int, Waiting, Waiting]]] = []
    here = tuple(range(pos, pos + w))
    if next_row < a.rows and pos + w <= n:  # a whole row
        values = tuple(a.amounts[pos : pos + w])
        if _holds(a, values):
            tries.append(((values, here), next_row, (pos + w, next_row + 1, runs_first, firsts)))
    if next_row in a.first_of[pos] and len(firsts) < _WAITING:  # a row's first cell apart
        waiting = (*firsts, (next_row, (a.amounts[pos],), (pos,)))
        tries.append((None, -1, (pos + 1, next_row + 1, runs_first, waiting)))
    if next_row < a.rows and pos + w - 1 <= n and len(runs_first) < _WAITING:  # a row's run, its first cell later
        waiting = (*runs_first, (next_row, tuple(a.amounts[pos : pos + w - 1]), here[:-1]))
        tries.append((None, -1, (pos + w - 1, next_row + 1, waiting, firsts)))
    if runs_first and runs_first[0][0] in a.first_of[pos]:  # the first cell of the oldest row waiting for it
        row, values, sources = runs_first[0]
        full = (a.amounts[pos], *values)
        if _holds(a, full):
            tries.append((((full), (pos, *sources)), row, (pos + 1, next_row, runs_first[1:], firsts)))
    if firsts and pos + w - 1 <= n and firsts[0][2][0] != pos - 1:  # the run of the oldest row waiting for it
        row, values, sources = firsts[0]  # (right after its first cell it is a whole row, tried above)
        full = (*values, *a.amounts[pos : pos + w - 1])
        if _holds(a, full):
            tries.append(((full, (*sources, *here[:-1])), row, (pos + w - 1, next_row, runs_first, firsts[1:])))
    for done, row, (p, r, rf, f) in tries:
        rest = _parse(a, p, r, rf, f)
        if rest is None:
            a.memo[key] = None
            return None
        for tail in rest:
            whole = ((row, done), *tail) if done is not None else tail
            values_key = tuple(sorted((i, v[0]) for i, v in whole))
            kept = out.get(values_key)
            if kept is None or apart(whole) < apart(kept):
                out[values_key] = whole  # of two parses giving the same rows, the one nearer to the print
            if len(out) > _FOUND:
                a.memo[key] = None
                return None
    found = list(out.values())
    a.memo[key] = found
    return found


def split_readings(
    amounts: list[int], first_of: list[frozenset[int]], rows: int, width: int, inside: list[list[int]]
) -> list[Done] | None:
    """Every distinct reading of ``amounts`` as ``rows`` rows, some printed in two pieces (module
    docstring), each row adding up; None past the budget or the cap."""
    if len(amounts) != rows * width:
        return []
    a = _Parsing(amounts, first_of, rows, width, inside, {}, [_NODES])
    return _parse(a, 0, 0, (), ())


def _firsts(records: list[Record], keys: Sequence[Hashable]) -> list[frozenset[int]]:
    """For each printed figure, the rows it may be the first cell of, printed with the row's
    label: where it is the only figure after a label, alone beside a label on its line (a row
    laid out on one line is no first cell apart), or the last figure before a label, the rows
    named last before it and first after it (none otherwise)."""
    index = {str(key): i for i, key in enumerate(keys)}
    named = sorted(
        (n, index[key])
        for key, found in request_records(records)[0].items()
        if key in index and (n := line_number(found.label)) is not None
    )
    out: list[frozenset[int]] = []
    for at, record in enumerate(records):
        printed = [t for t in record.values if t.value.kind is not CellKind.BLANK]
        label_lines = {_line(t.where) for t in record.labels}
        before_label = at + 1 < len(records) and bool(records[at + 1].labels)
        on_line = Counter(_line(t.where) for t in printed)
        for k, token in enumerate(printed):
            n = line_number(token)
            apart = (
                (len(printed) == 1 and bool(record.labels))
                or (_line(token.where) in label_lines and on_line[_line(token.where)] == 1)
                or (k == len(printed) - 1 and before_label)
            )
            if not apart or n is None:
                out.append(frozenset())
                continue
            before = [r for m, r in named if m <= n]
            after = [r for m, r in named if m > n]
            out.append(frozenset(before[-1:] + after[:1]))
    return out


def _line(where: str) -> str:
    return where.split(" part ")[0]


def read_split_rows(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Replace the reading of table 三 with the one from its rows printed in pieces (module
    docstring), where the arithmetic confirms it and the reading before left cells unread or
    broke more of it; ``records``: the records of table 三, in order."""
    now = requests_now(template, report)
    labelled: dict[Hashable, tuple[Value, ...]] = now.values_table()
    bound = requests_bound(template.id)
    if now.complete and now.broken() <= _TOLERATED:
        return  # every cell read, the arithmetic holding or broken once or twice: read as printed
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    figures = printed_counts(records)
    if figures is None or len(figures) != len(keys) * width or len(figures) > _MAX_CELLS:
        return
    first_of = _firsts(records, keys)
    inside = row_equations(bound, keys, width)
    if inside is None or len(first_of) != len(figures) or not any(first_of):
        return
    amounts = [int(t.value.amount or 0) for t in figures]
    found = split_readings(amounts, first_of, len(keys), width, inside)
    if not found:
        return
    tables: list[tuple[dict[Hashable, tuple[Value, ...]], dict[int, Row]]] = []
    for done in found:
        rows = dict(done)
        table: dict[Hashable, tuple[Value, ...]] = {key: rows[i][0] for i, key in enumerate(keys)}
        if bound.broken(table) == 0:
            tables.append((table, rows))
    if not tables:
        return
    # Tables the arithmetic cannot tell apart: the ones nearest to the print (fewest rows in pieces).
    fewest = min(apart(tuple(rows.items())) for _, rows in tables)
    tables = [(table, rows) for table, rows in tables if apart(tuple(rows.items())) == fewest]
    if fewest == 0:
        return  # only the plain row-by-row order, which the readers before weighed
    satisfied, broken = bound.score(tables[0][0])
    before, after = bound.score(labelled)
    if satisfied - broken <= before - after:
        return
    _take(template, keys, width, figures, tables, report, evidence)


def _take(
    template: Template,
    keys: Sequence[Hashable],
    width: int,
    figures: list[Token],
    tables: list[tuple[dict[Hashable, tuple[Value, ...]], dict[int, Row]]],
    report: Report,
    evidence: Evidence,
) -> None:
    evidence.forget("requests.")
    sources = tables[0][1]
    for i, key in enumerate(keys):
        row: list[int | None] = []
        for c in range(width):
            seen = list(dict.fromkeys(t[key][c] for t, _ in tables))
            where = figures[sources[i][1][c]].where
            if len(seen) == 1:
                row.append(int(seen[0] or 0))
                evidence.provenance[f"requests.{key}[{c}]"] = where
                continue
            row.append(None)
            evidence.undecided(
                f"requests.{key}[{c}]",
                [v for v in seen if v is not None],
                zh="按分印的行读出的几种合乎勾稽关系的读法在此格不一致（{readings}），记为未知",
                en="readings of the rows printed in pieces that the arithmetic cannot tell apart differ here "
                "({readings}); left unknown",
                where=where,
            )
        report.requests[str(key)] = row
    evidence.doubt(
        "requests",
        None,
        "表三有的行把自然人一格与其余各格分开印出（标签格较高）：按表的行序与勾稽关系把各段数字归回其行",
        "table 三 prints some rows in two pieces (their 自然人 cell with the tall label, the other cells "
        "elsewhere): each piece put back in its row by the table's row order and its arithmetic",
        figures[0].where,
    )
    doubt_broken_rows(template, report, evidence)
