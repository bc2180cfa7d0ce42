"""Cuts of a crawler's run of figures in a table that prints thousands separators.

A saved page's text runs a row's cells together (``行政复议1,5404633084622,774``); the text reader
cuts the run where a separator shows a figure ends (``1,540`` ``4633084622‚774``,
``thousands_runs._cut_at_separators``) and leaves the rest a run of digits. Where the group's printed total
contradicts its parts, no cut adds up and the arithmetic cannot cut the run. The separators still
can: a table that prints ``1,540`` and ``2,774`` prints every figure of 1,000 or more with its
separators, so a piece without one is under 1,000, and a piece holding one has one to three digits
before it and three after. Taken only for a row that prints a separator itself, and of counts
alike (table 四's groups): a row of table 二 may print its count bare beside an amount with
separators (政府集中采购233841,327,678,900: 23384 projects).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from gongkai.ingest.numbers import RUN_COMMA, CellKind
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Reading

_RUN = re.compile(r"[0-9,]+")
_PIECE = re.compile(r"0|[1-9][0-9]{0,2}(?:,[0-9]{3})*")  # under 1,000, or with every separator
HOW = "cells ran together; cut where the thousands separators printed allow (every figure of 1,000 or more prints them)"
HOW_ZH = "单元格粘连，按印出的千位分隔符拆分（本行千位以上的数字均印有分隔符）"


def _pieces_from(text: str, start: int, most: int, cells: tuple[int, ...], found: list[tuple[int, ...]]) -> None:
    """The cuts of ``text[start:]`` into at most ``most`` more pieces after ``cells``, into
    ``found`` (a module function calling itself, not a closure: no reference cycle)."""
    if len(cells) >= most:
        return
    for end in range(start + 1, min(len(text), start + 1 + 3 + 4 * text.count(",", start)) + 1):
        piece = text[start:end]
        if not _PIECE.fullmatch(piece) or (end < len(text) and text[end] == ","):
            continue  # never beside a separator: it sits inside its figure
        value = int(piece.replace(",", ""))
        if end == len(text):
            found.append((*cells, value))
        else:
            _pieces_from(text, end, most, (*cells, value), found)


def separated_readings(tokens: Sequence[Token], n: int, most: int = 64) -> list[Reading]:
    """Every cut of the row's printed ``tokens`` into ``n`` figures the separators allow (any sum:
    the caller's arithmetic and the prose weigh them); empty where the row prints no separator,
    prints other than digits and separators, or has more than ``most`` cuts."""
    printed = [t for t in tokens if t.value.kind is not CellKind.BLANK]
    texts = [t.text.strip().replace(RUN_COMMA, ",").replace("，", ",") for t in printed]
    if not printed or len(printed) >= n or not any("," in s for s in texts):
        return []
    if not all(_RUN.fullmatch(s) and s[0] != "," and s[-1] != "," for s in texts):
        return []
    per_token: list[list[tuple[int, ...]]] = []
    for text in texts:
        cuts: list[tuple[int, ...]] = []
        _pieces_from(text, 0, n, (), cuts)
        if not cuts:
            return []
        per_token.append(cuts)
    found: list[Reading] = []
    for combo in itertools.product(*per_token):
        if sum(len(cut) for cut in combo) != n:
            continue
        values = tuple(v for cut in combo for v in cut)
        wheres = tuple(f"{t.where} (split)" for cut, t in zip(combo, printed, strict=True) for _ in cut)
        found.append(Reading(values, wheres, ("",) * n, n - len(printed), HOW, HOW_ZH))
        if len(found) > most:
            return []
    return found
