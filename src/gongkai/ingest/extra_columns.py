"""Non-statutory comparison columns a page prints beside table 二's template columns: last year's
figure (上年数) and its change (增减 ``+98`` / 同比 ``6.0%``). Their header words live here (the
statutory labels stay in ``report.templates``); ``cut_extra`` takes a row's cells without them.

The change is what pins the cut where the cells ran together (a crawler's ``442344+98``): this
year's figure less last year's must give it (442 − 344 = 98), so the run's tail is cut where it
does, and nowhere else; a row no cut explains is left unread rather than read with last year's
digits in it."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import NamedTuple

from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.records import Token

# Header words of comparison columns, longest first so a longer word is stripped whole.
EXTRA_WORDS = tuple(
    sorted(
        (
            "上年同期数",
            "上年同期",
            "上年数",
            "上年",
            "同比增减",
            "同比增长",
            "比上年增减",
            "同比",
            "增减",
            "增长",
            "变化",
            "增幅",
        ),
        key=len,
        reverse=True,
    )
)
_MAX_EXTRA = 3  # comparison columns after a group's statutory ones: more is no such header
_MAX_SPLITS = 40  # digits of a run tried as the start of last year's figure
_CHANGE_MARKS = ("+", "-", "－", "−", "—", "–")


def _compact(text: str) -> str:
    return "".join(text.split())


def is_extra_word(text: str) -> bool:
    """Whether a header cell is wholly a comparison column's (``上年数``, ``增减``, ``同比``)."""
    return _compact(text) in EXTRA_WORDS


@lru_cache(maxsize=16384)  # a pure function of a header cell's text, asked of every label
def extra_tail(text: str) -> tuple[str, tuple[str, ...]]:
    """A header cell's text without the comparison headers run onto its end (a crawler's
    ``本年处理决定数量上年数增减``) and those headers; the text unchanged when none ends it."""
    head, found = _compact(text), list[str]()
    for _ in range(_MAX_EXTRA):
        word = next((w for w in EXTRA_WORDS if head.endswith(w) and len(head) > len(w)), None)
        if word is None:
            break
        head = head[: -len(word)]
        found.insert(0, word)
    return (head, tuple(found)) if found else (text, ())


class Cut(NamedTuple):
    values: list[Token]  # the statutory cells
    checked: bool  # this year − last year gave the printed change


def _changes(token: Token) -> bool:
    """Whether a cell reads as a comparison column's change: signed, a percentage or a dash."""
    text = _compact(token.text)
    if token.value.kind is CellKind.DASH:
        return True
    return token.value.kind is CellKind.NUMBER and (text[:1] in _CHANGE_MARKS or token.value.unit == "%")


def _fits(now: float, before: float, change: Token) -> bool:
    """Whether this year's and last year's figures give the printed change."""
    if change.value.kind is CellKind.DASH:
        return before == 0 or now == before == 0
    number = change.value.number
    if number is None:
        return False
    if change.value.unit == "%":
        return before != 0 and abs(100 * (now - before) / before - number) <= 0.051
    return abs((now - before) - number) < 0.005


def change_fits(now: float, before: float, change: Token) -> bool:
    """Whether this year's figure ``now`` and last year's ``before`` give the printed ``change``
    (a difference, a percentage, or a dash where last year had none)."""
    return _fits(now, before, change)


def _number(token: Token) -> float | None:
    if token.value.kind is CellKind.NUMBER and token.value.unit != "%":
        return token.value.number
    return 0.0 if token.value.kind in (CellKind.BLANK, CellKind.DASH) else None


def cut_extra(values: list[Token]) -> Cut | None:
    """``values`` without their last two cells, last year's figure and its change, when the
    change says so: printed apart (442 · 344 · +98) or run together with this year's figure
    (``442344`` · ``+98``: cut where 442 − 344 = 98, the run's head kept for the columns before).
    None where no cut gives the change, or more than one does."""
    printed = [i for i, t in enumerate(values) if t.value.kind is not CellKind.BLANK]
    if len(printed) < 2 or not _changes(values[printed[-1]]):
        return None
    change, before_at = values[printed[-1]], printed[-2]
    before = _number(values[before_at])
    if len(printed) >= 3 and before is not None:
        now = _number(values[printed[-3]])
        if now is not None and _fits(now, before, change):
            return Cut(_trimmed(values[:before_at]), True)
    run = values[before_at]
    digits, sign = _run_digits(run)
    if run.value.kind is not CellKind.NUMBER or not digits or len(digits) > _MAX_SPLITS:
        return None
    cuts: list[tuple[str, str, str]] = []
    for j in range(1, len(digits)):
        last = digits[j:]
        if len(last) > 1 and last[0] == "0":
            continue
        for i in range(j):
            now_text = digits[i:j]
            if (len(now_text) > 1 and now_text[0] == "0") or not _fits(int(now_text), int(last), change):
                continue
            if sign and not i:
                continue  # a signed run's sign is 本年增/减's, a cell before this year's figure
            cuts.append((digits[:i], now_text, last))
    if len(cuts) != 1:  # no cut gives the change, or several do: nothing decides
        return None
    head, now_text, _ = cuts[0]
    kept = [*values[:before_at]]
    if head:
        kept.append(Token(sign + head, run.where, parse_cell(sign + head), run.x))
    # This year's figure is pinned whole by the change: no digit run the row reader may cut again
    # (``010122140`` · ``-18``: 122, the head 010 alone left to cut into 0 · 10).
    kept.append(Token(now_text, run.where, dataclasses.replace(parse_cell(now_text), digits=""), run.x))
    return Cut(kept, True)


def _run_digits(token: Token) -> tuple[str, str]:
    """A run's digits to cut and the sign printed before them: an unsigned run's, or a signed
    integer's (``8-21921-2``: 本年增/减 -2 run into this year's 19 and last year's 21)."""
    if token.value.digits:
        return token.value.digits, ""
    text = _compact(token.text)
    if text[:1] in _CHANGE_MARKS[1:] and text[1:].isdigit() and not token.value.unit:
        return text[1:], text[0]
    return "", ""


def _trimmed(values: list[Token]) -> list[Token]:
    """Cells without the blank ones trailing the last figure (a converter's empty columns)."""
    end = len(values)
    while end and values[end - 1].value.kind is CellKind.BLANK:
        end -= 1
    return values[:end]
