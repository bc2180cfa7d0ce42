"""Table 三 of a Word table that leaves its zero cells blank, its rows found by their labels but
its figures' columns lost (a PDF-to-Markdown converter set the table as a paragraph, cut back into
rows by ``request_paragraph``).

Each row prints its non-zero cells left to right and nothing else: its last figure is its 总计
(the largest, the sum of the others: a row with any figure has a total above 0), the figures
before it stand in some of its other columns in printed order, and a row printing nothing is all
zeros. Which columns a row's figures stand in is not in the text; the table's equations (each
column's balance and outcome sums, ``report/equations``) choose among the placements, and a cell
is read where every consistent table agrees on it. The 自然人 cell, which a column swap would
leave undecided, is read where every consistent table of least cost agrees (cost: a row whose
first figure is not its 自然人, the 自然人 cell blank and an organisation's figure first — the
rarer print), named in ``uncertain``. The organisation cells the sums cannot place
stay unknown, the values they may hold named in ``uncertain``.

Gated on the shape: every row found, its figures on its label's line, counts above 0 (no 0 or dash printed:
a table printing its zeros keeps its columns), no blank cell kept between them (a table keeping
its blank cells places its figures), no row printing more figures than columns and some printing
fewer, each row adding up to its last figure.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Hashable, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.row_reading import Reading
from gongkai.ingest.vanished_tables import Table, searched_tables, tables_of
from gongkai.report.equations import Bound, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_EXHAUSTIVE = 4096  # combinations tried one by one; past that the layered search


def row_placements(figures: Sequence[int], width: int) -> list[tuple[tuple[int, ...], int]]:
    """Every way a row printing ``figures`` (its non-zero cells in order) may stand in a row of
    ``width`` columns whose last is its total, with its cost (1 where the first column is blank
    and the first figure an organisation's); [] where the figures do not add up to the last."""
    if not figures:
        return [((0,) * width, 0)]
    *parts, total = figures
    if sum(parts) != total or len(parts) > width - 1:
        return []
    out: list[tuple[tuple[int, ...], int]] = []
    for columns in itertools.combinations(range(width - 1), len(parts)):
        cells = [0] * width
        cells[-1] = total
        for c, v in zip(columns, parts, strict=True):
            cells[c] = v
        out.append((tuple(cells), int(bool(parts) and columns[0] != 0)))
    return out


def _printed(row: RequestRaw) -> list[int] | None:
    """A row's printed figures, None where the row is not of this shape (a 0, a dash, a word, a
    blank cell kept between figures, a figure placed by where it stands, a figure not on its
    label's line)."""
    tokens = list(row.values)
    while tokens and tokens[-1].value.kind is CellKind.BLANK:
        tokens.pop()
    while tokens and tokens[0].value.kind is CellKind.BLANK:
        tokens.pop(0)
    line = row.label.where.split(" part ")[0]
    if tokens and any(t.where.split(" part ")[0] != line for t in tokens):
        return None  # figures away from their label (a flow of blocks: ``vanished``'s case)
    out: list[int] = []
    for token in tokens:
        amount = token.value.amount
        if token.value.kind is not CellKind.NUMBER or not isinstance(amount, int) or amount <= 0 or token.x is not None:
            return None
        out.append(amount)
    return out


def least_tables(choices: dict[Hashable, list[Reading]], keys: Sequence[Hashable], bound: Bound) -> list[Table] | None:
    """The consistent tables of least cost (enough of them to show every reading of every row
    such a table uses); None where none is found in budget."""
    open_rows = [key for key in keys if len(choices[key]) > 1]
    base = {key: choices[key][0].values for key in keys if len(choices[key]) == 1}
    if math.prod(len(choices[key]) for key in open_rows) <= _EXHAUSTIVE:
        found: list[tuple[int, tuple[Reading, ...]]] = []
        for combo in itertools.product(*(choices[key] for key in open_rows)):
            table = {**base, **{key: r.values for key, r in zip(open_rows, combo, strict=True)}}
            if not bound.broken(table):
                found.append((sum(r.cost for r in combo), combo))
        least = min((cost for cost, _ in found), default=0)
        winners = [combo for cost, combo in found if cost == least]
        return tables_of(winners, open_rows, base) if winners else None
    return searched_tables(choices, open_rows, base, bound)


def unsettled_requests(template: Template, report: Report) -> Bound | None:
    """Table 三's equations where a reader of a fallback layout may still help (some cell of the
    reading so far unknown, or some equation broken); None where the reading is whole and adds up."""
    now = requests_now(template, report)
    if now.complete and not now.broken():
        return None
    return requests_bound(template.id)


def read_blank_zero_rows(template: Template, raw: dict[str, RequestRaw], report: Report, evidence: Evidence) -> None:
    """Read table 三 again by placing each row's printed figures (see the module's doc) where the
    reading by labels left cells unknown or broke the arithmetic; ``raw``: its rows as the labels
    found them."""
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = unsettled_requests(template, report)
    if bound is None:
        return
    printed: dict[str, list[int]] = {}
    for key in keys:
        row = raw.get(key)
        figures = None if row is None else _printed(row)
        if figures is None or len(figures) > width:
            return
        printed[key] = figures
    if not any(0 < len(f) < width for f in printed.values()):
        return
    choices: dict[Hashable, list[Reading]] = {}
    for key in keys:
        placements = row_placements(printed[key], width)
        if not placements:
            return  # a row not adding up: not this shape, or a report contradicting itself
        choices[key] = [Reading(cells, (None,) * width, ("",) * width, cost, "", "") for cells, cost in placements]
    least = least_tables(choices, keys, bound)
    # The organisation cells by every consistent table, whatever its cost: the preference for a
    # printed 自然人 cell decides that cell only (named in ``uncertain``), never where the others stand.
    free = {key: [r._replace(cost=0) for r in found] for key, found in choices.items()}
    every = least_tables(free, keys, bound) if least else None
    if not least or not every:
        return
    take_placed(keys, width, least, every, printed, report, evidence, raw)


def take_placed(
    keys: Sequence[str],
    width: int,
    least: list[Table],
    every: list[Table],
    printed: dict[str, list[int]],
    report: Report,
    evidence: Evidence,
    raw: dict[str, RequestRaw],
) -> None:
    """Read table 三 as the placed tables agree (``least`` for the 自然人 column, ``every`` for the
    others), the cells they leave open unknown with the row's figures (``printed``) named."""
    evidence.forget("requests.")
    for key in keys:
        cells: list[int | None] = []
        where = raw[key].label.where
        for c in range(width):
            tables = least if c == 0 else every
            found = sorted({v for t in tables if (v := t[key][c]) is not None})
            if len(found) == 1:
                cells.append(found[0])
                if c == 0 and len(printed[key]) > 1 and len(printed[key]) < width:
                    evidence.doubt(
                        f"requests.{key}[0]",
                        found[0],
                        "表三留空了为零的单元格（Word 表格），各数字所在的格未印出：自然人一格取本行第一个数字"
                        "（自然人一格为零而留空时，第一个数字属于法人或其他组织）",
                        "table 三 leaves its zero cells blank (a Word table) and the text does not show "
                        "each figure's column: the 自然人 cell is the row's first figure (were it 0 and "
                        "left blank, the first figure would be an organisation's)",
                        where,
                    )
                continue
            cells.append(None)
            figures = " ".join(map(str, printed[key]))  # the text names the row's figures, not the readings
            evidence.undecided(
                f"requests.{key}[{c}]",
                sorted({0, *printed[key][:-1], *found}),
                zh="表三留空了为零的单元格（Word 表格），各数字所在的格未印出，勾稽关系也无法确定此格，记为未知"
                f"（本行印出的数字：{figures}）",
                en="table 三 leaves its zero cells blank (a Word table): the text does not show each figure's "
                f"column and the arithmetic does not decide this cell; left unknown (the row prints {figures})",
                where=where,
            )
        report.requests[key] = cells
        if not printed[key]:
            evidence.doubt(
                f"requests.{key}",
                report.requests[key],
                "该行只印出标签、未印出任何数字（以空白表示 0 的表格），按 0 计",
                "the row prints its label and not one figure (a table leaving zeros blank); read as 0",
                where,
            )
