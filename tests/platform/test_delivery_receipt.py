"""送达回证: a printable form per delivery record, for the handling office only."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.desk import casefile, services
from gongkai.platform.desk.receipt import Channel

from .conftest import APPLICANT

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_each_delivery_prints_its_own_receipt(office: dict[str, Any]) -> None:
    today = services.today()
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=today - dt.timedelta(days=10),
        applicant=APPLICANT,
        description="某文件",
    )
    services.answer(office["head"], case, outcome="granted", on=today - dt.timedelta(days=3), reply_text="见附件")
    letter = case.letters.get()
    posted = casefile.record_delivery(
        office["clerk"],
        case,
        letter=letter.title,
        method="post",
        sent_on=today - dt.timedelta(days=2),
        reference="EA123456789CN",
    )
    handed = casefile.record_delivery(
        office["clerk"], case, letter="答复告知书", method="in_person", sent_on=today, received_on=today
    )
    clerk = _client(office["clerk"])
    page = clerk.get(f"/desk/{case.pk}/").content.decode()
    assert page.count("打印送达回证") == 2
    first = re.sub(r"<[^>]+>", " ", clerk.get(f"/desk/{case.pk}/deliveries/{posted.pk}/receipt/").content.decode())
    for value in (
        "送达回证",
        "海盐县人民政府",
        f"{letter.title}（{letter.number}）",  # the letter's own 文号
        APPLICANT["applicant_name"],
        APPLICANT["address"],
        "邮寄（EMS 等）（EA123456789CN）",
        "受送达人签名",
        "（送达机关印章）",
    ):
        assert value in first, value
    second = clerk.get(f"/desk/{case.pk}/deliveries/{handed.pk}/receipt/").content.decode()
    assert "当场领取" in second and letter.number in second  # "答复告知书" found as the issued letter
    assert f"{today.year}年{today.month}月{today.day}日" in second
    # Only the handling office prints it; a delivery of another case is not found under this one.
    assert _client(office["cn_clerk"]).get(f"/desk/{case.pk}/deliveries/{posted.pk}/receipt/").status_code == 404
    assert _client(office["jx_supervisor"]).get(f"/desk/{case.pk}/deliveries/{posted.pk}/receipt/").status_code == 404
    assert clerk.get(f"/desk/{case.pk + 1}/deliveries/{posted.pk}/receipt/").status_code == 404
