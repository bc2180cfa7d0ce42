"""The portal's column for an agency: guide, catalogue, statutory content, item pages, stable addresses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client

from gongkai.platform.registry import services
from tests.platform.registry.helpers import publish_item


def test_agency_column_pages(staff: dict[str, Any], client: Client) -> None:
    clerk, head, hy = staff["clerk"], staff["head"], staff["hy"]
    document = publish_item(
        clerk,
        head,
        hy,
        category="normative",
        title="海盐县行政规范性文件管理办法",
        doc_number="盐政发〔2021〕3号",
        made_on=dt.date(2021, 2, 1),
        on=dt.date(2021, 2, 3),
    )
    reading = publish_item(
        clerk,
        head,
        hy,
        category="interpretation",
        title="《管理办法》政策解读",
        interprets=document,
        on=dt.date(2021, 2, 4),
        made_on=dt.date(2021, 2, 4),
    )
    publish_item(
        clerk, head, hy, category="guide", title="海盐县人民政府信息公开指南", body="本指南说明获取政府信息的方式。"
    )
    publish_item(
        clerk, head, hy, category="budget", title="2021年部门预算", made_on=dt.date(2021, 3, 1), on=dt.date(2021, 3, 2)
    )

    home = client.get("/portal/002541000/").content.decode()
    assert "公开指南" in home and "法定主动公开内容" in home and "/apply/?agency=" in home
    assert "海盐县行政规范性文件管理办法" in home
    assert "本指南说明获取政府信息的方式" in client.get("/portal/002541000/guide/").content.decode()

    normative = client.get("/portal/002541000/catalogue/", {"category": "normative"}).content.decode()
    assert "盐政发〔2021〕3号" in normative and "2021年部门预算" not in normative
    # The rows and the filters' options (made in Python, portal/listing.py): the item's link, the chosen filters.
    assert f'<a href="/portal/002541000/items/{document.serial_key}/">海盐县行政规范性文件管理办法</a>' in normative
    assert '<option value="normative" selected>' in normative and normative.count(" selected") == 1
    by_year = client.get("/portal/002541000/catalogue/", {"year": 2021}).content.decode()
    assert "<option selected>2021</option>" in by_year and "<td>2021-03-02</td>" in by_year
    assert "2021年部门预算" in client.get("/portal/002541000/catalogue/", {"year": 2021}).content.decode()
    assert "2021年部门预算" not in client.get("/portal/002541000/catalogue/", {"year": 2020}).content.decode()

    statutory = client.get("/portal/002541000/statutory/").content.decode()
    assert "第二十条第（七）项" in statutory and "2021年部门预算" in statutory

    page = client.get(f"/portal/002541000/items/{document.serial_key}/").content.decode()
    assert document.index_number in page and "现行有效" in page and "《管理办法》政策解读" in page
    assert 'name="viewport"' in page  # works on phones
    reading_page = client.get(f"/portal/002541000/items/{reading.serial_key}/").content.decode()
    assert f"/portal/002541000/items/{document.serial_key}/" in reading_page

    services.repeal(clerk, document, dt.date.today(), "已被替代")
    assert "已废止" in client.get(f"/portal/002541000/items/{document.serial_key}/").content.decode()


def test_default_guide_and_unknown_agency(staff: dict[str, Any], client: Client) -> None:
    guide = client.get("/portal/002541000/guide/").content.decode()
    assert "0573-86123456" in guide  # the office's own phone, from the agency record
    assert client.get("/portal/nosuchcode/").status_code == 404
    assert client.get(f"/portal/id{staff['cn'].pk}/").status_code == 200
    assert client.get(f"/portal/id{staff['hy'].pk}/").status_code == 404  # 海盐县 has a code: one address only


def test_public_api_item(staff: dict[str, Any], client: Client) -> None:
    item = publish_item(staff["clerk"], staff["head"], staff["hy"], title="接口测试", body="正文")
    data = client.get(f"/api/portal/items/{item.pk}").json()
    assert data["index_number"] == item.index_number and data["address"].endswith(f"/items/{item.serial_key}/")
    assert "drafted_by" not in data and "scan_findings" not in data and "review_comment" not in data
