"""Issue 12's defects, walked again in a real browser: each step as the walkthrough reproduced it."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest

from gongkai.platform.appeals.models import Appeal
from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application, ConsultationKind
from gongkai.platform.desk.receipt import Channel

from ..conftest import APPLICANT
from .conftest import fill_form

pytestmark = pytest.mark.browser


def _apply(page: Any, agency: int, **changes: str) -> None:
    page.goto(f"/apply/?agency={agency}")
    fill_form(
        page,
        "form.card",
        {
            "applicant_type": "natural_person",
            "applicant_name": APPLICANT["applicant_name"],
            "id_number": APPLICANT["id_number"],
            "phone": APPLICANT["phone"],
            "address": APPLICANT["address"],
            "description": "盐政发〔2024〕15号旧城改造征收决定及其附件",
            "form_wanted": "电子邮件",
            **changes,
        },
    )


def test_the_public_form_refuses_junk_and_a_refresh_files_nothing(
    office: dict[str, Any], open_page: Callable[[], Any]
) -> None:
    visitor = open_page()
    _apply(visitor, office["hy"].pk, id_number="123", phone="abc")  # D3
    errors = visitor.inner_text("form.card")
    assert "居民身份证号码应为 18 位" in errors and "联系电话格式不正确" in errors
    assert visitor.locator("label.required[for=id_id_number]").count() == 1 and not Application.objects.exists()
    _apply(visitor, office["hy"].pk)
    assert visitor.url.endswith("/apply/done/")  # POST/redirect/GET (D1)
    code = visitor.locator("#tracking-code").inner_text().strip()
    assert "盐政发〔2024〕15号" in visitor.inner_text("#receipt")  # a 回执 with what was asked
    visitor.reload()  # F5: shows the receipt again, files nothing
    visitor.go_back()
    visitor.go_forward()
    assert Application.objects.count() == 1 and visitor.locator("#tracking-code").inner_text().strip() == code
    visitor.goto(f"/track/?code={code.replace('-', '').lower()}")  # D19
    assert "待确认收到" in visitor.inner_text("main")


def test_the_office_sees_chinese_and_the_applicant_sees_no_internal_data(
    office: dict[str, Any], open_page: Callable[[], Any], login: Callable[[str], Any]
) -> None:
    case = services.submit_online(office["alice"], office["hy"], applicant={}, description="某镇征收补偿方案")
    services.confirm_receipt(office["clerk"], case, services.today())  # runs into 2027: 调休 unknown
    consultation = services.start_consultation(
        office["clerk"], case, kind=ConsultationKind.THIRD_PARTY, party="浙江嘉禾建设工程有限公司", on=services.today()
    )
    services.end_consultation(office["clerk"], consultation, services.today(), "投标报价明细涉及商业秘密，不同意公开")
    clerk = login("hy_clerk")
    clerk.goto(f"/desk/{case.pk}/")
    history = clerk.inner_text("table >> nth=-1")
    assert "在线提交申请" in history and "确认收到申请" in history and "状态：待确认收到 改为 办理中" in history
    assert "desk." not in history and "awaiting_receipt" not in history and "status:" not in history  # D5
    assert clerk.locator("#action-extend").count() == 0  # D10: the head's form is not the clerk's
    assert "调休安排尚未录入" in clerk.inner_text("main") and "holiday" not in clerk.inner_text("main")
    clerk.goto("/desk/999999/")
    assert "页面不存在" in clerk.inner_text("main")  # a Chinese 404, within the site
    applicant = login("alice")
    applicant.goto(f"/desk/{case.pk}/")
    seen = applicant.inner_text("main")
    assert "浙江嘉禾" not in seen and "商业秘密" not in seen and "征求第三方意见" in seen  # D9
    public = open_page()
    public.goto(f"/track/?code={case.tracking_code}")
    assert "调休" not in public.inner_text("main") and "放假安排" not in public.inner_text("main")  # D6


def test_appeals_are_checked_corrected_and_withdrawn(office: dict[str, Any], login: Callable[[str], Any]) -> None:
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=dt.date(2026, 11, 2),
        applicant=APPLICANT,
        description="某文件",
    )
    services.answer(
        office["head"], case, outcome="denied_process_info", on=dt.date(2026, 11, 10), reply_text="属于过程性信息"
    )
    clerk = login("hy_clerk")
    clerk.goto(f"/appeals/new/{case.pk}/")
    fill_form(
        clerk,
        "form.card",
        {"kind": "review", "body": "嘉兴市人民政府", "case_number": "嘉政复〔2026〕123号", "filed_on": "2026-11-01"},
    )
    assert "早于所针对的答复" in clerk.inner_text("main") and not Appeal.objects.exists()  # D2
    fill_form(clerk, "form.card", {"filed_on": "2026-11-20"})
    clerk.goto(f"/appeals/new/{case.pk}/")
    fill_form(
        clerk,
        "form.card",
        {"kind": "review", "body": "嘉兴市人民政府", "case_number": "嘉政复[2026]123号", "filed_on": "2026-11-21"},
    )
    assert "请勿重复登记" in clerk.inner_text("main") and Appeal.objects.count() == 1
    clerk.goto("/appeals/")
    appeal = Appeal.objects.get()
    assert clerk.locator(f"#result-{appeal.pk}").input_value() == ""  # nothing preselected
    clerk.get_by_role("link", name="更正或撤销登记").click()
    fill_form(clerk, "#correct", {"case_number": "嘉政复〔2026〕124号", "reason": "案号录入错误"})
    assert "已更正" in clerk.inner_text(".messages")
    clerk.goto(f"/appeals/{appeal.pk}/edit/")
    assert "案号：嘉政复〔2026〕123号 改为 嘉政复〔2026〕124号" in clerk.inner_text("main")
    fill_form(clerk, "#withdraw", {"reason": "申请人撤回复议申请"})
    assert "不再计入年度报告表四" in clerk.inner_text(".messages")
    assert Appeal.active.count() == 0 and Appeal.objects.count() == 1


def test_the_reply_letter_pdf_is_a_document_of_record(office: dict[str, Any], login: Callable[[str], Any]) -> None:
    import pdfplumber

    from tests.environment import need_tool

    need_tool("soffice")
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=dt.date(2026, 11, 2),
        applicant={**APPLICANT, "applicant_type": "legal_services"},
        description="盐政发〔2024〕15号征收决定及其附件。",
    )
    services.answer(
        office["head"],
        case,
        outcome="partially_granted",
        on=dt.date(2026, 11, 10),
        reply_text="征收决定正文见附件。" + "附件目录如下：" * 30,
        withheld_reason="附件中被征收人的身份信息属于个人隐私。",
    )
    clerk = login("hy_clerk")
    clerk.goto(f"/desk/{case.pk}/")
    with clerk.expect_download() as info:
        clerk.get_by_role("link", name="PDF", exact=True).click()
    with open(info.value.path(), "rb") as handle, pdfplumber.open(io.BytesIO(handle.read())) as pdf:
        pages = [(page.extract_text() or "").replace(" ", "") for page in pdf.pages]
    text = "".join(pages)
    assert "依申请公开〔2026〕1号" in text and "贵单位" in text and "。”。" not in text  # D8
    assert "海盐县人民政府" in pages[-1] and "2026年11月10日" in pages[-1]
    assert len(pages[-1].replace("海盐县人民政府", "").replace("2026年11月10日", "")) > 20  # D7: not alone
