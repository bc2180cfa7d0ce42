"""The statutory holidays of any year, from 《全国年节及纪念日放假办法》 alone.

Used for a year whose 调休 schedule (the State Council's yearly notice) is not known yet: the
holidays themselves are fixed by the 办法, only the make-up working days and the bridging days off
are not. Lunar and solar-term dates come from ``lunar_python`` (a maintained calendar library).

The 办法 as revised by 国务院令第798号 (in force 2025-01-01) gives 13 days: 元旦 1, 春节 4 (除夕 to
正月初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. Before 2025: 春节 3 (初一 to 初三) and 劳动节 1
(2014–2024 version); those years are covered by chinese-calendar, the earlier rules only matter for
completeness.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from lunar_python import Lunar

REVISION_2025 = 2025


def _lunar(year: int, month: int, day: int) -> dt.date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> dt.date:
    # The solar term 清明 of the Gregorian year: look it up in the table of the lunar year that
    # starts in that Gregorian year (its table spans the whole Gregorian year's terms).
    solar = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


@lru_cache(maxsize=64)
def statutory_holidays(year: int) -> dict[dt.date, str]:
    """Every statutory day off of ``year`` (date → festival), without the 调休 bridging days."""
    days: dict[dt.date, str] = {dt.date(year, 1, 1): "元旦"}
    new_year = _lunar(year, 1, 1)
    first = -1 if year >= REVISION_2025 else 0  # 除夕 since the 2025 revision
    for offset in range(first, 3):
        days[new_year + dt.timedelta(days=offset)] = "春节"
    days[_qingming(year)] = "清明节"
    for day in range(1, 3 if year >= REVISION_2025 else 2):
        days[dt.date(year, 5, day)] = "劳动节"
    days[_lunar(year, 5, 5)] = "端午节"
    days[_lunar(year, 8, 15)] = "中秋节"
    for day in range(1, 4):
        days.setdefault(dt.date(year, 10, day), "国庆节")  # 中秋 may fall on 10-01..03 (it keeps its name)
    return days
