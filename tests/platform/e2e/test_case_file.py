"""The case file in a browser: a scan filed (its type checked), a delivery recorded, the 案卷 PDF
downloaded and read page by page (审批表 first, then each letter as issued, then the records)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gongkai.platform.desk import approval, services
from gongkai.platform.desk.models import CaseAttachment, Delivery
from gongkai.platform.desk.receipt import Channel
from tests.environment import need_tool

from ..conftest import APPLICANT
from .conftest import fill_form

pytestmark = pytest.mark.browser


def _real_pdf() -> bytes:
    """A one-page PDF as a scanner would hand it over (the upload check reads it, not only its name)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_case_file_and_its_pdf(office: dict[str, Any], login: Callable[[str], Any], tmp_path: Path) -> None:
    need_tool("soffice")
    import pdfplumber

    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.REGISTERED_POST,
        submitted_on=dt.date(2026, 11, 2),
        signed_on=dt.date(2026, 11, 4),
        applicant=APPLICANT,
        description="海盐县某路段改造工程征收补偿方案",
    )
    draft = approval.draft_answer(office["clerk"], case, outcome="granted", reply_text="补偿方案见附件。")
    approval.sign(office["head"], draft, on=dt.date(2026, 11, 20), comment="同意")
    clerk = login("hy_clerk")
    clerk.goto(f"/desk/{case.pk}/")
    fake = tmp_path / "申请书.pdf"
    fake.write_bytes(b"MZ\x90\x00 not a pdf")
    clerk.set_input_files("#attach input[type=file]", str(fake))
    with clerk.expect_navigation():
        clerk.click("#attach button[type=submit]")
    assert "文件内容与扩展名不符" in clerk.inner_text(".messages") and not CaseAttachment.objects.exists()
    scan = tmp_path / "申请书扫描件.pdf"
    scan.write_bytes(_real_pdf())
    clerk.select_option("#attach select[name=kind]", "application_scan")
    clerk.set_input_files("#attach input[type=file]", str(scan))
    with clerk.expect_navigation():
        clerk.click("#attach button[type=submit]")
    assert "申请书扫描件.pdf" in clerk.inner_text("#attachments")
    fill_form(
        clerk,
        "#delivery",
        {"method": "post", "sent_on": "2026-11-20", "received_on": "2026-11-23", "reference": "EMS 1234567890"},
    )
    assert "EMS 1234567890" in clerk.inner_text("#deliveries") and Delivery.objects.count() == 1
    assert "上传案卷材料" in clerk.inner_text("table >> nth=-1") and "登记送达" in clerk.inner_text("table >> nth=-1")

    with clerk.expect_download() as info:
        clerk.click("#dossier")
    with open(info.value.path(), "rb") as handle, pdfplumber.open(io.BytesIO(handle.read())) as pdf:
        pages = [(page.extract_text() or "").replace(" ", "").replace("\n", "") for page in pdf.pages]
    assert len(pages) >= 3, pages
    first = pages[0]
    assert "政府信息公开申请办理审批表" in first and case.tracking_code in first
    assert "拟办意见" in first and "补偿方案见附件" in first and "海盐负责人：已签发，同意" in first
    assert "经办人（签字）" in first and "负责人（签字）" in first and "邮寄" in first
    letter_page = next(p for p in pages[1:] if "政府信息公开申请答复告知书" in p)
    assert "依申请公开〔2026〕1号" in letter_page and "2026年11月20日" in letter_page
    rest = "".join(pages[2:])
    assert "送达记录" in rest and "EMS1234567890" in rest and "申请书扫描件.pdf" in rest and "负责人签发" in rest
    other = login("cn_clerk")
    response = other.request.get(f"/letters/case/{case.pk}/dossier.pdf")
    assert response.status == 404  # another agency's clerk never gets the file
