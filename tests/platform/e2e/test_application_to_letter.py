"""From the public form (no account) to the reply letter, in a real browser."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from gongkai.platform.audit.models import AuditEntry
from gongkai.platform.desk.models import Application, Status

from ..conftest import APPLICANT, PERSONAL_VALUES
from .conftest import fill_form

pytestmark = pytest.mark.browser


def _docx_text(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def _pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True, timeout=60)
    return done.stdout.decode()


def _download(page: Any, link: Any) -> bytes:
    with page.expect_download() as info:
        link.click()
    path = info.value.path()
    with open(path, "rb") as handle:
        return handle.read()


def test_public_application_to_the_reply_letter(
    office: dict[str, Any], open_page: Callable[[], Any], login: Callable[[str], Any]
) -> None:
    county = office["hy"]
    # -- the applicant, no account: the public form -------------------------------------------------
    applicant = open_page()
    applicant.goto("/")
    applicant.get_by_role("link", name="在线申请").first.click()
    fill_form(
        applicant,
        "form.card",
        {
            "agency": str(county.pk),
            "applicant_type": APPLICANT["applicant_type"],
            "applicant_name": APPLICANT["applicant_name"],
            "id_number": APPLICANT["id_number"],
            "phone": APPLICANT["phone"],
            "address": APPLICANT["address"],
            "email": "zhao@example.cn",
            "description": "海盐县2024年城乡居民最低生活保障资金发放情况",
            "form_wanted": "电子邮件",
        },
    )
    code = applicant.locator("#tracking-code").inner_text().strip()
    assert len(code) == 14, applicant.inner_text("main")
    case = Application.objects.get(tracking_code=code)
    assert (case.agency_id, case.applicant_user_id, case.status) == (county.pk, None, Status.AWAITING_RECEIPT)
    assert case.id_number == APPLICANT["id_number"]  # kept for the office …
    with applicant.expect_navigation():
        applicant.get_by_role("link", name="查看进度").click()
    status_page = applicant.inner_text("main")
    assert "待确认收到" in status_page and "尚未起算" in status_page
    assert not any(value in applicant.content() for value in PERSONAL_VALUES)  # … never shown publicly

    # -- the clerk: finds it in the open list, sees the personal data, confirms, answers -------------
    clerk = login("hy_clerk")
    clerk.goto("/desk/")
    with clerk.expect_navigation():
        clerk.get_by_role("link", name=code).click()
    detail = clerk.inner_text("main")
    assert APPLICANT["id_number"] in detail and APPLICANT["phone"] in detail and APPLICANT["address"] in detail
    fill_form(clerk, "#action-confirm", {})  # the date defaults to today
    assert "已确认收到申请" in clerk.inner_text(".messages")
    assert "答复期限：" in clerk.inner_text("main") and "收到申请：" in clerk.inner_text("ol.steps")
    case.refresh_from_db()
    assert case.status == Status.REGISTERED and case.due_date is not None
    # 拟办 → 审核 → 签发: the clerk drafts, the head returns it once, the clerk drafts again, the head signs.
    assert clerk.locator("#action-answer").count() == 0
    fill_form(clerk, "#action-draft", {"outcome": "granted", "reply_text": "所申请信息见附件。"})
    assert "已提交负责人审核" in clerk.inner_text(".messages")
    head = login("hy_head")
    head.goto(f"/desk/{case.pk}/")
    assert "所申请信息见附件。" in head.inner_text("#approvals")
    fill_form(head, "#approvals form[id^=return-]", {"comment": "请写明附件名称和发送方式"})
    assert "已退回经办人" in head.inner_text(".messages")
    clerk.goto(f"/desk/{case.pk}/")
    assert "请写明附件名称和发送方式" in clerk.inner_text("#approvals")
    fill_form(
        clerk,
        "#action-draft",
        {
            "outcome": "granted",
            "reply_text": "所申请信息见附件《海盐县2024年低保资金发放情况表》，已通过电子邮件发送。",
        },
    )
    head.goto(f"/desk/{case.pk}/")
    fill_form(head, "#approvals form[id^=sign-]", {"comment": "同意"})
    assert "已签发" in head.inner_text(".messages")
    clerk.goto(f"/desk/{case.pk}/")
    case.refresh_from_db()
    assert (case.status, case.outcome) == (Status.ANSWERED, "granted")
    assert "予以公开" in clerk.inner_text("main")

    docx = _docx_text(_download(clerk, clerk.get_by_role("link", name="答复告知书（DOCX）")))
    assert "政府信息公开申请答复告知书" in docx and APPLICANT["applicant_name"] in docx
    assert "予以公开" in docx and "低保资金发放情况表" in docx  # the outcome and the reply (第三十六条)
    assert "行政复议" in docx and "行政诉讼" in docx and "0573-86123456" in docx  # remedies, the office's contact
    assert not any(value in docx for value in PERSONAL_VALUES)
    pdf_bytes = _download(clerk, clerk.get_by_role("link", name="PDF", exact=True))
    assert pdf_bytes.startswith(b"%PDF")
    pdf = _pdf_text(pdf_bytes)
    assert "答复告知书" in pdf and code in pdf

    # The case's own entries, not those of a user (a login) whose pk happens to be the same.
    entries = AuditEntry.objects.filter(object_type=case._meta.label_lower, object_id=str(case.pk))
    entries = entries.exclude(action="notify.sent")  # messages: elsewhere
    actions = list(entries.order_by("id").values_list("action", flat=True))
    assert actions[:7] == [
        "desk.submit",
        "desk.confirm_receipt",
        "desk.draft_answer",
        "desk.return",
        "desk.draft_answer",
        "desk.answer",
        "desk.sign",
    ], actions

    # -- the applicant again, with the tracking code only --------------------------------------------
    tracker = open_page()
    tracker.goto("/track/")
    fill_form(tracker, "form.card", {"code": code.lower()})
    shown = tracker.inner_text("main")
    assert "已答复" in shown and "予以公开" in shown and "作出答复（按期）" in shown
    letter = _docx_text(_download(tracker, tracker.get_by_role("link", name="下载答复告知书（DOCX）")))
    assert letter == docx
    assert not any(value in tracker.content() for value in PERSONAL_VALUES)
