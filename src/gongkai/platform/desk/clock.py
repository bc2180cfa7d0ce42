"""The statutory clock of one application (条例 第三十条、第三十二条至第三十四条、国办函〔2020〕109号).

Pure computation over a ``Timeline`` and a working-day calendar, so that it is tested on real
calendars without a database. The answer is a due date (or ``None`` while the clock is stopped)
and the list of steps that explain it, in Chinese, as the case page shows them.

Counting: the day that starts a period is not counted (the first working day after it is day 1).
The 20 working days run from the receipt date, or — after a clarification (补正) — from the day the
clarified application arrived. Time spent on a third-party or other-agency consultation, and
between a fee notice and its payment, is not counted: the working days from the day after the
pause began up to and including the day it ended are skipped. A consultation excludes at most its
own 15 working days (第三十二条、第三十四条: silence after them lets the office decide), so a case
waiting on a silent third party has a due date and becomes overdue like any other. An extension
adds at most 20 working days at the end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..workdays.calendar import WorkCalendar

ANSWER_DAYS = 20
MAX_EXTENSION_DAYS = 20
CLARIFICATION_NOTICE_DAYS = 7
CONSULTATION_DAYS = 15
FEE_PAYMENT_DAYS = 20

WEEKDAYS = "一二三四五六日"


def fmt(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日（星期{WEEKDAYS[day.weekday()]}）"


@dataclass(frozen=True)
class Pause:
    kind: str  # 征求第三方意见 / 征求其他机关意见 / 等待缴费
    started_on: dt.date
    ended_on: dt.date | None  # None: still paused
    limit: dt.date | None = None  # the last day the pause may exclude (a consultation's 15 working days)

    @property
    def excluded_until(self) -> dt.date | None:
        """The last day not counted: the end, or the limit if the end is later or not there yet."""
        if self.limit is None:
            return self.ended_on
        return self.limit if self.ended_on is None or self.ended_on > self.limit else self.ended_on


@dataclass(frozen=True)
class Timeline:
    receipt: dt.date | None
    channel_rule: str = ""
    clarification_sent_on: dt.date | None = None
    clarification_deadline: dt.date | None = None
    clarified_on: dt.date | None = None
    pauses: tuple[Pause, ...] = ()
    extension_days: int = 0
    extension_approved_on: dt.date | None = None
    decided_on: dt.date | None = None


@dataclass
class Due:
    """The due date, how it was computed, and whether the clock is running."""

    due: dt.date | None
    steps: list[str] = field(default_factory=list)
    state: str = "running"  # running / not_started / clarification / paused / stopped
    used_days: int = 0  # working days counted so far (up to ``today`` when asked)
    warning: str | None = None


def _holiday_notes(calendar: WorkCalendar, start: dt.date, end: dt.date) -> list[str]:
    """Weekday holidays and make-up working weekends inside (start, end]: why the count is not naive."""
    off: list[dt.date] = []
    extra: list[dt.date] = []
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        workday = calendar.is_workday(day)
        if day.weekday() < 5 and not workday:
            off.append(day)
        elif day.weekday() >= 5 and workday:
            extra.append(day)
    notes = []
    if off:
        names = sorted({n for d in off if (n := calendar.holiday_name(d))})
        label = "、".join(names) if names else "法定节假日"
        days = "、".join(f"{d.month}月{d.day}日" for d in off)
        notes.append(f"期间逢{label}，{len(off)} 个周一至周五放假日不计：{days}")
    if extra:
        notes.append("调休上班的周末计入工作日：" + "、".join(f"{d.month}月{d.day}日" for d in extra))
    return notes


def compute(timeline: Timeline, calendar: WorkCalendar, today: dt.date | None = None) -> Due:
    """The due date of an application and the steps that explain it."""
    steps: list[str] = []
    if timeline.receipt is None:
        rule = f"（{timeline.channel_rule}）" if timeline.channel_rule else ""
        return Due(None, ["尚未确认收到申请，答复期限尚未起算。" + rule], "not_started")
    steps.append(f"收到申请：{fmt(timeline.receipt)}" + (f"。{timeline.channel_rule}" if timeline.channel_rule else ""))
    start = timeline.receipt
    if timeline.clarification_sent_on is not None:
        limit = calendar.add_workdays(timeline.receipt, CLARIFICATION_NOTICE_DAYS)
        steps.append(
            f"{fmt(timeline.clarification_sent_on)} 发出补正通知（收到申请后 {CLARIFICATION_NOTICE_DAYS} 个工作日内即 "
            f"{fmt(limit)} 前可要求补正），补正期限至 "
            + (fmt(timeline.clarification_deadline) if timeline.clarification_deadline else "（未定）")
        )
        if timeline.clarified_on is None:
            steps.append("等待申请人补正：答复期限停止计算，收到补正后的申请之日起重新计算 20 个工作日。")
            return Due(None, steps, "clarification", warning=calendar.warning())
        start = timeline.clarified_on
        steps.append(f"{fmt(start)} 收到补正后的申请：答复期限自该日起重新计算。")

    pauses = sorted((p for p in timeline.pauses if p.started_on >= start), key=lambda p: p.started_on)
    skip: list[tuple[dt.date, dt.date]] = []
    base_due = calendar.add_workdays(start, ANSWER_DAYS)
    steps.append(f"自 {fmt(start)} 的次日起算 {ANSWER_DAYS} 个工作日，不计暂停的期间：原定 {fmt(base_due)}。")
    steps.extend(_holiday_notes(calendar, start, base_due))
    waiting = False
    for pause in pauses:
        until = pause.excluded_until
        if until is None:
            used = calendar.workdays_between(start, pause.started_on) - _skipped(calendar, skip, pause.started_on)
            steps.append(
                f"自 {fmt(pause.started_on)} 起{pause.kind}，停止计时："
                f"已用 {used} 个工作日，尚余 {max(ANSWER_DAYS - used, 0)} 个"
                + (f"（另有延长的 {timeline.extension_days} 个）" if timeline.extension_days else "")
                + "。"
            )
            return Due(None, steps, "paused", used, calendar.warning())
        if until > pause.started_on:
            skip.append((pause.started_on + dt.timedelta(days=1), until))
            excluded = calendar.workdays_between(pause.started_on, until)
            if pause.ended_on is None:
                waiting = today is None or today <= until
                steps.append(
                    f"自 {fmt(pause.started_on)} 起{pause.kind}，征求意见期限至 {fmt(until)}，"
                    f"其间 {excluded} 个工作日不计入答复期限；逾期未提出意见的，期限自次日起恢复计算。"
                )
            else:
                late = "（超过征求意见期限的部分计入）" if until != pause.ended_on else ""
                steps.append(
                    f"{pause.kind}：{fmt(pause.started_on)} 至 {fmt(pause.ended_on)}，"
                    f"其间 {excluded} 个工作日不计入答复期限{late}。"
                )

    due = calendar.add_workdays(start, ANSWER_DAYS, skip)
    if skip:
        steps.append(f"扣除暂停期间后，{ANSWER_DAYS} 个工作日届满于 {fmt(due)}。")
    if timeline.extension_days:
        extended = calendar.add_workdays(due, timeline.extension_days, skip)
        approved = (
            f"（{fmt(timeline.extension_approved_on)} 经政府信息公开工作机构负责人同意，并告知申请人）"
            if (timeline.extension_approved_on)
            else ""
        )
        steps.append(f"延长答复期限 {timeline.extension_days} 个工作日{approved}：自 {fmt(due)} 延至 {fmt(extended)}。")
        steps.extend(_holiday_notes(calendar, due, extended))
        due = extended
    steps.append(f"答复期限：{fmt(due)}。")
    state = "paused" if waiting else "running"
    if timeline.decided_on is not None:
        on_time = "按期" if timeline.decided_on <= due else "逾期"
        steps.append(f"{fmt(timeline.decided_on)} 作出答复（{on_time}）。")
        state = "stopped"
    used = 0
    if today is not None and state == "running":
        used = calendar.workdays_between(start, min(today, due)) - _skipped(calendar, skip, today)
    return Due(due, steps, state, used, calendar.warning())


def _skipped(calendar: WorkCalendar, skip: list[tuple[dt.date, dt.date]], until: dt.date) -> int:
    total = 0
    for first, last in skip:
        if first > until:
            continue
        total += calendar.workdays_between(first - dt.timedelta(days=1), min(last, until))
    return total


def clarification_notice_limit(receipt: dt.date, calendar: WorkCalendar) -> dt.date:
    """The last day a clarification may be asked for (收到申请之日起 7 个工作日内)."""
    return calendar.add_workdays(receipt, CLARIFICATION_NOTICE_DAYS)
