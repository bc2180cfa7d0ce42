"""Reply letters (DOCX and PDF), the whole desk through the JSON API, and ``gongkai serve``."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from docx import Document

from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application
from gongkai.platform.desk.receipt import Channel
from gongkai.platform.letters.render import compose_letter, letter_docx, letter_pdf
from gongkai.platform.letters.services import LetterTemplateError, save_template
from tests.environment import need_tool

from .conftest import APPLICANT, PERSONAL_VALUES

D = dt.date


def answered(office: dict[str, Any], outcome: str, **answer: Any) -> Application:
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2021, 5, 6),
        applicant=APPLICANT,
        description="2020年某地块土地出让合同",
    )
    return services.answer(office["head"], case, outcome=outcome, on=D(2021, 5, 20), **answer)


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


@pytest.mark.django_db
def test_a_refusal_letter_carries_reasons_contact_and_remedies(office: dict[str, Any]) -> None:
    case = answered(
        office,
        "denied_third_party",
        reply_text="涉及第三方商业秘密，第三方不同意公开",
        legal_basis="《中华人民共和国政府信息公开条例》第十五条",
    )
    text = docx_text(letter_docx(case))
    assert "赵六" in text and "2021年5月6日" in text and "2020年某地块土地出让合同" in text
    assert "保护第三方合法权益" in text and "第十五条" in text and "涉及第三方商业秘密" in text
    assert "六十日内" in text and "六个月内" in text and "行政复议" in text and "行政诉讼" in text
    assert "0573-86123456" in text  # the office's contact
    assert not any(value in text for value in PERSONAL_VALUES)


@pytest.mark.django_db
def test_each_outcome_says_what_article_36_requires(office: dict[str, Any]) -> None:
    not_held = answered(office, "unavailable_not_held", responsible_agency="海盐县自然资源和规划局（0573-1234）")
    assert "海盐县自然资源和规划局" in " ".join(compose_letter(not_held).paragraphs)
    granted = answered(office, "granted", reply_text="该信息已在海盐县人民政府网站政府信息公开栏目公开，网址见……")
    assert "政府信息公开栏目" in " ".join(compose_letter(granted).paragraphs)
    duplicate = answered(office, "not_processed_duplicate")
    assert "重复申请" in " ".join(compose_letter(duplicate).paragraphs)


@pytest.mark.django_db
def test_the_head_edits_the_agencys_template(office: dict[str, Any]) -> None:
    case = answered(office, "granted", reply_text="见附件")
    with pytest.raises(Exception, match="负责人"):
        save_template(office["clerk"], agency=office["hy"], outcome="granted", title="告知书", body="x")
    with pytest.raises(LetterTemplateError):
        save_template(office["head"], agency=office["hy"], outcome="granted", title="告知书", body="{% if %}")
    with pytest.raises(LetterTemplateError, match="【申请人名字】"):
        save_template(office["head"], agency=office["hy"], outcome="granted", title="告知书", body="【申请人名字】：")
    save_template(
        office["head"],
        agency=office["hy"],
        outcome="granted",
        title="海盐县政府信息公开告知书",
        body="【申请人】：\n\n经审查，予以公开。【答复内容】\n\n如不服，可于六十日内申请行政复议。",
    )
    letter = compose_letter(case)
    assert letter.title == "海盐县政府信息公开告知书" and letter.paragraphs[1] == "经审查，予以公开。见附件。"


@pytest.mark.django_db
def test_the_letter_as_pdf(office: dict[str, Any]) -> None:
    need_tool("soffice")
    pdf = letter_pdf(answered(office, "granted", reply_text="见附件"))
    assert pdf.startswith(b"%PDF")
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "".join(page.extract_text() or "" for page in document.pages)
    assert "政府信息公开申请答复告知书" in text.replace(" ", "")


@pytest.mark.django_db
def test_the_whole_desk_through_the_api(office: dict[str, Any]) -> None:
    client = Client()
    client.force_login(office["clerk"])

    def post(path: str, **body: Any) -> Any:
        response = client.post(path, body, content_type="application/json")
        assert response.status_code in (200, 201), response.content.decode()
        return response.json()

    case = post(
        "/api/cases/",
        agency_id=office["hy"].pk,
        channel="ordinary_post",
        submitted_on="2020-09-25",
        description="某文件",
        **APPLICANT,
    )
    assert case["status"] == "awaiting_receipt" and case["personal"]["phone"] == APPLICANT["phone"]
    case = post(f"/api/cases/{case['id']}/confirm-receipt", on="2020-09-30")
    assert case["due"]["due"] == "2020-11-04" and any("国庆节" in s for s in case["due"]["steps"])
    case = post(f"/api/cases/{case['id']}/clarification", on="2020-10-09", request="请写明文号", deadline="2020-10-23")
    assert case["due"]["state"] == "clarification"
    case = post(f"/api/cases/{case['id']}/clarified", on="2020-10-20", content="2020年第三季度的会议纪要")
    assert case["due_date"] == "2020-11-17"
    refused = client.post(
        f"/api/cases/{case['id']}/extension",
        {"on": "2020-11-02", "days": 20, "reason": "多"},
        content_type="application/json",
    )
    assert refused.status_code == 403 and refused.json()["code"] == "approval_required"  # the head approves
    # 拟办 → 签发 through the API: the clerk's own answer is refused (in Chinese and English), the
    # clerk drafts, the head signs.
    direct = client.post(
        f"/api/cases/{case['id']}/answer",
        {"on": "2020-11-03", "outcome": "granted", "reply_text": "见附件"},
        content_type="application/json",
    )
    assert direct.status_code == 403 and direct.json()["code"] == "approval_required"
    assert "须由公开办负责人签发" in direct.json()["detail"] and "signed by the head" in direct.json()["detail"]
    bad = client.post(f"/api/cases/{case['id']}/draft", {"outcome": "nonsense"}, content_type="application/json")
    assert bad.status_code == 400 and "办理结果" in bad.json()["detail"]
    case = post(f"/api/cases/{case['id']}/draft", outcome="granted", reply_text="见附件")
    [draft] = case["approvals"]
    assert case["status"] == "registered" and draft["status"] == "pending" and draft["proposal"]["outcome"] == "granted"
    clerk_signs = client.post(
        f"/api/cases/{case['id']}/approvals/{draft['id']}/sign", {"on": "2020-11-03"}, content_type="application/json"
    )
    assert clerk_signs.status_code == 403
    client.force_login(office["head"])
    case = post(f"/api/cases/{case['id']}/approvals/{draft['id']}/sign", on="2020-11-03", comment="同意")
    assert case["status"] == "answered" and case["outcome"] == "granted"
    assert case["approvals"][0]["status"] == "signed" and case["approvals"][0]["comment"] == "同意"
    letter = client.get(f"/api/cases/{case['id']}/letter?fmt=docx")
    assert letter.status_code == 200 and "予以公开" in docx_text(letter.content)
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {
        "/api/cases/",
        "/api/cases/{case_id}/answer",
        "/api/cases/{case_id}/draft",
        "/api/cases/{case_id}/approvals/{approval_id}/sign",
        "/api/cases/{case_id}/approvals/{approval_id}/return",
        "/api/public/applications",
        "/api/appeals/",
        "/api/reports/{agency_id}/{year}",
        "/api/workdays/{year}",
    } <= set(paths)


def test_gongkai_serve_prepares_a_fresh_data_directory(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GONGKAI_DATABASE_URL", "GONGKAI_SECRET_KEY", "DJANGO_SETTINGS_MODULE")
    }
    command = [
        sys.executable,
        "-c",
        "from gongkai.cli import main; main()",
        "serve",
        "--migrate-only",
        "--no-input",
        "--data-dir",
        str(tmp_path / "var"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "gongkai.sqlite3").exists()
    assert "admin" in result.stdout and "password" in result.stdout
    again = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert again.returncode == 0 and "administrator created" not in again.stdout  # the first one stays


@pytest.mark.django_db
def test_notices_tell_the_applicant_of_clarification_extension_and_fee(office: dict[str, Any]) -> None:
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2021, 3, 1),
        applicant=APPLICANT,
        description="某文件",
    )
    public = Client()
    assert public.get(f"/letters/track/{case.tracking_code}/clarification.docx").status_code == 404  # not yet
    services.ask_clarification(office["clerk"], case, D(2021, 3, 2), "请写明文件的年份", deadline=D(2021, 3, 16))
    text = docx_text(public.get(f"/letters/track/{case.tracking_code}/clarification.docx").content)
    assert "补正告知书" in text and "请写明文件的年份" in text and "2021年3月16日" in text and "第三十条" in text
    services.receive_clarification(office["clerk"], case, D(2021, 3, 3), "补正后的申请内容")
    services.extend(office["head"], case, days=15, reason="需要调取档案", on=D(2021, 3, 10))
    case.refresh_from_db()
    text = docx_text(public.get(f"/letters/track/{case.tracking_code}/extension.docx").content)
    assert case.due_date is not None
    assert "延长15个工作日" in text and "需要调取档案" in text
    assert f"{case.due_date.month}月{case.due_date.day}日" in text
    extension = public.get(f"/letters/track/{case.tracking_code}/extension.docx").content
    services.issue_fee_notice(office["clerk"], case, method="per_page", pages=120, on=D(2021, 3, 11))
    text = docx_text(public.get(f"/letters/track/{case.tracking_code}/fee.docx").content)
    assert "1100元" in text and "按量计收" in text and "20个工作日" in text
    # The fee pauses the clock (no due date now): the extension letter already sent is not rebuilt.
    case.refresh_from_db()
    assert case.due_date is None
    assert public.get(f"/letters/track/{case.tracking_code}/extension.docx").content == extension
    assert "（未定）" not in docx_text(extension)
    assert not any(value in text for value in PERSONAL_VALUES)
    assert public.get(f"/letters/track/{case.tracking_code}/nonsense.docx").status_code == 404


@pytest.mark.django_db
def test_calendar_and_appeals_through_the_api(office: dict[str, Any]) -> None:
    public = Client()
    year = public.get("/api/workdays/2020").json()
    days = {d["date"]: d for d in year["days"]}
    assert days["2020-10-10"]["workday"] and not days["2020-10-08"]["workday"] and year["warning"] is None
    assert days["2020-10-01"]["holiday"] == "国庆节"
    assert public.get("/api/workdays/2027").json()["warning"]  # not known yet: said so, no crash
    admin = Client()
    admin.force_login(office["admin"])
    body = {
        "document": "国办发明电〔2026〕1号",
        "holidays": [{"date": "2027-10-01", "name": "国庆节"}],
        "workdays": [{"date": "2027-10-09", "name": "国庆节"}],
    }
    assert public.put("/api/workdays/2027", body, content_type="application/json").status_code == 401
    saved = admin.put("/api/workdays/2027", body, content_type="application/json").json()
    assert saved["warning"] is None and {d["date"]: d["workday"] for d in saved["days"]}["2027-10-09"]
    clerk = Client()
    clerk.force_login(office["clerk"])
    case = answered(office, "denied_process_info", reply_text="过程性信息")
    created = clerk.post(
        "/api/appeals/",
        {"application_id": case.pk, "kind": "litigation", "filed_on": "2021-06-01", "body": "海盐县人民法院"},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["group"] == "litigation_direct"
    appeal_id = created.json()["id"]
    decided = clerk.post(
        f"/api/appeals/{appeal_id}/result",
        {"result": "upheld", "decided_on": "2021-09-01"},
        content_type="application/json",
    ).json()
    assert decided["result"] == "upheld"
    other = Client()
    other.force_login(office["cn_clerk"])
    assert other.get("/api/appeals/").json() == []
    assert (
        other.post(f"/api/appeals/{appeal_id}/result", {"result": "other"}, content_type="application/json").status_code
        == 404
    )
