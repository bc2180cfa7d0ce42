"""拟办 → 审核 → 签发 (issue 12): the clerk proposes, the head signs or returns, each step audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.accounts.permissions import PermissionDenied
from gongkai.platform.audit.services import history
from gongkai.platform.desk import approval, services
from gongkai.platform.desk.models import Approval, ApprovalStatus, Status
from gongkai.platform.desk.receipt import Channel
from gongkai.platform.errors import RuleError
from gongkai.platform.letters.models import IssuedLetter

from .conftest import APPLICANT

pytestmark = pytest.mark.django_db


def login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def registered(office: dict[str, Any]) -> Any:
    return services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=services.today(),
        applicant=APPLICANT,
        description="某征收项目的补偿方案",
    )


def test_the_clerk_drafts_the_head_returns_then_signs(office: dict[str, Any]) -> None:
    case = registered(office)
    clerk, head = login(office["clerk"]), login(office["head"])
    page = clerk.get(f"/desk/{case.pk}/").content.decode()
    assert 'id="action-draft"' in page and 'id="action-answer"' not in page
    clerk.post(
        f"/desk/{case.pk}/draft/",
        {
            "outcome": "partially_granted",
            "reply_text": "补偿方案正文见附件",
            "withheld_reason": "附件中的身份信息属于个人隐私",
        },
    )
    draft = Approval.objects.get()
    assert draft.status == ApprovalStatus.PENDING and case.approvals.count() == 1
    case.refresh_from_db()
    assert case.status == Status.REGISTERED and not case.outcome  # nothing answered yet
    assert 'id="action-draft"' not in clerk.get(f"/desk/{case.pk}/").content.decode()  # one pending at a time
    with pytest.raises(PermissionDenied):
        approval.sign(office["clerk"], draft, on=services.today())
    head_page = head.get(f"/desk/{case.pk}/").content.decode()
    assert f'id="sign-{draft.pk}"' in head_page and "补偿方案正文见附件" in head_page
    head.post(f"/desk/{case.pk}/return/", {"approval": draft.pk, "comment": "请写明法律依据"})
    draft.refresh_from_db()
    assert draft.status == ApprovalStatus.RETURNED and draft.comment == "请写明法律依据"
    assert "请写明法律依据" in clerk.get(f"/desk/{case.pk}/").content.decode()
    clerk.post(
        f"/desk/{case.pk}/draft/",
        {
            "outcome": "partially_granted",
            "reply_text": "补偿方案正文见附件",
            "withheld_reason": "附件中的身份信息属于个人隐私",
            "legal_basis": "《中华人民共和国政府信息公开条例》第十五条",
        },
    )
    second = Approval.objects.get(status=ApprovalStatus.PENDING)
    head.post(f"/desk/{case.pk}/sign/", {"approval": second.pk, "on": services.today().isoformat(), "comment": "同意"})
    case.refresh_from_db()
    second.refresh_from_db()
    assert case.status == Status.ANSWERED and case.outcome == "partially_granted" and "第十五条" in case.legal_basis
    assert second.status == ApprovalStatus.SIGNED and second.decided_by == office["head"]
    assert IssuedLetter.objects.filter(application=case).exists()  # the signed answer's letter, issued
    actions = [e.action for e in history(case)]
    assert actions[-5:] == ["desk.draft_answer", "desk.return", "desk.draft_answer", "desk.answer", "desk.sign"]
    trail = clerk.get(f"/desk/{case.pk}/").content.decode()
    assert "拟办答复，提交负责人审核" in trail and "负责人退回拟办" in trail and "负责人签发" in trail


def test_the_clerk_requests_an_extension_the_head_approves(office: dict[str, Any]) -> None:
    case = registered(office)
    clerk = login(office["clerk"])
    clerk.post(f"/desk/{case.pk}/request_extension/", {"days": 10, "reason": "需调取归档案卷"})
    request = Approval.objects.get(kind="extension")
    case.refresh_from_db()
    assert case.extension_days == 0
    with pytest.raises(services.DeskError, match="审核意见"):
        approval.return_to_clerk(office["head"], request, comment=" ")
    approval.sign(office["head"], request, on=services.today())
    case.refresh_from_db()
    assert case.extension_days == 10 and case.extension_approved_by == office["head"]
    assert case.extension_reason == "需调取归档案卷"
    assert 'id="action-request_extension"' not in clerk.get(f"/desk/{case.pk}/").content.decode()
    with pytest.raises(services.DeskConflict):
        approval.sign(office["head"], request, on=dt.date.today())


def test_a_clerk_cannot_answer_past_the_chain_through_the_service_or_the_api(office: dict[str, Any]) -> None:
    """The one door: services.answer itself refuses a clerk, so no page, API call or import skips 签发."""
    case = registered(office)
    with pytest.raises(services.ApprovalRequired) as refused:
        services.answer(office["clerk"], case, outcome="granted", on=services.today(), reply_text="见附件")
    assert isinstance(refused.value, RuleError)
    message = str(refused.value)
    assert "须由公开办负责人签发" in message and "拟办答复" in message and "signed by the head" in message
    case.refresh_from_db()
    assert case.status == Status.REGISTERED and not history(case).filter(action="desk.answer").exists()

    api = login(office["clerk"]).post(
        f"/api/cases/{case.pk}/answer",
        {"on": services.today().isoformat(), "outcome": "granted", "reply_text": "见附件"},
        content_type="application/json",
    )
    assert api.status_code == 403
    assert api.json() == {"detail": message, "code": "approval_required"}
    case.refresh_from_db()
    assert case.status == Status.REGISTERED and not IssuedLetter.objects.filter(application=case).exists()
    # The head may sign an answer of their own (签发 is theirs); another office's clerk is not even asked.
    with pytest.raises(PermissionDenied):
        services.answer(office["cn_clerk"], case, outcome="granted", on=services.today(), reply_text="见附件")
    services.answer(office["head"], case, outcome="granted", on=services.today(), reply_text="见附件")
    assert case.status == Status.ANSWERED


def test_the_heads_list_has_the_drafts_waiting_for_them(office: dict[str, Any]) -> None:
    waiting, other = registered(office), registered(office)
    approval.draft_answer(office["clerk"], waiting, outcome="granted", reply_text="见附件")
    approval.request_extension(office["clerk"], waiting, days=10, reason="信息量大")  # two proposals, one case
    head = login(office["head"])
    page = head.get("/desk/").content.decode()
    assert "待审核签发（1）" in page
    listed = head.get("/desk/?tab=approval").content.decode()
    assert waiting.tracking_code in listed and other.tracking_code not in listed
    api = head.get("/api/cases/?tab=approval").json()
    assert [c["id"] for c in api] == [waiting.pk]
