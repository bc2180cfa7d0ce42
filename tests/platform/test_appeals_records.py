"""Issue 12 D2 and D5: appeals that cannot be wrong in table 四 (dated after their decision, one
案号 once, corrected or withdrawn with the audit trail) and an audit trail in Chinese words."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.annual.compile import compile_report
from gongkai.platform.appeals.models import Appeal
from gongkai.platform.appeals.services import correct_appeal, file_appeal, withdraw_appeal
from gongkai.platform.desk import approval, services
from gongkai.platform.desk.models import Application
from gongkai.platform.desk.receipt import Channel

from .conftest import APPLICANT

pytestmark = pytest.mark.django_db
D = dt.date


def login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def answered(office: dict[str, Any]) -> Application:
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2021, 3, 1),
        applicant=APPLICANT,
        description="某文件",
    )
    return services.answer(
        office["head"], case, outcome="denied_process_info", on=D(2021, 3, 10), reply_text="属于过程性信息"
    )


def reviews_in_table_four(office: dict[str, Any]) -> int:
    return sum(compile_report(office["hy"], 2021).report.appeals["review"].values()) // 2  # fields + 总计


def test_an_appeal_before_its_decision_or_a_second_time_is_refused(office: dict[str, Any]) -> None:
    case = answered(office)
    with pytest.raises(services.DeskError, match="早于所针对的答复"):
        file_appeal(
            office["clerk"],
            case,
            kind="review",
            filed_on=D(2021, 3, 1),
            body="嘉兴市人民政府",
            case_number="嘉政复〔2021〕12号",
        )
    file_appeal(
        office["clerk"],
        case,
        kind="review",
        filed_on=D(2021, 4, 1),
        body="嘉兴市人民政府",
        case_number="嘉政复〔2021〕12号",
    )
    with pytest.raises(services.DeskError, match="已登记"):  # the same number typed with other brackets
        file_appeal(
            office["clerk"],
            case,
            kind="review",
            filed_on=D(2021, 4, 20),
            body="嘉兴市人民政府",
            case_number="嘉政复[2021] 12号",
        )
    assert Appeal.objects.count() == 1
    page = login(office["clerk"]).post(
        f"/appeals/new/{case.pk}/",
        {"kind": "review", "body": "嘉兴市人民政府", "case_number": "嘉政复（2021）12号", "filed_on": "2021-04-21"},
    )
    assert "请勿重复登记" in page.content.decode() and "is already recorded" not in page.content.decode()


def test_a_wrong_appeal_is_corrected_or_withdrawn_with_its_trail(office: dict[str, Any]) -> None:
    case = answered(office)
    appeal = file_appeal(
        office["clerk"],
        case,
        kind="review",
        filed_on=D(2021, 4, 1),
        body="海盐县人民法院",
        case_number="嘉政复〔2021〕12号",
    )
    twice = file_appeal(office["clerk"], case, kind="review", filed_on=D(2021, 4, 2), body="嘉兴市人民政府")
    assert reviews_in_table_four(office) == 2
    clerk = login(office["clerk"])
    clerk.post(f"/appeals/{twice.pk}/edit/", {"step": "withdraw", "reason": "重复登记"})
    assert reviews_in_table_four(office) == 1  # withdrawn: kept, not counted
    assert Appeal.objects.get(pk=twice.pk).withdrawn_on is not None
    clerk.post(
        f"/appeals/{appeal.pk}/edit/",
        {
            "step": "correct",
            "kind": "review",
            "body": "嘉兴市人民政府",
            "case_number": "嘉政复〔2021〕12号",
            "filed_on": "2021-04-01",
            "reason": "复议机关登记有误",
        },
    )
    assert Appeal.objects.get(pk=appeal.pk).body == "嘉兴市人民政府"
    trail = clerk.get(f"/appeals/{appeal.pk}/edit/").content.decode()
    assert "更正复议诉讼登记" in trail and "复议机关登记有误" in trail
    assert "复议机关或人民法院：海盐县人民法院 改为 嘉兴市人民政府" in trail
    with pytest.raises(services.DeskError, match="更正原因"):
        correct_appeal(office["clerk"], appeal, reason=" ", kind="review", filed_on=D(2021, 4, 1), body="x")
    with pytest.raises(services.DeskError):
        withdraw_appeal(office["clerk"], Appeal.objects.get(pk=twice.pk), reason="再次")
    listed = clerk.get("/appeals/").content.decode()
    pending = re.search(r'<select id="result-\d+" name="result" required>(.*?)</select>', listed, re.S)
    assert pending is not None and pending.group(1).startswith('<option value="">请选择结果</option>')
    assert "selected" not in pending.group(1)


def test_the_case_history_and_the_audit_page_speak_chinese(office: dict[str, Any]) -> None:
    case = services.submit_online(None, office["hy"], applicant=APPLICANT, description="某文件")
    services.confirm_receipt(office["clerk"], case, services.today())
    clerk = login(office["clerk"])
    for url in (f"/desk/{case.pk}/", "/audit/"):
        page = re.sub(r"<style.*?</style>|<[^>]+>", "", clerk.get(url).content.decode(), flags=re.S)  # what is read
        assert "在线提交申请" in page and "确认收到申请" in page
        assert "状态：待确认收到 改为 办理中" in page
        for code in ("desk.submit", "desk.confirm_receipt", "awaiting_receipt", "status:", "receipt_date", "→"):
            assert code not in page, (url, code)


def test_error_pages_speak_chinese(office: dict[str, Any]) -> None:
    clerk = login(office["clerk"])
    missing = clerk.get("/desk/999999/")
    assert missing.status_code == 404 and "页面不存在" in missing.content.decode()
    assert "Not Found" not in missing.content.decode()
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2021, 3, 1),
        applicant=APPLICANT,
        description="某文件",
    )
    # A clerk's own extension is refused by the service with the way through the chain, on the case page.
    asked = clerk.post(f"/desk/{case.pk}/extend/", {"days": 5, "reason": "多", "on": "2021-03-10"}, follow=True)
    assert "须由公开办负责人签发" in asked.content.decode() and "申请延长答复期限" in asked.content.decode()
    # Signing is the head's: the clerk who tries gets the 403 page, in Chinese.
    draft = approval.request_extension(office["clerk"], case, days=5, reason="信息量大")
    refused = clerk.post(f"/desk/{case.pk}/sign/", {"approval": draft.pk, "on": "2021-03-10", "comment": ""})
    text = refused.content.decode()
    assert refused.status_code == 403 and "无权进行此操作" in text and "负责人" in text and "Forbidden" not in text
