"""Issue 12's intake defects: one application per form sent, 身份证明 and 联系方式 checked (第二十九条),
the clarified application's content kept, nothing internal shown to the public or the applicant."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.desk import services
from gongkai.platform.desk.identity import IdKind, id_problem, phone_problem
from gongkai.platform.desk.models import Application, ConsultationKind

from .conftest import APPLICANT

pytestmark = pytest.mark.django_db
D = dt.date


def login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_resident_id_numbers_are_checked_as_gb_11643_defines_them() -> None:
    assert id_problem(IdKind.RESIDENT_ID, "11010519491231002X") is None  # the standard's own example
    assert id_problem(IdKind.RESIDENT_ID, "11010519491231002x") is None  # typed in lower case
    assert "校验位" in (id_problem(IdKind.RESIDENT_ID, "110105194912310021") or "")
    assert "出生日期" in (id_problem(IdKind.RESIDENT_ID, "110105194902300028") or "")  # 30 February
    assert id_problem(IdKind.RESIDENT_ID, "123") is not None
    assert id_problem(IdKind.CREDIT_CODE, "91350100M000100Y43") is None
    assert "校验位" in (id_problem(IdKind.CREDIT_CODE, "91350100M000100Y44") or "")
    assert id_problem(IdKind.PASSPORT, "E12345678") is None  # no public check digit: shape only
    assert id_problem(IdKind.PASSPORT, "x") is not None
    for good in ("13700007777", "0573-86112345", "057386112345", "+852 2123 4567", "+8613700007777"):
        assert phone_problem(good) is None, good
    for bad in ("abc", "123", "1370000777", "+86123"):
        assert phone_problem(bad) is not None, bad


def test_the_public_form_refuses_junk_identity_and_contact_data(office: dict[str, Any]) -> None:
    page = Client().post(
        "/apply/",
        {
            **APPLICANT,
            "agency": office["hy"].pk,
            "id_number": "123",
            "phone": "abc",
            "description": "某地块出让合同",
            "form_wanted": "电子邮件",
        },
    )
    text = page.content.decode()
    assert page.status_code == 200 and "居民身份证号码应为 18 位" in text and "联系电话格式不正确" in text
    missing = Client().post(
        "/apply/",
        {
            **APPLICANT,
            "agency": office["hy"].pk,
            "id_number": "",
            "description": "某地块出让合同",
            "form_wanted": "电子邮件",
        },
    )
    assert missing.status_code == 200 and not Application.objects.exists()
    with pytest.raises(services.DeskError, match="身份证明"):  # the API's door too
        services.submit_online(None, office["hy"], applicant={**APPLICANT, "id_number": ""}, description="某文件")


def test_a_refreshed_or_resent_form_files_one_application(office: dict[str, Any]) -> None:
    public = Client()
    form = public.get(f"/apply/?agency={office['hy'].pk}").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', form)
    assert token is not None
    data = {
        **APPLICANT,
        "agency": office["hy"].pk,
        "description": "某地块出让合同",
        "form_wanted": "电子邮件",
        "token": token.group(1),
    }
    sent = public.post("/apply/", data)
    assert sent.status_code == 302 and sent["Location"] == "/apply/done/"  # POST/redirect/GET
    case = Application.objects.get()
    receipt = public.get("/apply/done/").content.decode()
    assert case.tracking_code in receipt and "某地块出让合同" in receipt  # a 回执 with the content
    assert public.get("/apply/done/").status_code == 200  # a refresh of the result: no new case
    public.post("/apply/", data)  # the browser resends the POST anyway
    assert Application.objects.count() == 1
    assert (
        services.submit_online(
            None, office["hy"], applicant=APPLICANT, description="某地块出让合同", token=token.group(1)
        ).pk
        == case.pk
    )


def test_the_clarified_application_is_recorded_with_its_content(office: dict[str, Any]) -> None:
    case = services.register(
        office["clerk"],
        office["hy"],
        channel="in_person",
        submitted_on=D(2020, 9, 28),
        applicant=APPLICANT,
        description="关于那个项目的文件",
    )
    services.ask_clarification(office["clerk"], case, D(2020, 9, 29), "请写明项目名称")
    clerk = login(office["clerk"])
    refused = clerk.post(f"/desk/{case.pk}/clarified/", {"on": "2020-10-12"}, follow=True).content.decode()
    assert "补正后的申请内容（所需政府信息的名称、文号或特征性描述）：这个字段是必填项" in refused
    assert "content: " not in refused
    clerk.post(f"/desk/{case.pk}/clarified/", {"on": "2020-10-12", "content": "海盐县某路改造项目的立项批复"})
    case.refresh_from_db()
    assert case.clarified_description == "海盐县某路改造项目的立项批复" and case.clarified_on == D(2020, 10, 12)
    assert "海盐县某路改造项目的立项批复" in clerk.get(f"/desk/{case.pk}/").content.decode()


def test_the_clerk_is_not_offered_the_heads_extension_form(office: dict[str, Any]) -> None:
    case = services.register(
        office["clerk"],
        office["hy"],
        channel="in_person",
        submitted_on=D(2020, 9, 28),
        applicant=APPLICANT,
        description="某文件",
    )
    assert 'id="action-extend"' not in login(office["clerk"]).get(f"/desk/{case.pk}/").content.decode()
    assert 'id="action-extend"' in login(office["head"]).get(f"/desk/{case.pk}/").content.decode()


def test_the_public_and_the_applicant_see_no_admin_warning_and_no_third_party(office: dict[str, Any]) -> None:
    # Received today: the clock runs into a year chinese-calendar 1.11 does not know (2027 on): the
    # office is warned that its 调休 is not entered.
    case = services.submit_online(office["alice"], office["hy"], applicant={}, description="某镇征收补偿方案")
    services.confirm_receipt(office["clerk"], case, services.today())
    services.start_consultation(
        office["clerk"], case, kind=ConsultationKind.THIRD_PARTY, party="浙江某建设有限公司", on=services.today()
    )
    services.end_consultation(office["clerk"], case.consultations.get(), services.today(), "不同意公开报价明细")
    office_page = login(office["clerk"]).get(f"/desk/{case.pk}/").content.decode()
    assert "调休安排尚未录入" in office_page and "浙江某建设有限公司" in office_page
    for page in (
        Client().get(f"/track/?code={case.tracking_code.replace('-', '')}").content.decode(),
        login(office["alice"]).get(f"/desk/{case.pk}/").content.decode(),
        login(office["alice"]).get(f"/api/cases/{case.pk}").content.decode(),
    ):
        assert case.tracking_code in page
        assert "调休" not in page and "放假安排" not in page and "holiday" not in page
        assert "浙江某建设有限公司" not in page and "报价明细" not in page
