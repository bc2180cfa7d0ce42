"""The request desk's life cycle through its service functions, on a real database."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gongkai.platform.accounts.permissions import PermissionDenied
from gongkai.platform.audit.models import AuditEntry
from gongkai.platform.audit.services import history
from gongkai.platform.desk import queries, services
from gongkai.platform.desk.models import Application, Status
from gongkai.platform.desk.receipt import Channel

from .conftest import APPLICANT

D = dt.date
pytestmark = pytest.mark.django_db


NATIONAL_DAY_EVE = D(2020, 9, 30)


def register(office: dict[str, Any], received: dt.date = NATIONAL_DAY_EVE, **applicant: Any) -> Application:
    return services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=received,
        applicant={**APPLICANT, **applicant},
        description="2020年某地块土地出让合同",
    )


def test_registering_sets_the_receipt_date_and_the_due_date(office: dict[str, Any]) -> None:
    case = register(office)
    assert case.status == Status.REGISTERED and case.receipt_date == D(2020, 9, 30)
    assert case.due_date == D(2020, 11, 4)
    entry = AuditEntry.objects.get(action="desk.register", object_id=str(case.pk))
    assert entry.actor == office["clerk"] and entry.after and entry.after["due_date"] == "2020-11-04"


def test_posted_and_online_applications_wait_for_the_receipt(office: dict[str, Any]) -> None:
    posted = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.REGISTERED_POST,
        submitted_on=D(2021, 6, 1),
        signed_on=D(2021, 6, 3),
        applicant=APPLICANT,
        description="某文件",
    )
    assert posted.receipt_date == D(2021, 6, 3)
    letter = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.ORDINARY_POST,
        submitted_on=D(2021, 6, 1),
        applicant=APPLICANT,
        description="某文件",
    )
    assert letter.status == Status.AWAITING_RECEIPT and letter.due_date is None
    services.confirm_receipt(office["clerk"], letter, D(2021, 6, 7))
    assert letter.receipt_date == D(2021, 6, 7) and letter.status == Status.REGISTERED
    online = services.submit_online(None, office["hy"], applicant=APPLICANT, description="网上申请的文件")
    assert online.channel == Channel.ONLINE and online.receipt_date is None
    with pytest.raises(services.DeskError):
        services.confirm_receipt(office["clerk"], online, online.submitted_on - dt.timedelta(days=1))


def test_clarification_restarts_the_clock_once_only(office: dict[str, Any]) -> None:
    case = register(office)
    with pytest.raises(services.DeskError):  # 7 working days after 30 Sep 2020 is 16 Oct
        services.ask_clarification(office["clerk"], case, D(2020, 10, 19), "请写明文号")
    services.ask_clarification(office["clerk"], case, D(2020, 10, 9), "请写明文号", deadline=D(2020, 10, 23))
    assert case.status == Status.CLARIFICATION and case.due_date is None
    services.receive_clarification(office["clerk"], case, D(2020, 10, 20), "2020年第三季度的会议纪要")
    assert case.status == Status.REGISTERED and case.due_date == D(2020, 11, 17)
    with pytest.raises(services.DeskError):
        services.ask_clarification(office["clerk"], case, D(2020, 10, 21), "再补正")


def test_no_clarification_in_time_closes_as_no_correction(office: dict[str, Any]) -> None:
    case = register(office)
    services.ask_clarification(office["clerk"], case, D(2020, 10, 9), "请写明文号", deadline=D(2020, 10, 23))
    with pytest.raises(services.DeskError):
        services.close_for_no_clarification(office["clerk"], case, D(2020, 10, 23))
    closed = services.sweep(D(2020, 10, 26))
    assert [c.pk for c in closed] == [case.pk]
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.outcome == "other_no_correction"
    assert AuditEntry.objects.filter(action="desk.close_no_clarification", actor__isnull=True).exists()


def test_consultation_pauses_and_its_time_is_not_counted(office: dict[str, Any]) -> None:
    case = register(office, received=D(2021, 3, 1))
    consultation = services.start_consultation(
        office["clerk"], case, kind="third_party", party="某公司", on=D(2021, 3, 8)
    )
    assert consultation.deadline == D(2021, 3, 29)  # 15 working days
    case.refresh_from_db()
    assert case.status == Status.CONSULTATION and case.due_date == D(2021, 4, 20)  # if it takes all 15 days
    services.end_consultation(office["clerk"], consultation, D(2021, 3, 19), "不同意公开")
    case.refresh_from_db()
    assert case.status == Status.REGISTERED and case.due_date == D(2021, 4, 12)


def test_only_the_head_extends_by_at_most_twenty_days(office: dict[str, Any]) -> None:
    case = register(office)
    with pytest.raises(services.ApprovalRequired, match=r"须由公开办负责人签发.*signed by the head"):
        services.extend(office["clerk"], case, days=20, reason="信息量大", on=D(2020, 10, 30))
    with pytest.raises(PermissionDenied):
        services.extend(office["cn_clerk"], case, days=20, reason="信息量大", on=D(2020, 10, 30))
    with pytest.raises(services.DeskError):
        services.extend(office["head"], case, days=21, reason="信息量大", on=D(2020, 10, 30))
    services.extend(office["head"], case, days=20, reason="信息量大", on=D(2020, 10, 30))
    assert case.due_date == D(2020, 12, 2)
    with pytest.raises(services.DeskError):
        services.extend(office["head"], case, days=5, reason="再延", on=D(2020, 11, 2))


def test_lists_overdue_and_due_soon_never_hold_paused_or_waiting_cases(office: dict[str, Any]) -> None:
    running = register(office, received=D(2021, 3, 1))  # due 29 March
    extended = register(office, received=D(2021, 3, 1))
    services.extend(office["head"], extended, days=20, reason="信息量大", on=D(2021, 3, 10))  # due 27 April
    paused = register(office, received=D(2021, 3, 1))
    services.start_consultation(office["clerk"], paused, kind="other_agency", party="县财政局", on=D(2021, 3, 2))
    waiting = register(office, received=D(2021, 3, 1))
    services.ask_clarification(office["clerk"], waiting, D(2021, 3, 2), "请写明时间范围", deadline=D(2021, 6, 30))
    cases = Application.objects.all()
    calendar = services.work_calendar()
    on = D(2021, 4, 1)
    assert list(queries.overdue(cases, on)) == [running]
    assert set(queries.due_soon(cases, D(2021, 3, 24), calendar)) == {running}
    assert set(queries.waiting_for_applicant(cases)) == {waiting}
    # The other agency stayed silent past its 15 working days (2–23 March): the paused case fell due 20 April.
    assert paused.pk in set(queries.overdue(cases, D(2021, 4, 21)).values_list("pk", flat=True))
    assert set(queries.overdue(cases, D(2021, 4, 28))) == {running, extended, paused}


def test_fees_per_request_count_the_applicants_month(office: dict[str, Any]) -> None:
    cases = [register(office, received=D(2021, 6, 1 + i // 4)) for i in range(11)]
    with pytest.raises(services.DeskError):  # the 10th is free
        services.issue_fee_notice(office["clerk"], cases[9], method="per_request", on=D(2021, 6, 4))
    eleventh = cases[10]
    assert services.nth_in_month(eleventh) == 11
    services.issue_fee_notice(office["clerk"], eleventh, method="per_request", on=D(2021, 6, 4))
    assert eleventh.fee_amount == 100 and eleventh.status == Status.FEE and eleventh.due_date is None
    with pytest.raises(services.DeskError):  # never both methods
        services.issue_fee_notice(office["clerk"], eleventh, method="per_page", pages=300, on=D(2021, 6, 4))
    assert eleventh.fee_deadline == D(2021, 7, 5)  # 20 working days (端午 14 June off)
    closed = services.close_for_unpaid_fee(office["clerk"], eleventh, D(2021, 7, 6))
    assert closed.outcome == "other_unpaid_fee" and closed.status == Status.CLOSED


def test_paid_fee_time_is_not_counted(office: dict[str, Any]) -> None:
    case = register(office, received=D(2021, 3, 1))
    services.issue_fee_notice(office["clerk"], case, method="per_page", pages=150, on=D(2021, 3, 8))
    assert case.fee_amount == 700 + 50 * 20
    services.record_payment(office["clerk"], case, D(2021, 3, 19))
    assert case.status == Status.REGISTERED and case.due_date == D(2021, 4, 12)


def test_answers_need_what_article_36_requires(office: dict[str, Any]) -> None:
    case = register(office)
    with pytest.raises(services.DeskError):
        services.answer(office["head"], case, outcome="denied_third_party", on=D(2020, 10, 20))
    with pytest.raises(services.DeskError):
        services.answer(office["head"], case, outcome="unavailable_unclear", on=D(2020, 10, 20))
    with pytest.raises(services.DeskError):
        services.answer(office["head"], case, outcome="other_unpaid_fee", on=D(2020, 10, 20))
    with pytest.raises(PermissionDenied):
        services.answer(office["cn_clerk"], case, outcome="granted", on=D(2020, 10, 20))
    services.answer(
        office["head"],
        case,
        outcome="partially_granted",
        on=D(2020, 10, 20),
        reply_text="涉及个人隐私的部分不予公开",
        legal_basis="《条例》第十五条",
    )
    assert case.status == Status.ANSWERED and case.decided_on == D(2020, 10, 20)
    services.close(office["clerk"], case, D(2020, 10, 21))
    assert case.status == Status.CLOSED
    actions = [e.action for e in history(case)]
    assert actions == ["desk.register", "desk.answer", "desk.close"]
    answered = history(case)[1]
    assert answered.before and answered.after
    assert (answered.before["status"], answered.after["status"]) == ("registered", "answered")


def test_the_applicant_may_withdraw_their_own(office: dict[str, Any]) -> None:
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2021, 5, 6),
        applicant=APPLICANT,
        description="某文件",
        applicant_user=office["alice"],
    )
    with pytest.raises(PermissionDenied):
        services.withdraw(office["bob"], case, D(2021, 5, 7))
    services.withdraw(office["alice"], case, D(2021, 5, 7))
    assert case.outcome == "other_other" and case.status == Status.CLOSED


def test_dates_in_the_future_are_refused(office: dict[str, Any]) -> None:
    with pytest.raises(services.DeskError):
        register(office, received=services.today() + dt.timedelta(days=3))


def test_the_case_list_pages_through_without_counting(office: dict[str, Any], client: Any) -> None:
    for day in range(1, 4):
        for _ in range(20):
            register(office, received=D(2021, 3, day))
    client.force_login(office["clerk"])
    rows = 'class="code" style="white-space:nowrap"><a href="/desk/'  # one per listed case
    first = client.get("/desk/?tab=all").content.decode()
    assert first.count(rows) == 50 and "下一页" in first and "上一页" not in first
    second = client.get("/desk/?tab=all&page=2").content.decode()
    assert second.count(rows) == 10 and "上一页" in second and "下一页" not in second
    assert client.get("/desk/?tab=all&page=x").content.decode().count(rows) == 50
