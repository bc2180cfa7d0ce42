"""Notifications from the desk's events, the periodic digest on the real 2020 calendar, quiet hours,
idempotence, and what staff e-mails may not carry. Jobs run in-process (no broker): the embedded default."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from django.core import mail
from django.test import Client, override_settings

from gongkai.platform.audit.services import history
from gongkai.platform.desk import services
from gongkai.platform.desk.models import OUTCOME_LABELS, Application, Status
from gongkai.platform.notifications import periodic
from gongkai.platform.notifications.models import Channel, Message
from gongkai.platform.notifications.models import Status as Sent
from gongkai.platform.notifications.services import deliver, deliver_waiting
from gongkai.platform.notifications.tasks import notify_event

from ..conftest import APPLICANT, PERSONAL_VALUES

SHANGHAI = ZoneInfo("Asia/Shanghai")
RECEIVED = dt.date(2020, 9, 8)  # 20 working days → Monday 12 October 2020 (National Day: 1–8 October off)
DUE = dt.date(2020, 10, 12)


def _register(office: dict[str, Any], capture: Callable[..., Any], email: str = "zhao@example.cn") -> Application:
    with capture(execute=True):
        return services.register(
            office["clerk"],
            office["hy"],
            channel="in_person",
            submitted_on=RECEIVED,
            applicant={**APPLICANT, "email": email},
            description="2020年海盐县低保资金发放情况",
        )


def test_clarification_reaches_the_applicant_with_its_deadline_once(
    office: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = _register(office, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.ask_clarification(office["clerk"], case, dt.date(2020, 9, 10), "请写明所需信息的年份和范围")
    case.refresh_from_db()
    assert case.clarification_deadline == dt.date(2020, 9, 24)  # 10 working days
    assert [m.subject for m in mail.outbox] == ["请补正政府信息公开申请"]
    sent = mail.outbox[0]
    assert sent.to == ["zhao@example.cn"] and "2020年9月24日" in sent.body and "请写明所需信息的年份和范围" in sent.body
    sms = Message.objects.get(channel=Channel.SMS, event="desk.ask_clarification")
    assert sms.recipient_address == APPLICANT["phone"] and "2020年9月24日" in sms.body
    # the case's history records each message (channel and recipient), not the address
    notes = [e.note for e in history(case) if e.action == "notify.sent"]
    assert any("电子邮件 → 申请人：请补正" in n for n in notes) and any("短信 → 申请人" in n for n in notes)
    assert not any(APPLICANT["phone"] in n or "zhao@" in n for n in notes)
    # the job again (a worker died after sending, the broker handed the job out again): nothing twice
    entry = next(e for e in history(case) if e.action == "desk.ask_clarification")
    before = Message.objects.count()
    assert notify_event(entry.pk) == 0
    assert len(mail.outbox) == 1 and Message.objects.count() == before


def test_staff_hear_of_a_new_online_application_without_the_applicants_personal_data(
    office: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    office["clerk"].email = "clerk@haiyan.gov.cn"
    office["clerk"].save()
    with django_capture_on_commit_callbacks(execute=True):
        case = services.submit_online(
            None,
            office["hy"],
            applicant={**APPLICANT, "email": "zhao@example.cn"},
            description="海盐县2020年财政预算执行情况",
        )
    to_staff = [m for m in mail.outbox if m.to == ["clerk@haiyan.gov.cn"]]
    assert len(to_staff) == 1 and case.tracking_code in to_staff[0].subject
    text = to_staff[0].subject + to_staff[0].body
    assert not any(value in text for value in (*PERSONAL_VALUES, APPLICANT["applicant_name"], "zhao@example.cn"))
    inbox = Message.objects.filter(recipient_user=office["head"], channel=Channel.INBOX)
    assert inbox.count() == 1 and not any(v in inbox[0].body for v in PERSONAL_VALUES)
    to_applicant = [m for m in mail.outbox if m.to == ["zhao@example.cn"]]
    assert [m.subject for m in to_applicant] == ["海盐县人民政府已收到您的政府信息公开申请"]


def test_the_digest_reaches_the_clerk_on_the_right_working_day_of_the_2020_calendar(
    office: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    # Independently of the platform: the case falls due on 12 October, 5 working days after Monday 28
    # September (30 September, 9, 10 (a make-up Saturday) and 12 October); the make-up Sunday 27
    # September is a working day too, but 5 working days from it end on 10 October.
    assert chinese_calendar.find_workday(20, RECEIVED) == DUE
    assert chinese_calendar.find_workday(5, dt.date(2020, 9, 28)) == DUE
    assert chinese_calendar.find_workday(5, dt.date(2020, 9, 27)) < DUE
    case = _register(office, django_capture_on_commit_callbacks)
    assert case.due_date == DUE

    def digest_on(day: dt.date) -> list[Message]:
        periodic.tick(dt.datetime(day.year, day.month, day.day, 8, 30, tzinfo=SHANGHAI))
        return list(
            Message.objects.filter(
                event="digest",
                recipient_user=office["clerk"],
                channel=Channel.INBOX,
                dedupe_key__startswith=f"digest:{day.isoformat()}:",
            )
        )

    assert digest_on(dt.date(2020, 9, 27)) == []  # a working day (make-up Sunday), but not due soon yet
    first = digest_on(dt.date(2020, 9, 28))
    assert len(first) == 1 and case.tracking_code in first[0].body and "即将到期 1 件" in first[0].subject
    assert "2020-10-12" in first[0].body and not any(v in first[0].body for v in PERSONAL_VALUES)
    assert digest_on(dt.date(2020, 10, 5)) == []  # National Day holiday: no digest at all
    overdue = digest_on(dt.date(2020, 10, 13))
    assert len(overdue) == 1 and "逾期 1 件" in overdue[0].subject
    # a second tick the same day sends nothing more
    periodic.tick(dt.datetime(2020, 10, 13, 9, 0, tzinfo=SHANGHAI))
    assert (
        Message.objects.filter(
            event="digest", recipient_user=office["clerk"], dedupe_key__startswith="digest:2020-10-13:"
        ).count()
        == 1
    )


def test_the_tick_closes_lapsed_clarifications_once(
    office: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = _register(office, django_capture_on_commit_callbacks)
    services.ask_clarification(office["clerk"], case, dt.date(2020, 9, 10), "请写明年份")
    late = dt.datetime(2020, 9, 25, 8, 30, tzinfo=SHANGHAI)  # the deadline was 24 September
    assert "closed 1" in periodic.tick(late)
    case.refresh_from_db()
    assert (case.status, case.outcome) == (Status.CLOSED, "other_no_correction")
    assert "closed 0" in periodic.tick(late)


@override_settings(SMS_QUIET_HOURS="22-8")
def test_sms_waits_for_the_end_of_quiet_hours(
    office: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = _register(office, django_capture_on_commit_callbacks)
    message = Message.objects.create(
        dedupe_key="t:sms",
        event="test",
        channel=Channel.SMS,
        recipient_label="申请人",
        recipient_address=APPLICANT["phone"],
        subject="s",
        body="b",
        case=case,
    )
    night = dt.datetime(2020, 9, 28, 23, 0, tzinfo=SHANGHAI)
    assert deliver(message, night) == Sent.HELD
    message.refresh_from_db()
    assert message.not_before == dt.datetime(2020, 9, 29, 8, 0, tzinfo=SHANGHAI)
    assert deliver_waiting(dt.datetime(2020, 9, 29, 7, 59, tzinfo=SHANGHAI)) == 0
    assert deliver_waiting(dt.datetime(2020, 9, 29, 8, 1, tzinfo=SHANGHAI)) == 1
    message.refresh_from_db()
    assert message.status == Sent.SENT


def test_annual_report_deadline_by_kind_of_agency(office: dict[str, Any]) -> None:
    """第四十九条: departments by 31 January, governments by 31 March; 15 and 5 days before."""
    fgj_clerk = office["clerk"].__class__.objects.create(username="fgj", role="clerk", agency=office["fgj"])
    drafts = periodic.annual_drafts(dt.date(2021, 1, 20))  # 11 days before 31 January
    assert {d.recipient_user for d in drafts} == {fgj_clerk}
    assert "1月31日" in drafts[0].subject and ":15:" in drafts[0].key
    drafts = periodic.annual_drafts(dt.date(2021, 3, 28))
    assert {d.recipient_user for d in drafts} >= {office["clerk"], office["head"]}
    assert all(":5:" in d.key and "3月31日" in d.subject for d in drafts)
    assert periodic.annual_drafts(dt.date(2021, 2, 20)) == []


def test_inbox_unread_count_and_the_outbox_for_administrators(
    office: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    alice = office["alice"]
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_online(alice, office["hy"], applicant={"email": "alice@example.cn"}, description="某事项")
    client = Client()
    client.force_login(alice)
    page = client.get("/").content.decode()
    assert re.search(r'id="menu-messages">消息<span class="badge overdue">1</span>', page)
    assert "已收到您的政府信息公开申请" in client.get("/messages/").content.decode()
    ids = list(Message.objects.filter(recipient_user=alice).values_list("pk", flat=True))
    client.post("/messages/read/", {"id": ids})
    assert 'id="menu-messages">消息</a>' in client.get("/").content.decode()
    assert client.get("/messages/outbox/").status_code == 403
    admin = Client()
    admin.force_login(office["admin"])
    outbox = admin.get("/messages/outbox/?channel=email").content.decode()
    assert "已收到您的政府信息公开申请" in outbox and "a***@example.cn" in outbox and "alice@example.cn" not in outbox


@pytest.mark.django_db
def test_the_api_docs_page_loads_nothing_from_another_host() -> None:
    page = Client().get("/api/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets), assets
    assert all(a.startswith("/") and not a.startswith("//") for a in assets), assets
    assert "cdn" not in page.lower()


def test_the_answer_mails_the_letter_and_an_appeal_is_confirmed_to_the_applicant(
    office: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    from gongkai.platform.appeals.services import file_appeal

    case = _register(office, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer(
            office["head"], case, outcome="granted", on=dt.date(2020, 9, 15), reply_text="所申请信息见附件。"
        )
    [answer] = mail.outbox
    assert answer.subject == "政府信息公开申请答复" and "予以公开" in answer.body
    assert f"/letters/track/{case.tracking_code}.pdf" in answer.body
    [(name, content, kind)] = answer.attachments  # the letter itself: PDF, or DOCX without LibreOffice
    assert name.startswith(f"答复告知书-{case.tracking_code}.")
    assert (content[:4], kind) in (
        (b"%PDF", "application/pdf"),
        (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ), (content[:8], kind)
    with django_capture_on_commit_callbacks(execute=True):
        file_appeal(office["clerk"], case, kind="review", filed_on=dt.date(2020, 10, 20), body="申请人不服答复")
    assert mail.outbox[-1].subject == "行政复议已记录" and mail.outbox[-1].to == ["zhao@example.cn"]


def test_a_failing_notification_job_never_fails_the_step_that_caused_it(
    office: dict[str, Any],
    django_capture_on_commit_callbacks: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from gongkai.platform.notifications import events

    def broken(entry: Any) -> list[Any]:
        raise RuntimeError("template error")

    monkeypatch.setitem(events.EVENTS, "desk.register", broken)
    case = _register(office, django_capture_on_commit_callbacks)
    assert case.status == Status.REGISTERED and Message.objects.count() == 0
    assert "template error" in caplog.text


def test_a_message_whose_worker_died_mid_send_is_marked_for_checking_not_resent(office: dict[str, Any]) -> None:
    from django.utils import timezone

    from gongkai.platform.notifications.services import sweep_stale

    now = timezone.now()
    message = Message.objects.create(
        dedupe_key="t:stale",
        event="test",
        channel=Channel.EMAIL,
        subject="s",
        body="b",
        recipient_label="申请人",
        recipient_address="zhao@example.cn",
        status=Sent.SENDING,
        claimed_at=now - dt.timedelta(minutes=20),
    )
    fresh = Message.objects.create(
        dedupe_key="t:fresh",
        event="test",
        channel=Channel.EMAIL,
        subject="s",
        body="b",
        recipient_label="申请人",
        recipient_address="zhao@example.cn",
        status=Sent.SENDING,
        claimed_at=now - dt.timedelta(minutes=1),
    )
    assert sweep_stale(now) == 1
    message.refresh_from_db()
    fresh.refresh_from_db()
    assert (message.status, fresh.status) == (Sent.UNCONFIRMED, Sent.SENDING)
    assert deliver(message, now) == Sent.UNCONFIRMED and deliver_waiting(now) == 0 and mail.outbox == []


def test_the_approval_chain_tells_the_head_and_then_the_clerk_without_the_applicants_data(
    office: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    from gongkai.platform.desk import approval

    clerk, head = office["clerk"], office["head"]
    for user, address in ((clerk, "clerk@haiyan.gov.cn"), (head, "head@haiyan.gov.cn")):
        user.email = address
        user.save()
    office["qs_clerk"].email = "qs@example.gov.cn"
    office["qs_clerk"].save()
    with django_capture_on_commit_callbacks(execute=True):
        case = services.register(
            clerk,
            office["hy"],
            channel="in_person",
            submitted_on=RECEIVED,
            applicant={**APPLICANT, "email": "zhao@example.cn"},
            description="赵六家的拆迁补偿协议",  # the request's text names the applicant
        )
    private = (*PERSONAL_VALUES, APPLICANT["applicant_name"], "zhao@example.cn", "拆迁补偿协议")

    def staff_mail(address: str) -> list[Any]:
        return [m for m in mail.outbox if m.to == [address]]

    def inbox(user: Any) -> list[Message]:
        return list(Message.objects.filter(recipient_user=user, channel=Channel.INBOX).order_by("id"))

    mail.outbox.clear()
    Message.objects.all().delete()
    # 拟办: the clerk asks for an extension, with a reason that quotes the applicant
    with django_capture_on_commit_callbacks(execute=True):
        wanted = approval.request_extension(clerk, case, days=10, reason="赵六所要的协议在档案馆，需调取")
    to_head = staff_mail("head@haiyan.gov.cn")
    assert [m.subject for m in to_head] == [f"待审核：延长答复期限 {case.tracking_code}"]
    assert "拟延长 10 个工作日" in to_head[0].body and "2020年10月12日" in to_head[0].body
    assert [m.subject for m in inbox(head)] == [to_head[0].subject] and inbox(clerk) == []
    assert staff_mail("clerk@haiyan.gov.cn") == [] and staff_mail("qs@example.gov.cn") == []  # not another office's
    # 退回 with a comment (free text, here quoting the applicant): the clerk hears where to read it
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approval.return_to_clerk(head, wanted, comment="请写明赵六申请的协议编号")
    (returned,) = staff_mail("clerk@haiyan.gov.cn")
    assert returned.subject == f"已退回：延长答复期限 {case.tracking_code}"
    assert "审核意见请在案件页查看" in returned.body and "协议编号" not in returned.body
    assert inbox(clerk)[-1].link.endswith(f"/desk/{case.pk}/") and "协议编号" not in inbox(clerk)[-1].body
    assert staff_mail("head@haiyan.gov.cn") == []  # the head who decided hears nothing of it
    # drafted again and signed: the clerk hears the new due date, the applicant the extension
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = approval.request_extension(clerk, case, days=10, reason="需调取档案馆所存协议")
    with django_capture_on_commit_callbacks(execute=True):
        approval.sign(head, again, on=dt.date(2020, 9, 15))
    extended = chinese_calendar.find_workday(10, DUE)  # 10 working days past 12 October 2020
    (signed,) = staff_mail("clerk@haiyan.gov.cn")
    assert signed.subject == f"已签发：延长答复期限 {case.tracking_code}"
    assert f"{extended:%Y年%-m月%-d日}" in signed.body
    assert [m.subject for m in staff_mail("zhao@example.cn")] == ["答复期限延长告知"]
    # an answer drafted and signed: the head is asked, the clerk told
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        draft = approval.draft_answer(clerk, case, outcome="granted", reply_text="协议见附件")
    assert [m.subject for m in staff_mail("head@haiyan.gov.cn")] == [f"待审核：答复 {case.tracking_code}"]
    assert f"拟办结果：{OUTCOME_LABELS['granted']}" in staff_mail("head@haiyan.gov.cn")[0].body
    with django_capture_on_commit_callbacks(execute=True):
        approval.sign(head, draft, on=dt.date(2020, 9, 16))
    assert [m.subject for m in staff_mail("clerk@haiyan.gov.cn")] == [f"已签发：答复 {case.tracking_code}"]
    # nothing to staff carries the applicant's data or the request's text (neither inbox nor e-mail)
    staff_messages = Message.objects.exclude(recipient_label="申请人")
    assert staff_messages.count() == 12  # 3 to the head (extension twice, answer), 3 to the clerk; inbox + e-mail
    for message in staff_messages:
        assert not any(value in message.subject + message.body for value in private), message.body
    # the job again: nothing twice
    sign_entry = next(e for e in reversed(history(case)) if e.action == "desk.sign")
    before = len(mail.outbox)
    assert notify_event(sign_entry.pk) == 0 and len(mail.outbox) == before
