"""Cuts of a table 二 row whose cells ran together, by what the row itself prints: separators,
an amount's fraction after a count, two decimals of 元 before a count, a leading zero, and the
cuts that read every printed cell where a page keeps its zero cells."""

from __future__ import annotations

import itertools
import re
import unicodedata

from gongkai.ingest.active_plausible import MAX_ALTERNATIVES, is_plausible, signs_fit
from gongkai.ingest.align import readings
from gongkai.ingest.numbers import RUN_COMMA, CellKind, parse_cell
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Reading, Slot
from gongkai.report.templates import Kind


def cuts_not_gaps(slots: list[Slot], order: list[str], options: list[Reading]) -> list[Reading]:
    """Where a row of run-on text (a crawler's) is short of cells on a page that prints its zero
    cells, the plausible cuts of its runs instead of readings that suppose a cell not printed;
    ``options`` when there are none, or the row is no run-on text."""
    if not slots or not all(" part " in s.where for s in slots) or all(None not in r.wheres for r in options):
        return options
    cuts = [r for r in readings(slots, len(order), vanished=True) if None not in r.wheres and r.cost]
    kept = [r for r in cuts if is_plausible(order, r.values)]
    if not kept and not any(is_plausible(order, r.values) for r in options):
        # Every reading sets off a warning (行政强制0-20: 0 items then −2, or −20): the page's
        # printed report contradicts itself either way, and only a cut reads every cell it
        # printed (0, −2, 0) where a gap supposes one it did not. Minus signs under 本年增/减 only.
        kept = [r for r in cuts if signs_fit(order, r.values)]
    return sorted(kept, key=lambda r: r.rank) or options


def whole_cells(slots: list[Slot], columns: int) -> bool:
    """Whether a row is a table's delimited cells, one per column (an HTML, Word or PDF table
    leaving its zeros blank: ``规范性文件 | | | 427``): its blank cells are cells, and a figure in
    a cell of its own never ran into its neighbours (427 is not 4 2 7)."""
    return len(slots) == columns and all(" cell " in s.where and " part " not in s.where for s in slots)


def zero_led_cut(slots: list[Slot], options: list[Reading]) -> list[Reading]:
    """The readings of a row of run-on text that cut each run printed with a leading zero (``02``:
    a 0 run into the next cell, never the figure 2); ``options`` when none does or no run has one."""
    glued = {s.where for s in slots if s.value.digits[:1] == "0" and len(s.value.digits) > 1 and " part " in s.where}
    if not glued:
        return options
    return [r for r in options if not glued & set(r.wheres)] or options


def zero_free_cuts(tokens: list[Token], options: list[Reading]) -> list[Reading]:
    """The readings of a row cut from a run that cut no 0 out of it, on a page printing its blank
    cells as marks of their own (规章-420 beside 行政许可-: 4 20, not 42 0): that page writes a
    zero as its mark, never a 0 run into a figure. ``options`` when none is left, or the table
    prints a 0 of its own (``tokens``: the page writes zeros as 0 too)."""
    if any(t.value.kind is CellKind.NUMBER and t.value.number == 0 for t in tokens):
        return options
    kept = [
        r
        for r in options
        if not any(v == 0 and w is not None and w.endswith("(split)") for v, w in zip(r.values, r.wheres, strict=True))
    ]
    return kept or options


_GROUPED = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# A cell cut from a run whose thousands separators were printed: a figure below 1000 or one with
# its separators (a sign only on the run's first cell, a fraction only on its last).
_FOUR_DIGITS_SET = re.compile(r"-?\d,\d{3}(?!,)")
_BARE_THOUSANDS = re.compile(r"-?[1-9]\d{3,}(?:\.\d+)?")
_SEPARATED_CELL = re.compile(r"-?(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?")


def _token_cuts(text: str, most: int) -> list[tuple[str, ...]]:
    """The ways to cut one printed run (separators ``,``) into at most ``most`` cells: never next to
    a separator (a separator sits inside its figure, three digits after it), no cell with a
    leading zero, the sign on the first cell, the fraction on the last."""
    found: list[tuple[str, ...]] = []
    _token_cuts_from(text, most, found, 0, ())
    return found


def _token_cuts_from(text: str, most: int, found: list[tuple[str, ...]], start: int, cells: tuple[str, ...]) -> None:
    """``_token_cuts``' cuts of ``text[start:]`` after ``cells``, into ``found`` (a module
    function, not a closure calling itself: that is a reference cycle left for the cyclic
    collector on every call)."""
    if len(cells) >= most:
        return
    for end in range(start + 1, len(text) + 1):
        cell = text[start:end]
        if end < len(text) and ("," in text[end - 1 : end + 1] or text[end] == "."):
            continue  # no cut beside a separator or before the fraction
        if (start and cell[:1] == "-") or ("." in cell and end < len(text)):
            continue
        if not _SEPARATED_CELL.fullmatch(cell):
            continue
        if end == len(text):
            found.append((*cells, cell))
        else:
            _token_cuts_from(text, most, found, end, (*cells, cell))


