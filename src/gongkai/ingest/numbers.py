"""What a table cell holds: a number (with its unit), a blank, a dash, or words.

Real reports print ``1,070``, ``309486424 元``, ``271.53万元``, ``－3``, full-width digits, a blank
cell for nothing, and ``/`` or ``—`` for "not applicable". ``parse_cell`` tells them apart; it is
called for every cell of every report, so it is cached and uses one regular expression.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from gongkai.report.templates import UNKNOWN_MARK


class CellKind(str, Enum):  # noqa: UP042  (the style of report/templates.py)
    NUMBER = "number"
    BLANK = "blank"  # nothing printed: counts as 0
    DASH = "dash"  # / — - 无: printed "nothing", read as 0 and noted
    UNKNOWN = "unknown"  # 未知 (templates.UNKNOWN_MARK): a figure nobody can know, read as null
    TEXT = "text"  # a label or anything that is not a value


@dataclass(frozen=True, slots=True)
class CellValue:
    kind: CellKind
    number: int | float | None = None
    unit: str = ""  # 元, 万元, 亿元 … as printed next to the number
    digits: str = ""  # the bare digit run of an unsigned integer (for splitting run-together cells)
    # The cell as a number: blank and dash are 0, unknown is None. Stored once (read hundreds of
    # times a document); no field of the value's identity (equality, hash and repr leave it out).
    amount: int | float | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        amount = self.number if self.number is not None else None if self.kind is CellKind.UNKNOWN else 0
        object.__setattr__(self, "amount", amount)

    @property
    def is_value(self) -> bool:
        return self.kind is not CellKind.TEXT


# A thousands separator inside a run of figures that ran together (``57‚026`` of ``8,47857,026``):
# the text reader keeps it so (``thousands_runs._cut_at_separators``) for the readers that cut the run by the
# separators (``active``); as a cell the run is its digits, as if the separator were not printed.
RUN_COMMA = "\u201a"

BLANK = CellValue(CellKind.BLANK, 0)
DASH = CellValue(CellKind.DASH, 0)
TEXT = CellValue(CellKind.TEXT)
UNKNOWN = CellValue(CellKind.UNKNOWN)
_UNKNOWN_MARKS = frozenset({UNKNOWN_MARK, "不详"})

_DASHES = frozenset({"/", "\\", "-", "--", "---", "—", "——", "–", "－", "―", "无", "－－", "×", "x", "X", "n/a", "N/A"})
_SPACE = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")
# sign, digits with optional thousands separators, decimals, then an optional unit.
_NUMBER = re.compile(
    r"(?P<sign>[-−–—+]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?P<unit>万元|亿元|元|千元|件|个|项|条|次|人次|家|份|宗|起|%)?"
)
_SPACED_DIGITS = re.compile(r"\d[\s\u3000\xa0]+[-−+]?\d")
_DASH_THEN_FIGURE = re.compile(r"[-−–—―－]\s+\d")  # a cell's dash (0), then the next cell's figure
_SCALE = {"万元": 10_000, "亿元": 100_000_000, "千元": 1_000}
# Longer than any figure, even a whole row of figures run together in one cell ("1801000…"): a
# digit run like this is a serial number or junk, not a number (and int() refuses 4,300 digits).
MAX_DIGITS = 100


@lru_cache(maxsize=8192)
def parse_cell(text: str) -> CellValue:
    """Classify one cell's text. Markdown emphasis and all spacing are ignored."""
    compact = _SPACE.sub("", text).replace("*", "").replace(RUN_COMMA, "")
    if not compact:
        return BLANK
    if _SPACED_DIGITS.search(text) or _DASH_THEN_FIGURE.match(text.lstrip()):
        return TEXT  # "180 1 0 0", "— 204": several cells in one, not one number
    folded = unicodedata.normalize("NFKC", compact)
    if folded in _DASHES:
        parts = _SPACE.split(text.strip())
        if len(parts) > 1 and all(unicodedata.normalize("NFKC", part) in _DASHES for part in parts):
            return TEXT  # "— —": two cells' marks a converter put in one cell (several_numbers)
        return DASH
    if folded in _UNKNOWN_MARKS:
        return UNKNOWN
    match = _NUMBER.fullmatch(folded.replace("，", ","))
    if match is None or len(match["int"]) + len(match["frac"] or "") > MAX_DIGITS:
        return TEXT
    number: int | float
    if match["frac"]:
        number = float(match["int"].replace(",", "") + match["frac"])
    else:
        number = int(match["int"].replace(",", ""))
    if match["sign"] in ("-", "−", "–", "—"):  # Word turns a typed minus into a dash: —3
        number = -number
    digits = match["int"] if not match["sign"] and not match["frac"] and "," not in match["int"] else ""
    return CellValue(CellKind.NUMBER, number, match["unit"] or "", digits)


@lru_cache(maxsize=8192)
def several_numbers(text: str) -> tuple[CellValue, ...] | None:
    """The values of a cell that holds several numbers split by spaces ("180 1 0 0"), else None."""
    parts = _SPACE.split(text.strip())
    if len(parts) < 2:
        return None
    values = [parse_cell(part) for part in parts]
    if any(v.kind is CellKind.TEXT for v in values):
        # "309486424 元": a number and its unit are one value, not two.
        return None
    return tuple(values)


def scale_money(value: int | float, unit: str, target: str) -> int | float:
    """Convert an amount printed in ``unit`` (元/万元/…, empty for unknown) to ``target`` (元 or 万元)."""
    if not unit or unit == target or unit not in (*_SCALE, "元"):
        return tidy(value)
    yuan = value * _SCALE.get(unit, 1)
    return tidy(yuan / _SCALE.get(target, 1))


def tidy(value: int | float) -> int | float:
    """Round away float noise (271.53 × 10000) and give whole numbers as int."""
    rounded = round(float(value), 6)
    return int(rounded) if rounded.is_integer() else rounded


@lru_cache(maxsize=4096)  # a pure function of a header's text, asked of every row under it
def header_unit(text: str) -> str:
    """The money unit a column header names: 采购总金额（元） → 元, （单位：万元） → 万元."""
    folded = unicodedata.normalize("NFKC", text)
    for unit in ("亿元", "万元", "千元", "元"):
        if unit in folded:
            return unit
    return ""
