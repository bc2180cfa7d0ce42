"""Notifications as people see them: the applicant applies, the clerk asks for 补正; the applicant's
消息 inbox and the administrator's e-mail outbox hold the notice with its deadline; the office's
due-soon digest reaches the clerk on the right working day of the real 2020 National Day calendar.

Received Tuesday 8 September 2020: due Monday 12 October (1–8 October off, 27 September and 10 October
worked). 5 working days from Monday 28 September reach 12 October, from Sunday 27 September (a make-up
working day) only 10 October: the digest lists the case first on 28 September. A clarification asked
on 10 September gives 10 working days: Thursday 24 September.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest

from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application
from gongkai.platform.notifications import periodic

from ..conftest import APPLICANT
from .conftest import DeskDay, fill_form

pytestmark = pytest.mark.browser
RECEIVED = dt.date(2020, 9, 8)
DUE = dt.date(2020, 10, 12)


def test_clarification_notice_and_the_due_soon_digest(
    office: dict[str, Any], login: Callable[[str], Any], desk_day: DeskDay
) -> None:
    assert chinese_calendar.find_workday(20, RECEIVED) == DUE
    assert chinese_calendar.find_workday(10, dt.date(2020, 9, 10)) == dt.date(2020, 9, 24)
    desk_day.set(RECEIVED)
    alice = login("alice")
    alice.goto("/apply/")
    fill_form(
        alice,
        "form.card",
        {
            "agency": str(office["hy"].pk),
            "applicant_name": "李明",
            "phone": "13900001111",
            "email": "alice@example.cn",
            "description": "海盐县2020年老旧小区改造项目清单",
        },
    )
    case = Application.objects.get(applicant_user=office["alice"])

    clerk = login("hy_clerk")
    clerk.goto("/messages/")
    assert f"新的政府信息公开申请 {case.tracking_code}" in clerk.inner_text("main")
    assert "李明" not in clerk.inner_text("main") and "13900001111" not in clerk.inner_text("main")
    clerk.goto(f"/desk/{case.pk}/")
    fill_form(clerk, "#action-confirm", {"on": RECEIVED.isoformat()})
    desk_day.set(dt.date(2020, 9, 10))
    clerk.goto(f"/desk/{case.pk}/")
    fill_form(clerk, "#action-clarify", {"on": "2020-09-10", "request": "请写明项目所在街道或小区名称"})
    assert "已发出补正通知" in clerk.inner_text(".messages")

    # -- the applicant's inbox: unread count in the menu, the notice with its deadline ----------------
    alice.goto("/")
    assert alice.locator("#menu-messages .badge").inner_text() == "3"  # received, receipt date, 补正
    alice.locator("#menu-messages").click()
    notice = alice.locator(".message", has_text="请补正政府信息公开申请")
    assert "补正期限：2020年9月24日" in notice.inner_text() and "请写明项目所在街道或小区名称" in notice.inner_text()
    assert "2020年10月12日" in alice.locator(".message", has_text="收到申请日期已确认").inner_text()

    # -- the administrator's outbox: the e-mail that went to the applicant ---------------------------
    admin = login("root")
    admin.goto("/messages/outbox/?channel=email")
    row = admin.locator("tr.message", has_text="请补正政府信息公开申请")
    assert "补正期限：2020年9月24日" in row.inner_text() and "a***@example.cn" in row.inner_text()
    assert "alice@example.cn" not in admin.content()

    # -- the digest: another case, due 12 October, first listed on Monday 28 September ----------------
    other = services.register(
        office["clerk"],
        office["hy"],
        channel="in_person",
        submitted_on=RECEIVED,
        applicant=APPLICANT,
        description="海盐县2020年道路养护资金",
    )
    assert other.due_date == DUE
    for day in (dt.date(2020, 9, 25), dt.date(2020, 9, 27), dt.date(2020, 9, 28)):
        desk_day.set(day)  # the tick also closes the first case: its 补正 deadline passed on 24 September
        periodic.tick(dt.datetime(day.year, day.month, day.day, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai")))
    clerk.goto("/messages/")
    digests = clerk.locator(".message", has_text="答复期限提醒")
    assert digests.count() == 1, clerk.inner_text("main")
    assert "9月28日" in digests.inner_text() and other.tracking_code in digests.inner_text()
    assert "2020-10-12" in digests.inner_text() and APPLICANT["applicant_name"] not in digests.inner_text()
