"""An anonymous visitor tries every way in: pages, search, attachment addresses, the API.

No unpublished or unreviewed item, and no personal data, may come out.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from urllib.parse import parse_qs, urlsplit

import docx
import pytest
from django.test import Client

from gongkai.platform.registry import services
from gongkai.platform.registry.models import Attachment, Attribute, Item
from gongkai.platform.registry.services import RegistryError
from tests.platform.registry.helpers import publish_item

TODAY = dt.date.today()
ID_NUMBER = "330424198001011113"
MOBILE = "13912345678"
PERSONAL = (ID_NUMBER, MOBILE, "139******78", "330*************13")
# One marker word per item that must stay hidden; the public item has its own.
HIDDEN = {
    "draft": "草稿甲乙丙",
    "submitted": "待审丁戊己",
    "returned": "退回庚辛壬",
    "approved": "待发癸子丑",
    "not_public": "不公开寅卯",
    "withdrawn": "撤回辰巳午",
    "personal": "个人信息未申",
}
PUBLIC_MARK = "公开酉戌亥"
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
    b"endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
)


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _item(staff: dict[str, Any], mark: str, **fields: Any) -> Item:
    fields.setdefault("category", "normative")
    return services.create_item(
        staff["clerk"],
        staff["hy"],
        title=f"关于{mark}的通知",
        body=f"正文{mark}。",
        made_on=TODAY,
        doc_number=f"盐政发〔2021〕{mark}号",
        **fields,
    )


@pytest.fixture
def world(staff: dict[str, Any]) -> dict[str, Any]:
    clerk, head = staff["clerk"], staff["head"]
    public = publish_item(
        clerk,
        head,
        staff["hy"],
        category="normative",
        title=f"关于{PUBLIC_MARK}的通知",
        body=f"正文{PUBLIC_MARK}，咨询电话 0573-86123456。",
    )
    items: dict[str, Item] = {"draft": _item(staff, HIDDEN["draft"])}
    services.add_attachment(clerk, items["draft"], "草稿附件.pdf", MINIMAL_PDF)
    items["submitted"] = services.submit(clerk, _item(staff, HIDDEN["submitted"]))
    items["returned"] = services.submit(clerk, _item(staff, HIDDEN["returned"]))
    services.send_back(head, items["returned"], "请修改")
    items["approved"] = services.approve(head, services.submit(clerk, _item(staff, HIDDEN["approved"])))
    items["not_public"] = services.approve(
        head,
        services.submit(
            clerk, _item(staff, HIDDEN["not_public"], attribute=Attribute.NOT_PUBLIC, attribute_reason="内部事务信息")
        ),
    )
    items["withdrawn"] = _item(staff, HIDDEN["withdrawn"])
    services.add_attachment(clerk, items["withdrawn"], "撤回附件.docx", _docx(f"附件{HIDDEN['withdrawn']}"))
    services.submit(clerk, items["withdrawn"])
    services.approve(head, items["withdrawn"])
    services.publish(clerk, items["withdrawn"])
    services.withdraw(head, items["withdrawn"], "误发")
    # Personal data in an attachment: the scan finds it and the reviewer cannot approve it.
    items["personal"] = _item(staff, HIDDEN["personal"])
    services.add_attachment(clerk, items["personal"], "名单.docx", _docx(f"张三 身份证 {ID_NUMBER} 手机 {MOBILE}"))
    services.submit(clerk, items["personal"])
    with pytest.raises(RegistryError, match="身份证号码"):
        services.approve(head, items["personal"])
    return {"public": public, "items": items, **staff}


def _addresses(world: dict[str, Any]) -> list[str]:
    key = "002541000"
    urls = [
        "/portal/",
        f"/portal/{key}/",
        f"/portal/{key}/guide/",
        f"/portal/{key}/catalogue/",
        f"/portal/{key}/statutory/",
        f"/portal/{key}/reports/",
        f"/portal/{key}/catalogue/?category=normative",
        f"/portal/{key}/catalogue/?year={TODAY.year}",
        "/api/portal/search?q=通知",
    ]
    for mark in [*HIDDEN.values(), PUBLIC_MARK, "通知", "盐政发", ID_NUMBER, MOBILE]:
        urls += [f"/portal/search/?q={mark}", f"/api/portal/search?q={mark}", f"/portal/search/?q={mark}&agency={key}"]
    for item in [world["public"], *world["items"].values()]:
        urls += [
            f"/portal/{key}/items/{item.serial_key}/",
            f"/portal/{key}/items/{item.pk}/",
            f"/api/portal/items/{item.pk}",
            f"/registry/{item.pk}/",
            f"/api/registry/items/{item.pk}",
        ]
    for attachment in Attachment.objects.all():
        item = attachment.item
        urls += [
            f"/portal/{key}/items/{item.serial_key}/files/{attachment.pk}/",
            f"/portal/{key}/items/{world['public'].serial_key}/files/{attachment.pk}/",
            f"/registry/files/{attachment.pk}/",
            f"/media/{attachment.file.name}",
        ]
    return urls


def _content(response: Any) -> str:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def test_anonymous_visitor_sees_only_the_published_item(world: dict[str, Any], client: Client) -> None:
    seen_public = False
    for url in _addresses(world):
        response = client.get(url)
        body = _content(response)
        if "q=" in url:  # the search page repeats the visitor's own words: not a leak
            body = body.replace(parse_qs(urlsplit(url).query)["q"][0], "")
        for name, mark in HIDDEN.items():
            assert mark not in body, f"{name} item leaked through {url}"
        for value in PERSONAL:
            assert value not in body, f"personal data leaked through {url}"
        seen_public = seen_public or PUBLIC_MARK in body
        if url.startswith(("/registry/", "/api/registry/")):
            assert response.status_code in (302, 401, 403, 404), url
    assert seen_public


def test_hidden_items_answer_404_not_403(world: dict[str, Any], client: Client) -> None:
    """A hidden item is indistinguishable from one that does not exist."""
    for item in world["items"].values():
        assert client.get(f"/portal/002541000/items/{item.serial_key}/").status_code == 404
        assert client.get(f"/api/portal/items/{item.pk}").status_code == 404
    assert client.get(f"/portal/002541000/items/{world['public'].serial_key}/").status_code == 200
    assert client.get(f"/portal/002541000/items/{world['public'].pk}/").status_code == 200
    assert client.get(f"/portal/id{world['cn'].pk}/items/{world['public'].serial_key}/").status_code == 404


def test_attachments_follow_their_item(world: dict[str, Any], client: Client, staff: dict[str, Any]) -> None:
    public = world["public"]
    assert services.add_attachment
    # An attachment is added before review; here: a new item published with a PDF.
    item = _item(staff, "带附件的公开文件")
    attachment = services.add_attachment(staff["clerk"], item, "文件.pdf", MINIMAL_PDF)
    url = f"/portal/002541000/items/{item.serial_key}/files/{attachment.pk}/"
    assert client.get(url).status_code == 404  # still a draft
    services.submit(staff["clerk"], item)
    services.approve(staff["head"], item)
    assert client.get(url).status_code == 404  # approved, not published
    services.publish(staff["clerk"], item)
    response = client.get(url)
    assert response.status_code == 200 and _content(response).startswith("%PDF")
    services.withdraw(staff["head"], item, "撤回")
    assert client.get(url).status_code == 404
    assert public.pk


def test_other_roles_see_only_their_agencies_drafts(world: dict[str, Any], client: Client) -> None:
    draft = world["items"]["draft"]
    for username in ("alice", "cn_clerk"):
        client.force_login(world["applicant"] if username == "alice" else world["cn_clerk"])
        assert client.get(f"/registry/{draft.pk}/").status_code == 404
        assert client.get(f"/api/registry/items/{draft.pk}").status_code == 404
        assert HIDDEN["draft"] not in client.get("/registry/").content.decode()
    client.force_login(world["jx_supervisor"])  # a supervisor above 海盐县 reads, never changes
    assert client.get(f"/registry/{draft.pk}/").status_code == 200
    assert client.post(f"/registry/{draft.pk}/submit/").status_code == 403


def test_unknown_attachment_types_are_refused(staff: dict[str, Any]) -> None:
    item = _item(staff, "附件类型")
    with pytest.raises(ValueError, match="只接受"):
        services.add_attachment(staff["clerk"], item, "脚本.html", b"<script>alert(1)</script>")
    with pytest.raises(ValueError, match="不符"):
        services.add_attachment(staff["clerk"], item, "假的.pdf", b"<html>not a pdf</html>")
