"""Two one-row items of table 二 stacked in the same two columns, flowed column by column
(``pdftotext`` default mode).

An old site's table 二 sets 第二十条第（八）项 (行政事业性收费: 上一年项目数量 | 本年增/减) right
above 第二十条第（九）项 (政府集中采购: 采购项目数量 | 采购总金额), both in the same two columns.
``pdftotext`` prints the upper item's two headers together, its row label and the lower one's, and
then the columns one after the other, each top to bottom: the upper row's first figure, the lower
item's first header and its figure, then the upper row's second figure, the lower item's second
header and its figure (``0`` / 第二十条第（九）项 / 采购项目数量 / ``24`` / ``1762`` / 采购总金额 /
``64,796.43``). Read as blocks under their headers that is one figure short for the upper item
and one too many under the lower's first header.

Gated on exactly that shape of the header runs: the upper item's run of its two headers holding
one figure, then the lower item's first header holding two and its second header holding one,
both items one row of those two fields. The reading only fills cells the labels left open and
names each in ``uncertain`` (table 二 has no equation to confirm it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from gongkai.ingest.active import BLANK_ROW_EN
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Token
from gongkai.report.model import Report
from gongkai.report.templates import ActiveRow, Template


class Run(Protocol):
    item: str
    fields: list[str]
    values: list[Token]


def _one_row(template: Template, item: str) -> ActiveRow | None:
    rows = [row for row in template.active_rows if row.item == item]
    return rows[0] if len(rows) == 1 and len(rows[0].fields) == 2 else None


def stacked_pairs(template: Template, runs: Sequence[Run]) -> list[tuple[ActiveRow, ActiveRow, list[Token]]]:
    """Each (upper row, lower row, figures of the upper then of the lower, by field) the runs show
    in the stacked-columns flow of the module's doc."""
    out: list[tuple[ActiveRow, ActiveRow, list[Token]]] = []
    for upper, first, second in zip(runs, runs[1:], runs[2:], strict=False):
        top, low = _one_row(template, upper.item), _one_row(template, first.item)
        if top is None or low is None or top.key == low.key or second.item != first.item:
            continue
        top_fields, low_fields = [f.key for f in top.fields], [f.key for f in low.fields]
        if upper.fields != top_fields or first.fields != low_fields[:1] or second.fields != low_fields[1:]:
            continue
        if (len(upper.values), len(first.values), len(second.values)) != (1, 2, 1):
            continue
        tokens = [*upper.values, *first.values, *second.values]
        if any(t.value.kind is not CellKind.NUMBER for t in tokens):
            continue
        a1, b1, a2, b2 = tokens
        out.append((top, low, [a1, a2, b1, b2]))
    return out


def read_stacked_items(
    template: Template,
    runs: Sequence[Run],
    report: Report,
    evidence: Evidence,
    is_open: Callable[[str, str], bool],
    value_of: Callable[[ActiveRow, str, Token, str], int | float | None],
) -> None:
    """Fill the open cells of ``stacked_pairs``'s rows, each named in ``uncertain``."""
    for top, low, tokens in stacked_pairs(template, runs):
        cells = [(top, f.key) for f in top.fields] + [(low, f.key) for f in low.fields]
        # A row read as 0 only because its label stood with no figure: this reading replaces that
        # guess and its note.
        notes = {f"active.{top.key}", f"active.{low.key}"}
        guessed = {u.cell for u in evidence.uncertain if u.cell in notes and u.reason_en.endswith(BLANK_ROW_EN)}
        fill = [f"active.{row.key}" in guessed or is_open(row.key, name) for row, name in cells]
        if not any(fill):
            continue
        evidence.uncertain[:] = [
            u for u in evidence.uncertain if not (u.cell in guessed and u.reason_en.endswith(BLANK_ROW_EN))
        ]
        for (row, name), token, open_ in zip(cells, tokens, fill, strict=True):
            if not open_:
                continue
            path = f"active.{row.key}.{name}"
            value = report.active[row.key][name] = value_of(row, name, token, path)
            evidence.provenance[path] = token.where
            evidence.doubt(
                path,
                value,
                "表二上下相叠的两个单行项目共用两栏，逐栏自上而下印出：按各栏的先后读取",
                "table 二 stacks two one-row items in the same two columns, printed column by column top "
                "to bottom: read in that order",
                token.where,
            )
