"""How a figure is printed: integers as integers, money with no spurious decimals, unknown as a mark."""

from __future__ import annotations

from ..report.model import CellValue
from ..report.templates import UNKNOWN_MARK, Kind

# An unknown figure (null in the data) is printed as UNKNOWN_MARK, never as 0; the document says so.
UNKNOWN_NOTE = f"注：表中“{UNKNOWN_MARK}”表示该数值未知（原报告无法确认），不是 0。"


def format_value(value: CellValue, kind: Kind = Kind.COUNT) -> str:
    if value is None:
        return UNKNOWN_MARK
    if kind is Kind.MONEY:
        return format_money(value)
    return str(int(value))


def format_money(value: float) -> str:
    """309486424 → ``309486424``; 132767.89 → ``132767.89``; never ``1.3e+05``."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")
