"""The working-day calendar over the API."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Field, Router, Schema

from ..accounts.permissions import PermissionDenied, may_administer
from ..inputs import Input, Year, column
from .calendar import WorkCalendar
from .models import ScheduleDay, YearSchedule
from .services import enter_schedule
from .signals import announce_schedule_change

router = Router(tags=["工作日历 workdays"])


class DayOut(Schema):
    date: dt.date
    workday: bool
    holiday: str | None


class YearOut(Schema):
    year: int
    days: list[DayOut]
    warning: str | None


class DayIn(Input):
    date: dt.date
    name: str = Field("", max_length=column(ScheduleDay, "name"))


class ScheduleIn(Input):
    document: str = Field("", max_length=column(YearSchedule, "document"))
    holidays: list[DayIn]
    workdays: list[DayIn] = Field(default_factory=list)


@router.get("/{year}", response=YearOut, auth=None, summary="一年中每天是否工作日")
def year_days(request: HttpRequest, year: Year) -> YearOut:
    calendar = WorkCalendar.from_database()
    days = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        days.append(DayOut(date=day, workday=calendar.is_workday(day), holiday=calendar.holiday_name(day)))
        day += dt.timedelta(days=1)
    return YearOut(year=year, days=days, warning=calendar.warning())


@router.put("/{year}", response=YearOut, summary="录入一年的放假安排（管理员）")
def put_schedule(request: HttpRequest, year: Year, body: ScheduleIn) -> YearOut:
    if not may_administer(request.user):
        raise PermissionDenied("只有平台管理员可以录入放假安排 / only administrators enter holiday schedules")
    enter_schedule(
        request.user,
        year,
        holidays=[(d.date, d.name) for d in body.holidays],
        workdays=[(d.date, d.name) for d in body.workdays],
        document=body.document,
    )
    announce_schedule_change(request.user, year)
    return year_days(request, year)
