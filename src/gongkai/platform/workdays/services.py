"""Entering a year's holiday schedule: administrators only, audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction

from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_administer
from ..audit.labels import Action
from ..audit.services import record
from ..errors import RuleError
from .models import DayKind, ScheduleDay, YearSchedule


class ScheduleError(RuleError):
    code = "schedule"


def enter_schedule(
    actor: Actor,
    year: int,
    *,
    holidays: Iterable[tuple[dt.date, str]],
    workdays: Iterable[tuple[dt.date, str]],
    document: str = "",
) -> YearSchedule:
    """Replace the schedule of ``year``: days off (date, festival) and make-up working days."""
    if not may_administer(actor):
        raise PermissionDenied("只有平台管理员可以录入放假安排 / only administrators enter holiday schedules")
    holidays, workdays = list(holidays), list(workdays)
    for day, _ in [*holidays, *workdays]:
        if day.year != year:
            raise ScheduleError(f"{day} 不在 {year} 年 / {day} is not in {year}")
    clash = {d for d, _ in holidays} & {d for d, _ in workdays}
    if clash:
        raise ScheduleError(f"同一天既放假又上班 / a day both off and working: {sorted(clash)}")
    with transaction.atomic():
        schedule, _ = YearSchedule.objects.get_or_create(year=year)
        before = {str(d): k for d, k in schedule.days.values_list("date", "kind")}
        schedule.document = document
        schedule.entered_by = stored_user(actor)
        schedule.save()
        schedule.days.all().delete()
        ScheduleDay.objects.bulk_create(
            [ScheduleDay(schedule=schedule, date=d, kind=DayKind.HOLIDAY, name=n) for d, n in holidays]
            + [ScheduleDay(schedule=schedule, date=d, kind=DayKind.WORKDAY, name=n) for d, n in workdays]
        )
        after = {str(d): DayKind.HOLIDAY.value for d, _ in holidays} | {
            str(d): DayKind.WORKDAY.value for d, _ in workdays
        }
        record(actor, Action.WORKDAYS_SCHEDULE, schedule, before=before, after=after, note=document)
    return schedule


def parse_days(text: str) -> list[tuple[dt.date, str]]:
    """Lines like ``2027-01-01 元旦`` or ranges ``2027-02-06..2027-02-13 春节``."""
    days: list[tuple[dt.date, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        when, _, name = line.partition(" ")
        first, _, last = when.partition("..")
        try:
            start = dt.date.fromisoformat(first)
            end = dt.date.fromisoformat(last) if last else start
        except ValueError:
            raise ScheduleError(f"第 {number} 行日期无法识别 / line {number}: cannot read the date {when!r}") from None
        if end < start:
            raise ScheduleError(f"第 {number} 行日期范围颠倒 / line {number}: range ends before it starts")
        day = start
        while day <= end:
            days.append((day, name.strip()))
            day += dt.timedelta(days=1)
    return days