def separator_cuts(values: list[Token], columns: int) -> list[Reading]:
    """The cuts of a row of run-on text short of cells whose runs kept their thousands separators
    (``8,478`` ``57‚026`` for 上一年项目数量 / 本年增/减 / 处理决定数量 → 8478 5 7026: 57,026 whole
    would leave a cell short, and 570 / 26 would part a separator from its three digits). Table 二
    has no arithmetic: the separators are what cut its runs. Empty where no run kept one."""
    if (
        not values
        or len(values) >= columns
        or not any(RUN_COMMA in t.text for t in values)
        or any(t.value.kind is not CellKind.NUMBER or t.value.unit or "." in t.text for t in values)
    ):
        # An amount with a fraction (政府集中采购 89574‚706.80 万元) is ``money_cuts``' to cut, on a
        # page known to print every cell; elsewhere its cut stays open.
        return []
    texts = [t.text.strip().replace(RUN_COMMA, ",").replace("，", ",") for t in values]
    per_token = [_token_cuts(text, columns) for text in texts]
    # A run opening with a figure of four digits set with its separator (1,80873011,906: its
    # first cell starts where the run does) shows the page separates every figure of 1000 or
    # more: a cut leaving 7301 bare is no cut.
    separates_thousands = any(_FOUR_DIGITS_SET.match(text) for text in texts)
    found: list[Reading] = []
    for combo in itertools.product(*per_token):
        cells = [(cell, t.where) for cut, t in zip(combo, values, strict=True) for cell in cut]
        if len(cells) != columns:
            continue
        if separates_thousands and any(_BARE_THOUSANDS.fullmatch(cell) for cell, _ in cells):
            continue
        parsed = [parse_cell(cell).number for cell, _ in cells]
        if any(v is None for v in parsed):
            continue
        found.append(
            Reading(
                tuple(parsed),
                tuple(f"{where} (split)" for _, where in cells),
                ("",) * columns,
                1,
                "cells ran together; cut where the thousands separators printed allow",
                "单元格粘连，按印出的千位分隔符拆分",
            )
        )
        if len(found) > MAX_ALTERNATIVES:
            return []
    return found


def money_cuts(values: list[Token], kinds: list[Kind]) -> list[Reading]:
    """The cuts of a run of a count and an amount of money (政府集中采购 ``2464796.43`` for 24
    projects and 64796.43 yuan; ``75,777.8`` for 7 and 5,777.8) in run-on text on a page that
    prints every cell: the amount holds the fraction and the thousands separators, and its first
    group of digits is one to three long; the count is the digits before it, without a leading
    zero. Empty where the row is not such a run (a plain run of digits is ``readings``' job)."""
    printed = [t for t in values if t.value.kind is not CellKind.BLANK]
    if kinds != [Kind.COUNT, Kind.MONEY] or len(printed) != 1 or " part " not in printed[0].where:
        return []
    token = printed[0]
    text = token.text.strip().replace(RUN_COMMA, ",")
    if token.value.kind is not CellKind.NUMBER or token.value.unit or not _GROUPED.fullmatch(text):
        return []
    whole, dot, fraction = text.partition(".")
    heads: list[tuple[str, str]] = []  # (the count, the amount)
    if "," in whole:
        comma = whole.index(",")
        heads = [(whole[: comma - k], whole[comma - k :] + dot + fraction) for k in range(1, 4) if k < comma]
    elif dot:
        heads = [(whole[:i], whole[i:] + dot + fraction) for i in range(1, len(whole))]
    found: list[Reading] = []
    for head, amount in heads:
        if head[:1] == "0" and head != "0":
            continue
        if amount[:1] == "0" and not amount.startswith("0."):
            continue
        value = parse_cell(amount)
        if value.kind is not CellKind.NUMBER or value.number is None:
            continue
        found.append(
            Reading(
                (int(head), value.number),
                (f"{token.where} (split)",) * 2,
                ("", ""),
                1,
                "a count and an amount ran together; cut before the amount's first digits",
                "项目数量与金额粘连，在金额的首位数字前拆分",
            )
        )
    return found


def fen_cuts(values: list[Token], kinds: list[Kind], units: list[str]) -> list[Reading]:
    """The one cut of a run of an amount in 元 and the count after it (政府集中采购 printed
    amount first: ``667.6035`` for 667.60 yuan and 35 projects). An amount in 元 has at most two
    decimals (分), so a run with more ran into the next cell: the amount ends one or two digits
    after its point, the count is the rest, without a leading zero. Empty where the row is not
    such a run or the cut is not one (``667.635``: 667.63 5 or 667.6 35)."""
    printed = [t for t in values if t.value.kind is not CellKind.BLANK]
    if kinds != [Kind.MONEY, Kind.COUNT] or units[0] != "元" or len(printed) != 1:
        return []
    token = printed[0]
    # (Plain string tests, not a pattern: ``\d*\.\d{3,}`` backtracks quadratically on a run of digits.)
    whole, dot, fraction = unicodedata.normalize("NFKC", token.text).strip().partition(".")
    digits = whole + fraction
    if token.value.unit or not dot or not (digits.isascii() and digits.isdigit()) or len(fraction) < 3:
        return []
    if not whole or (whole[0] == "0" and whole != "0"):
        return []
    cuts = [(whole + "." + fraction[:k], fraction[k:]) for k in (1, 2)]
    cuts = [(amount, count) for amount, count in cuts if count == "0" or count[:1] != "0"]
    if len(cuts) != 1:
        return []
    amount, count = cuts[0]
    return [
        Reading(
            (float(amount), int(count)),
            (f"{token.where} (split)",) * 2,
            ("", ""),
            1,
            "an amount in yuan and a count ran together; cut two decimals (fen) after the point",
            "金额（元）与项目数量粘连，在小数点后第二位（分）后拆分",
        )
    ]
