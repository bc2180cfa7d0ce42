"""The pages of the platform, driven as a browser would (forms posted, redirects followed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.appeals.models import Appeal
from gongkai.platform.desk.models import Application, Status
from gongkai.platform.letters.models import LetterTemplate
from gongkai.platform.workdays.calendar import WorkCalendar

from .conftest import APPLICANT, PERSONAL_VALUES

pytestmark = pytest.mark.django_db


def login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_apply_track_register_and_answer_through_the_pages(office: dict[str, Any]) -> None:
    public = Client()
    form = public.get(f"/apply/?agency={office['hy'].pk}").content.decode()
    assert "所需政府信息的名称、文号或者便于查询的其他特征性描述" in form
    done = public.post(
        "/apply/",
        {**APPLICANT, "agency": office["hy"].pk, "description": "某地块出让合同", "form_wanted": "电子邮件"},
        follow=True,
    ).content.decode()
    case = Application.objects.get()
    assert case.tracking_code in done
    tracked = public.get(f"/track/?code={case.tracking_code.lower()}").content.decode()
    assert "待确认收到" in tracked and not any(value in tracked for value in PERSONAL_VALUES)
    clerk = login(office["clerk"])
    today = dt.date.today().isoformat()
    clerk.post(f"/desk/{case.pk}/confirm/", {"on": today})
    case.refresh_from_db()
    assert case.receipt_date is not None and case.due_date is not None and case.status == Status.REGISTERED
    registered = clerk.post(
        "/desk/new/",
        {
            **APPLICANT,
            "channel": "registered_post",
            "submitted_on": "2020-09-28",
            "signed_on": "2020-09-30",
            "description": "邮寄的申请",
            "form_wanted": "纸质",
        },
    )
    assert registered.status_code == 302
    posted = Application.objects.get(description="邮寄的申请")
    assert posted.receipt_date == dt.date(2020, 9, 30) and posted.due_date == dt.date(2020, 11, 4)
    page = clerk.get(f"/desk/{posted.pk}/").content.decode()
    assert "2020年11月4日" in page and "国庆节" in page and "办理记录" in page
    assert all(value in page for value in PERSONAL_VALUES)  # the handling office sees them
    refused = clerk.post(f"/desk/{posted.pk}/extend/", {"days": 20, "reason": "多", "on": "2020-10-30"}, follow=True)
    assert "须由公开办负责人签发" in refused.content.decode()
    login(office["head"]).post(f"/desk/{posted.pk}/extend/", {"days": 20, "reason": "档案多", "on": "2020-10-30"})
    posted.refresh_from_db()
    assert posted.due_date == dt.date(2020, 12, 2)
    answer = {"outcome": "granted", "on": "2020-11-20", "reply_text": "见附件"}
    alone = clerk.post(f"/desk/{posted.pk}/answer/", answer, follow=True).content.decode()
    assert "须由公开办负责人签发" in alone and "拟办答复" in alone  # the clerk drafts, the head signs
    posted.refresh_from_db()
    assert posted.status == Status.REGISTERED
    clerk.post(f"/desk/{posted.pk}/draft/", answer)
    [draft] = posted.approvals.all()
    head = login(office["head"])
    follow = head.post(f"/desk/{posted.pk}/sign/", {"approval": draft.pk, "on": "2020-11-20"}, follow=True)
    assert "已签发" in follow.content.decode() and "已答复" in follow.content.decode()
    tracked = public.get(f"/track/?code={posted.tracking_code}").content.decode()
    assert "予以公开" in tracked and not any(value in tracked for value in PERSONAL_VALUES)


def test_appeals_pages(office: dict[str, Any]) -> None:
    from gongkai.platform.desk import services

    case = services.register(
        office["clerk"],
        office["hy"],
        channel="in_person",
        submitted_on=dt.date(2021, 3, 1),
        applicant=APPLICANT,
        description="某文件",
    )
    services.answer(office["head"], case, outcome="denied_process_info", on=dt.date(2021, 3, 10), reply_text="过程性")
    clerk = login(office["clerk"])
    clerk.post(f"/appeals/new/{case.pk}/", {"kind": "review", "body": "嘉兴市人民政府", "filed_on": "2021-04-01"})
    appeal = Appeal.objects.get()
    assert appeal.group == "review" and appeal.result == "pending"
    clerk.post(f"/appeals/{appeal.pk}/result/", {"result": "corrected", "decided_on": "2021-06-01"})
    appeal.refresh_from_db()
    assert appeal.result == "corrected"
    assert login(office["cn_clerk"]).get(f"/appeals/new/{case.pk}/").status_code == 404
    assert "嘉兴市人民政府" not in login(office["cn_clerk"]).get("/appeals/").content.decode()


def test_annual_narrative_letter_templates_and_calendar_pages(office: dict[str, Any]) -> None:
    clerk = login(office["clerk"])
    clerk.post(f"/annual/{office['hy'].pk}/2021/save/", {"section-一": "本年度总体情况……", "section-五": "问题"})
    page = clerk.get(f"/annual/{office['hy'].pk}/2021/").content.decode()
    assert "本年度总体情况……" in page and "勾稽关系校验通过" in page
    head = login(office["head"])
    assert head.get("/letters/templates/?outcome=granted").status_code == 200
    head.post("/letters/templates/", {"outcome": "granted", "title": "答复书", "body": "【申请人】：予以公开。"})
    assert LetterTemplate.objects.get(agency=office["hy"], outcome="granted").title == "答复书"
    assert clerk.get("/letters/templates/").status_code == 403
    admin = login(office["admin"])
    assert admin.get("/workdays/").status_code == 200
    saved = admin.post(
        "/workdays/",
        {
            "year": 2027,
            "document": "国办发明电〔2026〕1号",
            "holidays": "2027-01-01 元旦\n2027-10-01..2027-10-07 国庆节",
            "workdays": "2027-09-26 国庆节",
        },
    )
    assert saved.status_code == 302
    calendar = WorkCalendar.from_database()
    assert not calendar.is_workday(dt.date(2027, 10, 4)) and calendar.is_workday(dt.date(2027, 9, 26))
    assert calendar.warning() is None  # 2027 is known now
    assert clerk.get("/workdays/").status_code == 403


def test_the_audit_trail_page_is_scoped(office: dict[str, Any]) -> None:
    from gongkai.platform.desk import services

    services.register(
        office["clerk"],
        office["hy"],
        channel="in_person",
        submitted_on=dt.date(2021, 3, 1),
        applicant=APPLICANT,
        description="县里的申请",
    )
    services.register(
        office["cn_clerk"],
        office["cn"],
        channel="in_person",
        submitted_on=dt.date(2021, 3, 1),
        applicant=APPLICANT,
        description="苍南的申请",
    )
    county = login(office["clerk"]).get("/audit/?action=desk.").content.decode()
    assert "县里的申请" in county and "苍南的申请" not in county and "desk.register" in county
    assert "苍南的申请" in login(office["wz_supervisor"]).get("/audit/").content.decode()
    assert login(office["alice"]).get("/audit/").status_code == 403
    assert Client().get("/audit/").status_code == 302


def test_an_applicant_with_an_account_applies_and_follows_their_case(office: dict[str, Any]) -> None:
    alice = login(office["alice"])
    form = alice.get("/apply/").content.decode()
    assert "李明" in form  # filled in from the account
    alice.post(
        "/apply/",
        {
            "agency": office["hy"].pk,
            "applicant_type": "natural_person",
            "applicant_name": "李明",
            "phone": "13900001111",
            "id_number": "330424198001011111",
            "description": "我申请的文件",
            "form_wanted": "电子邮件",
        },
    )
    case = Application.objects.get(description="我申请的文件")
    assert case.applicant_user == office["alice"] and case.id_number == "330424198001011111"
    assert case.tracking_code in alice.get("/desk/mine/").content.decode()
    own = alice.get(f"/desk/{case.pk}/").content.decode()
    assert "330424198001011111" in own and "办理记录" not in own  # their data, not the office's trail
    assert login(office["bob"]).get(f"/desk/{case.pk}/").status_code == 404
    signup = Client().post(
        "/accounts/signup/",
        {
            "username": "carol",
            "password": "a-long-password",
            "display_name": "某律师事务所",
            "applicant_type": "legal_services",
        },
    )
    assert signup.status_code == 302
