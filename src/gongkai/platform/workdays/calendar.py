"""Working days: Monday–Friday, minus statutory holidays, plus the weekend days made working days.

``WorkCalendar`` answers ``is_workday`` from, in order: a schedule an administrator entered for
the year (``YearSchedule``); the chinese-calendar package; and, for a year neither knows, Monday to
Friday minus the statutory holidays of 《全国年节及纪念日放假办法》 (``statutory``) — noting the year
in ``missing_years`` so that office pages can warn that only that year's 调休 (make-up working
days, bridging days off) is unknown. A deadline thus never falls on a statutory holiday. It never
raises for a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import chinese_calendar

from .statutory import statutory_holidays

WORKDAY = "workday"
HOLIDAY = "holiday"


class WorkCalendar:
    def __init__(self, entered: Mapping[dt.date, str] | None = None, entered_years: Iterable[int] = ()) -> None:
        self._entered = dict(entered or {})
        self._entered_years = set(entered_years) | {d.year for d in self._entered}
        self.missing_years: set[int] = set()

    @classmethod
    def from_database(cls) -> WorkCalendar:
        """The calendar with every schedule entered in the platform."""
        from .models import ScheduleDay, YearSchedule

        days = {d: k for d, k in ScheduleDay.objects.values_list("date", "kind")}
        return cls(days, YearSchedule.objects.values_list("year", flat=True))

    def is_workday(self, day: dt.date) -> bool:
        if day.year in self._entered_years:
            kind = self._entered.get(day)
            if kind is not None:
                return kind == WORKDAY
            return day.weekday() < 5
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            self.missing_years.add(day.year)
            return day.weekday() < 5 and day not in statutory_holidays(day.year)

    def holiday_name(self, day: dt.date) -> str | None:
        """The festival a day off belongs to (国庆节, 春节 …), when known."""
        if day.year in self._entered_years:
            return None
        try:
            on_holiday, name = chinese_calendar.get_holiday_detail(day)
        except NotImplementedError:
            return statutory_holidays(day.year).get(day)
        return _HOLIDAY_NAMES.get(str(name), str(name)) if on_holiday and name else None

    def add_workdays(self, start: dt.date, count: int, skip: Iterable[tuple[dt.date, dt.date]] = ()) -> dt.date:
        """The ``count``-th working day after ``start`` (the start day itself is not counted).

        Working days inside a ``skip`` interval (first, last — both included) are not counted.
        """
        intervals = list(skip)
        day = start
        counted = 0
        while counted < count:
            day += dt.timedelta(days=1)
            if self.is_workday(day) and not any(a <= day <= b for a, b in intervals):
                counted += 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return count

    def warning(self) -> str | None:
        if not self.missing_years:
            return None
        years = "、".join(str(y) for y in sorted(self.missing_years))
        return (
            f"{years} 年的调休安排尚未录入：期限已扣除法定节假日，但调休上班日和调休放假日未计入，"
            f"可能相差数日；请管理员录入国务院公布的放假安排。"
        )


_HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}
