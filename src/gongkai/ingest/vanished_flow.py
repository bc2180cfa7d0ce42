"""Table 三's figures in ``pdftotext``'s printed order, those run into the start of a label's line
among them: the stream the readers of a flow whose blank cells vanished search."""

from __future__ import annotations

import re

from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.records import Record, Token, line_number

_PLAIN_FIGURE = re.compile(r"\d{1,7}|[-－—]")


def _figures_ahead(label: Token) -> list[Token]:
    """Figures printed at the start of a label's line, before its words (``- - - - （一）予以公开``,
    ``10 2 - - 12 含网上``): the flow ran a row's last cells into the next label or a remark."""
    if " part " in label.where:
        return []
    parts = label.text.split()
    out: list[Token] = []
    for k, part in enumerate(parts[:-1], 1):
        if not _PLAIN_FIGURE.fullmatch(part):
            break
        out.append(Token(part, f"{label.where} part {k}", parse_cell(part)))
    return out


def _in_flow(record: Record, ahead: bool) -> list[Token]:
    """The record's figures in printed order, those at the start of its label lines among them."""
    tokens = [(t, i) for i, t in enumerate(record.values) if t.value.kind is not CellKind.BLANK]
    if ahead:
        tokens += [(t, -1) for label in record.labels for t in _figures_ahead(label)]
    if len(tokens) == len(record.values):
        return [t for t, _ in tokens]

    return [t for t, _ in sorted(tokens, key=lambda item: (line_number(item[0]) or 0, item[1] if item[1] >= 0 else -1))]


def figures_in_flow(records: list[Record]) -> list[Token] | None:
    """Table 三's figures in printed order; where zeros print ``-``, those run into the start of a
    label's line too (a Word table's blank cells leave no such run)."""
    dashed = any(t.value.kind is CellKind.DASH for record in records for t in record.values)
    figures = [t for record in records for t in _in_flow(record, dashed)]
    for token in figures:
        if token.value.kind is CellKind.DASH:
            continue  # an Excel table's zero printed ``-``: a printed cell, 0 (its neighbours' may vanish)
        amount = token.value.amount
        if token.value.kind is not CellKind.NUMBER or not isinstance(amount, int) or amount < 0:
            return None  # a word, a fraction: not a table of counts with blanks
    return figures


def printed_count(records: list[Record]) -> tuple[int, bool]:
    """How many cells of ``records`` print something, and whether one is a dash: ``figures_in_flow``
    gives that many figures where none is a dash, and more only where one is (figures run into a
    label's line), so a flow of the wrong size is told without building it."""
    printed, dashed = 0, False
    for record in records:
        for token in record.values:
            kind = token.value.kind
            if kind is not CellKind.BLANK:
                printed += 1
                dashed = dashed or kind is CellKind.DASH
    return printed, dashed


def printed_figures(records: list[Record]) -> list[Token] | None:
    """Table 三's figures in printed order (None where one is no count): for readers of the same
    flow in other modules."""
    return figures_in_flow(records)
