"""The 公开指南 (条例第十二条): a real default per kind of agency, filled from its record, edited by the office."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.registry.guide import DEPARTMENT, GOVERNMENT, TOWN, kind_of
from gongkai.platform.registry.services import agency_key
from tests.platform.registry.helpers import publish_item

pytestmark = pytest.mark.django_db

# What every guide must tell an applicant, article by article of the 条例.
EVERY_GUIDE = (
    "第十九条",  # 主动公开的范围
    "第二十三条",  # 主动公开的途径
    "20 个工作日内公开",  # 第二十六条
    "身份证明、联系方式",  # 第二十九条: what an application holds
    "7 个工作日内一次性告知申请人作出补正",  # 第三十条
    "以本机关签收之日为准",  # 第三十一条
    "自收到申请之日起 20 个工作日内予以答复",  # 第三十三条
    "最长不超过 20 个工作日",
    "15 个工作日内提出意见",  # 第三十二条
    "不收取费用",  # 第四十二条
    "国办函〔2020〕109号",
    "申请行政复议",  # 第五十一条
    "提起行政诉讼",
)


def _text(client: Client, agency: Any) -> str:
    page = client.get(f"/portal/{agency_key(agency)}/guide/").content.decode()
    return re.sub(r"<[^>]+>", "", page)


def test_each_kind_of_agency_gets_a_guide_of_its_own(staff: dict[str, Any], client: Client) -> None:
    hy, fgj, qs = staff["hy"], staff["fgj"], staff["qs"]
    hy.review_body, hy.court, hy.postcode = "嘉兴市人民政府", "嘉兴市中级人民法院", "314300"
    hy.save()
    assert (kind_of(hy), kind_of(fgj), kind_of(qs)) == (GOVERNMENT, DEPARTMENT, TOWN)
    government, department, town = _text(client, hy), _text(client, fgj), _text(client, qs)
    for text, agency in ((government, hy), (department, fgj), (town, qs)):
        missing = [phrase for phrase in EVERY_GUIDE if phrase not in text]
        assert not missing, (agency.name, missing)
        assert f"{agency.name}编制本指南" in text
    # Filled from the agency's own record: its office, address, post code, phone, review body and court.
    for value in ("海盐县武原街道枣园东路1号", "0573-86123456", "314300", "嘉兴市人民政府", "嘉兴市中级人民法院"):
        assert value in government
    assert "0573-86123456" not in department  # never another agency's number
    # What the 条例 asks of each kind only.
    assert "国家档案馆、公共图书馆" in government and "国家档案馆" not in department + town
    assert "宅基地使用情况审核" in town and "宅基地" not in department
    assert "市政建设" in government and "本领域" in department


def test_the_office_edits_the_default_and_the_portal_shows_its_own(staff: dict[str, Any], client: Client) -> None:
    clerk = Client()
    clerk.force_login(staff["clerk"])
    assert "?category=guide" in clerk.get("/registry/").content.decode()
    form = clerk.get("/registry/new/?category=guide").content.decode()
    assert "海盐县人民政府政府信息公开指南" in form and "20 个工作日内予以答复" in form
    assert 'value="guide" selected' in form
    publish_item(
        staff["clerk"],
        staff["head"],
        staff["hy"],
        category="guide",
        title="海盐县人民政府政府信息公开指南",
        body="一、总则\n本指南经本机关修订。办公时间：工作日 8:30—17:00。",
        on=dt.date(2025, 1, 6),
    )
    text = _text(client, staff["hy"])
    assert "本指南经本机关修订" in text and "第三十一条" not in text
