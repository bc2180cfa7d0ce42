"""The statutory clock as the office and the applicant see it: a clarification (补正) that restarts the
20 working days, and an extension approved by the head. The desk's "today" is pinned in 2020 so the
dates can be checked against the real calendar of that autumn: National Day and Mid-Autumn made
1–8 October a holiday (six weekdays off) and Sunday 27 September and Saturday 10 October working days.

Received Monday 21 September 2020: 20 working days end Friday 23 October (the make-up Sunday counts,
the holiday does not). Clarified Monday 28 September: 20 working days from then end Monday 2 November.
Extended by 20 working days: from 23 October to Friday 20 November.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import chinese_calendar
import pytest

from gongkai.platform.desk.models import Application, Status

from ..conftest import APPLICANT
from .conftest import DeskDay, fill_form

pytestmark = pytest.mark.browser

RECEIVED = dt.date(2020, 9, 21)
FIRST_DUE = dt.date(2020, 10, 23)
CLARIFIED = dt.date(2020, 9, 28)
DUE_AFTER_CLARIFICATION = dt.date(2020, 11, 2)
EXTENDED_DUE = dt.date(2020, 11, 20)


def test_the_expected_dates_are_those_of_the_real_2020_calendar() -> None:
    """The figures above, counted by chinese-calendar itself (independently of the platform's clock)."""
    assert chinese_calendar.find_workday(20, RECEIVED) == FIRST_DUE
    assert chinese_calendar.find_workday(20, CLARIFIED) == DUE_AFTER_CLARIFICATION
    assert chinese_calendar.find_workday(20, FIRST_DUE) == EXTENDED_DUE
    assert chinese_calendar.is_workday(dt.date(2020, 10, 10)) and not chinese_calendar.is_workday(dt.date(2020, 10, 8))


def _register(clerk: Any, description: str) -> Application:
    """The clerk registers an application handed in person on RECEIVED (receipt = that day, 第三十一条)."""
    clerk.goto("/desk/")
    clerk.get_by_role("link", name="登记申请").click()
    fill_form(
        clerk,
        "form.card",
        {
            "channel": "in_person",
            "submitted_on": RECEIVED.isoformat(),
            "applicant_type": APPLICANT["applicant_type"],
            "applicant_name": APPLICANT["applicant_name"],
            "id_number": APPLICANT["id_number"],
            "phone": APPLICANT["phone"],
            "address": APPLICANT["address"],
            "description": description,
            "form_wanted": "纸质",
        },
    )
    assert "已登记，查询码" in clerk.inner_text(".messages"), clerk.inner_text("main")
    code = clerk.locator("h1").inner_text().split()[1]
    return Application.objects.get(tracking_code=code)


def _due_card(page: Any) -> tuple[str, str]:
    """(the heading of the due-date card, its computation steps)."""
    card = page.locator(".card", has=page.locator("ol.steps"))
    return card.locator("h2").inner_text(), card.locator("ol.steps").inner_text()


def test_a_clarification_restarts_the_clock(
    office: dict[str, Any], login: Callable[[str], Any], open_page: Callable[[], Any], desk_day: DeskDay
) -> None:
    desk_day.set(RECEIVED)
    clerk = login("hy_clerk")
    case = _register(clerk, "某地块国有土地使用权出让合同")
    heading, steps = _due_card(clerk)
    assert heading == "答复期限：2020年10月23日"
    assert "收到申请：2020年9月21日（星期一）" in steps and "原定 2020年10月23日（星期五）" in steps
    assert "6 个周一至周五放假日不计" in steps and "国庆节" in steps
    assert "调休上班的周末计入工作日：9月27日、10月10日" in steps

    # Two days later the office asks for a clarification: the clock stops.
    desk_day.set(dt.date(2020, 9, 23))
    clerk.reload()
    fill_form(clerk, "#action-clarify", {"on": "2020-09-23", "request": "请写明出让合同涉及地块的位置或宗地编号"})
    assert "已发出补正通知" in clerk.inner_text(".messages")
    heading, steps = _due_card(clerk)
    assert heading == "答复期限：等待补正"
    assert "2020年9月23日（星期三） 发出补正通知" in steps and "停止计算" in steps
    case.refresh_from_db()
    assert case.status == Status.CLARIFICATION and case.due_date is None
    # 10 working days to answer it, over the holiday: 24, 25, 27 (make-up Sunday), 28–30 Sep, 9, 10, 12, 13 Oct.
    assert case.clarification_deadline == dt.date(2020, 10, 13)
    clerk.goto("/desk/?tab=waiting")
    assert case.tracking_code in clerk.inner_text("table")
    clerk.goto("/desk/?tab=overdue")
    assert case.tracking_code not in clerk.inner_text("table")

    applicant = open_page()  # the applicant, with the tracking code only, sees what to clarify
    applicant.goto(f"/track/?code={case.tracking_code}")
    assert "请补正" in applicant.inner_text("main") and "宗地编号" in applicant.inner_text("main")

    # The clarified application arrives on Monday 28 September: 20 working days from that day.
    desk_day.set(CLARIFIED)
    clerk.goto(f"/desk/{case.pk}/")
    fill_form(clerk, "#action-clarified", {"on": CLARIFIED.isoformat(), "content": "2020年9月的会议纪要"})
    assert "答复期限重新计算" in clerk.inner_text(".messages")
    heading, steps = _due_card(clerk)
    assert heading == "答复期限：2020年11月2日"
    assert "2020年9月28日（星期一） 收到补正后的申请：答复期限自该日起重新计算" in steps
    assert "自 2020年9月28日（星期一） 的次日起算 20 个工作日" in steps and "原定 2020年11月2日（星期一）" in steps
    assert "调休上班的周末计入工作日：10月10日" in steps  # 27 September is before the new start
    assert "答复期限：2020年11月2日（星期一）" in steps
    trail = clerk.inner_text("table >> nth=-1")  # the audit trail, in words
    assert "答复期限：— 改为 2020年11月2日" in trail and "2020年9月的会议纪要" in trail and "due_date" not in trail
    case.refresh_from_db()
    assert (case.status, case.due_date, case.clarified_on) == (Status.REGISTERED, DUE_AFTER_CLARIFICATION, CLARIFIED)

    applicant.reload()
    heading, steps = _due_card(applicant)
    assert heading == "答复期限：2020年11月2日" and "重新计算" in steps

    # After the first deadline (23 October) the case is not overdue: its clock restarted.
    desk_day.set(dt.date(2020, 10, 26))
    clerk.goto("/desk/?tab=overdue")
    assert case.tracking_code not in clerk.inner_text("table")
    clerk.goto("/desk/?tab=soon")
    assert case.tracking_code in clerk.inner_text("table")  # 2 November is within 5 working days


def test_an_extension_approved_by_the_head(
    office: dict[str, Any], login: Callable[[str], Any], open_page: Callable[[], Any], desk_day: DeskDay
) -> None:
    desk_day.set(RECEIVED)
    clerk = login("hy_clerk")
    extended = _register(clerk, "某河道整治工程招标文件及中标结果")
    plain = _register(clerk, "某河道整治工程的环境影响评价批复")
    assert extended.due_date == plain.due_date == FIRST_DUE

    # The clerk cannot extend: only the head of the office approves (第三十三条第二款), so the clerk
    # is not shown a form that could only end in a refusal.
    desk_day.set(dt.date(2020, 10, 20))
    clerk.goto(f"/desk/{extended.pk}/")
    assert clerk.locator("#action-extend").count() == 0 and clerk.locator("#action-request_extension").count() == 1

    head = login("hy_head")
    head.goto(f"/desk/{extended.pk}/")
    fill_form(head, "#action-extend", {"days": "20", "reason": "需调取归档案卷并征求相关科室意见", "on": "2020-10-20"})
    assert "已延长答复期限" in head.inner_text(".messages")
    heading, steps = _due_card(head)
    assert heading == "答复期限：2020年11月20日"
    assert (
        "延长答复期限 20 个工作日（2020年10月20日（星期二） 经政府信息公开工作机构负责人同意，并告知申请人）："
        "自 2020年10月23日（星期五） 延至 2020年11月20日（星期五）"
    ) in steps
    extended.refresh_from_db()
    assert (extended.extension_days, extended.due_date, extended.extension_approved_by_id) == (
        20,
        EXTENDED_DUE,
        office["head"].pk,
    )

    # 28 October: past the first deadline. The plain case is overdue; the extended one is not.
    desk_day.set(dt.date(2020, 10, 28))
    clerk.goto("/desk/?tab=overdue")
    overdue = clerk.inner_text("table")
    assert plain.tracking_code in overdue and extended.tracking_code not in overdue
    clerk.goto("/desk/?tab=open")
    row = clerk.locator("tr", has=clerk.get_by_role("link", name=extended.tracking_code)).inner_text()
    assert "已延期" in row and "2020-11-20" in row and "逾期" not in row
    row = clerk.locator("tr", has=clerk.get_by_role("link", name=plain.tracking_code)).inner_text()
    assert "逾期" in row and "2020-10-23" in row
    clerk.goto(f"/desk/{extended.pk}/")
    assert "逾期" not in clerk.locator("h1").inner_text()
    clerk.goto(f"/desk/{plain.pk}/")
    assert "逾期" in clerk.locator("h1").inner_text()

    applicant = open_page()  # the applicant is told: the tracking page shows the new due date and why
    applicant.goto(f"/track/?code={extended.tracking_code}")
    heading, steps = _due_card(applicant)
    assert heading == "答复期限：2020年11月20日" and "延长答复期限 20 个工作日" in steps
