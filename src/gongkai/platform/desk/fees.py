"""Information-processing fees, 国办函〔2020〕109号: per request or per page, progressive, never both.

Per request (per applicant, per calendar month, at one agency): the 1st–10th free, the 11th–30th
100 元 each, the 31st–40th 200 元, the 41st–50th 300 元, and 100 元 more for every further band of
ten. Per page (of one application): pages 1–30 free, 31–100 10 元/页, 101–200 20 元/页, from the
201st 40 元/页 — each band priced at its own rate.
"""

from __future__ import annotations

from django.db import models


class FeeMethod(models.TextChoices):
    PER_REQUEST = "per_request", "按件计收"
    PER_PAGE = "per_page", "按量计收"


def per_request_fee(nth_in_month: int) -> int:
    """Fee in 元 for an applicant's ``nth_in_month`` application of the calendar month."""
    if nth_in_month < 1:
        raise ValueError("nth_in_month starts at 1")
    if nth_in_month <= 10:
        return 0
    if nth_in_month <= 30:
        return 100
    return 100 * (2 + (nth_in_month - 31) // 10)


PAGE_BANDS: tuple[tuple[int, int | None, int], ...] = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))


def per_page_fee(pages: int) -> int:
    """Fee in 元 for ``pages`` pages of one application."""
    if pages < 0:
        raise ValueError("pages must not be negative")
    total = 0
    for first, last, rate in PAGE_BANDS:
        top = pages if last is None else min(pages, last)
        if top >= first:
            total += (top - first + 1) * rate
    return total


def fee(method: str, units: int) -> int:
    """``units`` is the application's number in the month (per request) or its page count (per page)."""
    if method == FeeMethod.PER_REQUEST:
        return per_request_fee(units)
    if method == FeeMethod.PER_PAGE:
        return per_page_fee(units)
    raise ValueError(f"unknown fee method {method!r}")


def fee_basis(method: str, units: int) -> str:
    """What the fee notice states as basis and standard."""
    if method == FeeMethod.PER_REQUEST:
        return (
            f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）按件计收："
            f"本申请为申请人本月向本机关提出的第 {units} 件申请（每月 10 件以下免收，11—30 件每件 100 元，"
            "31—40 件每件 200 元，以后每增加 10 件每件加收 100 元）"
        )
    return (
        f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）按量计收：所需提供的政府信息共 {units} 页"
        f"（30 页以下免收，31—100 页每页 10 元，101—200 页每页 20 元，201 页以上每页 40 元）"
    )
