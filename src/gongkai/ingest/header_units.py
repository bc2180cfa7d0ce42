"""A money column's header whose unit wrapped onto the line below (``采购总金额（单位：`` over
``万元）``: a narrow column of a 三线表 typed in WPS), the unit put back on its header. Without it
the amount is read in 元 whatever the page printed."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from functools import lru_cache

from gongkai.ingest.numbers import header_unit
from gongkai.ingest.records import Token

# the rest of a wrapped header: the unit and the bracket that closes it, nothing else
_TAIL = re.compile(r"(?:单位[:：]?)?(?:亿元|万元|千元|元)[)）]")


def is_unit_tail(text: str) -> bool:
    """Whether a label is only a header's wrapped unit (``万元）``)."""
    return _TAIL.fullmatch(unicodedata.normalize("NFKC", text).replace(" ", "")) is not None


def _open(text: str) -> bool:
    """A header left open: a bracket not closed and no unit in it (``采购总金额（单位：``)."""
    folded = unicodedata.normalize("NFKC", text)
    return folded.count("(") > folded.count(")") and not header_unit(folded)


def with_unit_tail(columns: list[tuple[str, Token]], tail: str) -> list[tuple[str, Token]] | None:
    """``columns`` with the one header left open completed by ``tail``; None unless exactly one is open."""
    open_at = [i for i, (_key, token) in enumerate(columns) if _open(token.text)]
    if len(open_at) != 1:
        return None
    key, token = columns[open_at[0]]
    joined = dataclasses.replace(token, text=token.text.rstrip() + tail.strip())
    return [*columns[: open_at[0]], (key, joined), *columns[open_at[0] + 1 :]]


_GAP = re.compile(r"\s{2,}")


def unit_completed(columns: list[tuple[str, Token]], text: str) -> list[tuple[str, Token]] | None:
    """The header ``columns`` completed by a label that is a wrapped unit (``万元）``), alone or
    beside the wrapped tails of other header cells on a laid-out line (``量      元）``: their
    heads named their columns already); None where the label is no such thing."""
    if not columns:
        return None
    tail = _lone_unit_tail(text)
    return with_unit_tail(columns, tail) if tail is not None else None


@lru_cache(maxsize=16384)  # a pure function of a label's text, asked of every label under a header
def _lone_unit_tail(text: str) -> str | None:
    """The one wrapped unit of ``text`` (``元）``), the rest short tails of other cells; else None."""
    parts = _GAP.split(text.strip())
    tails = [part for part in parts if is_unit_tail(part)]
    if len(tails) != 1 or any(len(part) > 3 for part in parts if part != tails[0]):
        return None
    return tails[0]


_STRAY = re.compile(r"[(（](?:单位[:：]?)?([万亿千])")


def stray_unit(text: str) -> str:
    """A money unit other than 元 in a label naming no column (``采购项目数 采购总金额（单位：万``
    over ``量  元）``: pdftotext ran two header cells together and wrapped the unit): the
    amount's unit, maybe; ``""`` where the label prints none."""
    found = _STRAY.search(unicodedata.normalize("NFKC", text).replace(" ", "").replace("\n", ""))
    return f"{found.group(1)}元" if found else ""
