"""The statutory clock on China's real calendars (chinese-calendar), with and without the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

import chinese_calendar
import pytest

from gongkai.platform.desk.clock import Pause, Timeline, compute
from gongkai.platform.workdays.calendar import WorkCalendar

D = dt.date


def due(timeline: Timeline, calendar: WorkCalendar | None = None) -> Any:
    return compute(timeline, calendar or WorkCalendar())


def test_the_calendar_knows_2020_national_day_and_its_make_up_days() -> None:
    calendar = WorkCalendar()
    assert calendar.is_workday(D(2020, 9, 27))  # Sunday, 调休
    assert calendar.is_workday(D(2020, 10, 10))  # Saturday, 调休
    assert not any(calendar.is_workday(D(2020, 10, day)) for day in range(1, 9))  # 国庆中秋 8 days
    assert calendar.holiday_name(D(2020, 10, 1)) == "国庆节"


def test_received_the_day_before_national_day_2020() -> None:
    # Day 1 is Fri 9 Oct, day 2 the make-up Saturday 10 Oct, … day 20 is Wed 4 Nov.
    result = due(Timeline(receipt=D(2020, 9, 30)))
    assert result.due == D(2020, 11, 4)
    assert result.state == "running"
    text = "\n".join(result.steps)
    assert "2020年9月30日" in text and "2020年11月4日" in text
    assert "国庆节" in text and "10月10日" in text  # why the naive count is wrong is shown
    # Mon–Fri counting (the foreign habit) would give 28 Oct: the statutory calendar matters.
    assert result.due != D(2020, 10, 28)


def test_a_make_up_sunday_counts_as_a_working_day() -> None:
    # Received Fri 25 Sep 2020: Sun 27 Sep is day 1, … day 20 is Thu 29 Oct.
    assert due(Timeline(receipt=D(2020, 9, 25))).due == D(2020, 10, 29)


def test_due_dates_agree_with_chinese_calendar_counting() -> None:
    for receipt in (D(2020, 1, 20), D(2021, 4, 30), D(2023, 9, 28), D(2024, 2, 8), D(2025, 12, 31)):
        result = due(Timeline(receipt=receipt)).due
        assert result is not None
        between = chinese_calendar.get_workdays(receipt + dt.timedelta(days=1), result)
        assert len(between) == 20 and chinese_calendar.is_workday(result)


def test_clarification_stops_the_clock_and_restarts_it_from_the_clarified_application() -> None:
    waiting = due(
        Timeline(receipt=D(2020, 9, 30), clarification_sent_on=D(2020, 10, 9), clarification_deadline=D(2020, 10, 23))
    )
    assert waiting.due is None and waiting.state == "clarification"
    restarted = due(
        Timeline(
            receipt=D(2020, 9, 30),
            clarification_sent_on=D(2020, 10, 9),
            clarification_deadline=D(2020, 10, 23),
            clarified_on=D(2020, 10, 20),
        )
    )
    # 20 working days from Tue 20 Oct: 21 Oct is day 1 … 17 Nov is day 20.
    assert restarted.due == D(2020, 11, 17)
    assert any("重新计算" in step for step in restarted.steps)


def test_consultation_time_is_not_counted() -> None:
    plain = due(Timeline(receipt=D(2021, 3, 1)))
    assert plain.due == D(2021, 3, 29)
    consulted = due(Timeline(receipt=D(2021, 3, 1), pauses=(Pause("征求第三方意见", D(2021, 3, 8), D(2021, 3, 19)),)))
    # 9 working days (9–19 March) are skipped; 清明 (Mon 5 April 2021) is a day off on the way.
    assert consulted.due == D(2021, 4, 12)
    assert any("9 个工作日不计入" in step for step in consulted.steps)


def test_an_open_fee_wait_pauses_the_clock() -> None:
    paused = due(Timeline(receipt=D(2021, 3, 1), pauses=(Pause("等待缴费", D(2021, 3, 8), None),)))
    assert paused.due is None and paused.state == "paused" and paused.used_days == 5


def test_a_consultation_excludes_at_most_its_fifteen_working_days() -> None:
    # Third party asked on Mon 8 March 2021; its 15 working days end Mon 29 March.
    waiting = compute(
        Timeline(receipt=D(2021, 3, 1), pauses=(Pause("征求第三方意见", D(2021, 3, 8), None, D(2021, 3, 29)),)),
        WorkCalendar(),
        D(2021, 3, 20),
    )
    assert waiting.state == "paused" and waiting.due == D(2021, 4, 20)
    silent = compute(
        Timeline(receipt=D(2021, 3, 1), pauses=(Pause("征求第三方意见", D(2021, 3, 8), None, D(2021, 3, 29)),)),
        WorkCalendar(),
        D(2021, 4, 6),
    )
    assert silent.state == "running" and silent.due == D(2021, 4, 20)  # silence: the clock runs again
    late = due(
        Timeline(
            receipt=D(2021, 3, 1), pauses=(Pause("征求第三方意见", D(2021, 3, 8), D(2021, 4, 15), D(2021, 3, 29)),)
        )
    )
    assert late.due == D(2021, 4, 20) and any("超过征求意见期限" in step for step in late.steps)
    early = due(
        Timeline(
            receipt=D(2021, 3, 1), pauses=(Pause("征求第三方意见", D(2021, 3, 8), D(2021, 3, 19), D(2021, 3, 29)),)
        )
    )
    assert early.due == D(2021, 4, 12)


def test_extension_adds_working_days_after_the_original_deadline() -> None:
    extended = due(Timeline(receipt=D(2020, 9, 30), extension_days=20, extension_approved_on=D(2020, 10, 30)))
    assert extended.due == D(2020, 12, 2)
    assert any("延长答复期限 20 个工作日" in step for step in extended.steps)


def test_a_year_beyond_the_package_falls_back_to_weekdays_with_a_warning() -> None:
    calendar = WorkCalendar()
    result = compute(Timeline(receipt=D(2027, 3, 1)), calendar)
    assert result.due == D(2027, 3, 29)  # Mon–Fri: 20 weekdays after Mon 1 March, no holiday in between
    assert result.warning is not None and "2027" in result.warning and "调休" in result.warning
    assert "/" not in result.warning  # Chinese only: shown to office staff


def test_an_unknown_year_still_knows_its_statutory_holidays() -> None:
    """The 2025 办法: 元旦, 春节 from 除夕 (4 days), 清明, 劳动节 2 days, 端午, 中秋, 国庆 3 days."""
    from gongkai.platform.workdays.statutory import statutory_holidays

    calendar = WorkCalendar()
    # 2027: 除夕 Fri 5 Feb, 清明 Mon 5 Apr, 端午 Wed 9 Jun, 中秋 Wed 15 Sep (lunar-python dates).
    for day in (D(2027, 1, 1), D(2027, 2, 5), D(2027, 4, 5), D(2027, 6, 9), D(2027, 9, 15), D(2027, 10, 1)):
        assert not calendar.is_workday(day), day
    assert calendar.holiday_name(D(2027, 2, 5)) == "春节"
    # Received Fri 4 Dec 2026: 20 working days end on Fri 1 January 2027 (元旦) counting Mon–Fri.
    assert compute(Timeline(receipt=D(2026, 12, 2)), calendar).due == D(2026, 12, 30)
    assert calendar.add_workdays(D(2026, 12, 4), 20) == D(2027, 1, 4)  # not 1 January
    # The rule computes the years chinese-calendar knows exactly as the State Council fixed them.
    for year in (2025, 2026):
        for day, name in statutory_holidays(year).items():
            assert chinese_calendar.is_holiday(day), (day, name)
        assert len(statutory_holidays(year)) == 13


def test_an_entered_schedule_is_used_for_a_new_year() -> None:
    calendar = WorkCalendar({D(2027, 3, 2): "holiday", D(2027, 3, 6): "workday"}, entered_years=[2027])
    result = compute(Timeline(receipt=D(2027, 3, 1)), calendar)
    assert result.warning is None
    # One weekday off and one Saturday on: the count lands on the same day, by another road.
    assert not calendar.is_workday(D(2027, 3, 2)) and calendar.is_workday(D(2027, 3, 6))
    assert result.due == D(2027, 3, 29)
    calendar_off = WorkCalendar({D(2027, 3, 2): "holiday"}, entered_years=[2027])
    assert compute(Timeline(receipt=D(2027, 3, 1)), calendar_off).due == D(2027, 3, 30)


def test_not_received_means_not_started() -> None:
    result = due(Timeline(receipt=None, channel_rule="通过互联网渠道提交的，以双方确认之日为收到申请之日"))
    assert result.due is None and result.state == "not_started"


@pytest.mark.django_db
def test_schedule_entered_in_the_database_changes_open_due_dates(office: dict[str, Any]) -> None:
    from gongkai.platform.accounts.permissions import PermissionDenied
    from gongkai.platform.desk.services import recompute_due_dates
    from gongkai.platform.workdays.services import enter_schedule

    with pytest.raises(PermissionDenied):
        enter_schedule(office["clerk"], 2027, holidays=[(D(2027, 1, 1), "元旦")], workdays=[])
    enter_schedule(office["admin"], 2027, holidays=[(D(2027, 3, 2), "示例")], workdays=[], document="测试")
    calendar = WorkCalendar.from_database()
    assert compute(Timeline(receipt=D(2027, 3, 1)), calendar).due == D(2027, 3, 30)
    assert calendar.warning() is None
    assert recompute_due_dates(office["admin"]) == 0  # nothing open yet


@pytest.mark.django_db
def test_a_schedule_entered_on_the_page_or_the_api_moves_open_due_dates(office: dict[str, Any]) -> None:
    """The calendar announces the change (workdays.signals); the desk recomputes its open cases."""
    from django.test import Client

    from gongkai.platform.desk import services
    from gongkai.platform.desk.receipt import Channel

    from .conftest import APPLICANT

    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2026, 11, 2),
        applicant=APPLICANT,
        description="某项目批复",
    )
    assert case.due_date == D(2026, 11, 30)  # 20 working days from Tue 3 Nov
    admin = Client()
    admin.force_login(office["admin"])
    holidays = [{"date": "2026-11-16", "name": "示例"}]
    response = admin.put(
        "/api/workdays/2026",
        {"holidays": holidays, "workdays": [], "document": "测试"},
        content_type="application/json",
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.due_date == D(2026, 12, 1)  # one working day fewer in the window
    page = admin.post(
        "/workdays/", {"year": 2026, "holidays": "2026-11-16..2026-11-17 示例", "workdays": "", "document": "测试"}
    )
    assert page.status_code == 302
    case.refresh_from_db()
    assert case.due_date == D(2026, 12, 2)
