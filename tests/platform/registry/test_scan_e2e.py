"""The review's reproduction (security review H-2-1, item 21), through the web as the office works:
personal data hidden in the issuer, the summary (dotted mobile), the body (full-width ID) and five
attachments (ID in a DOCX header, mobile in its footer and author, a text box, PDF /Author, an image-only
PDF, an ID in a file name). The scan names each place, approval is refused, and nothing reaches the
portal page, the public API or the search.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import docx
from django.test import Client

from gongkai.platform.registry import services
from gongkai.platform.registry.models import Attachment, Item, Status
from tests.ingest.make_files import scanned_pdf

from .attachments import docx_with, pdf_with

ID = "330424198001011234"
ID_WIDE = "３３０４２４１９８００１０１１２３４"
MOBILE = "13812345678"
SECRETS = (ID, ID_WIDE, MOBILE, "138.1234.5678", "13912345678")


def _hidden_pii_docx() -> bytes:
    """ID in the header, mobile in the footer and in the author property; nothing in the body."""
    document = docx.Document()
    document.add_paragraph("关于做好政务公开工作的通知")
    document.sections[0].header.paragraphs[0].text = f"经办人身份证 {ID}"
    document.sections[0].footer.paragraphs[0].text = f"联系手机 {MOBILE}"
    document.core_properties.author = "张三 13912345678"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _upload(client: Client, item: Item, name: str, data: bytes) -> None:
    response = client.post(f"/registry/{item.pk}/attach/", {"file": _file(name, data)})
    assert response.status_code == 302


def _file(name: str, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def _body(response: Any) -> str:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def test_item_21_is_refused_and_never_public(staff: dict[str, Any], client: Client) -> None:
    clerk, head = staff["clerk"], staff["head"]
    client.force_login(clerk)
    response = client.post(
        "/registry/new/",
        {
            "category": "work",
            "title": "关于做好政务公开工作的通知",
            "doc_number": "",
            "attribute": "proactive",
            "issuer": f"经办人 {ID}",
            "made_on": (dt.date.today() - dt.timedelta(days=1)).isoformat(),
            "summary": "联系 138.1234.5678",
            "body": f"身份证 {ID_WIDE}",
        },
    )
    assert response.status_code == 302, _body(response)
    item = Item.objects.get(title="关于做好政务公开工作的通知")
    _upload(client, item, "hidden_pii.docx", _hidden_pii_docx())
    _upload(client, item, "textbox_pii.docx", docx_with("docx_textbox", f"联系 {MOBILE}"))
    _upload(client, item, "meta_pii.pdf", pdf_with("pdf_author", ID))
    _upload(client, item, "image_only_pii.pdf", scanned_pdf(pages=1))
    _upload(client, item, f"张三身份证{ID}.pdf", pdf_with("pdf_text", "Notice"))
    assert Attachment.objects.filter(item=item).count() == 5
    assert client.post(f"/registry/{item.pk}/submit/").status_code == 302
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED

    found = {(f["kind"], f["where"]) for f in item.scan_findings}
    expected = {
        ("id_number", "发文机关"),
        ("mobile", "内容概述"),
        ("id_number", "正文"),
        ("id_number", "附件1（hidden_pii.docx） · 页眉"),
        ("mobile", "附件1（hidden_pii.docx） · 页脚"),
        ("mobile", "附件1（hidden_pii.docx） · 文档属性"),
        ("mobile", "附件2（textbox_pii.docx） · 文本框"),
        ("id_number", "附件3（meta_pii.pdf） · 文档属性"),
        ("manual", "附件4（image_only_pii.pdf）"),
        ("id_number", "附件5（张三身份证330*************34.pdf） · 文件名"),
    }
    assert expected <= found, expected - found
    assert not any(secret in str(item.scan_findings) for secret in SECRETS)  # findings are masked

    # The reviewer's approval is refused, on the web and in the service; publishing cannot follow.
    client.force_login(head)
    page = client.post(f"/registry/{item.pk}/approve/", {"attribute": "proactive"}, follow=True)
    assert "身份证号码" in _body(page) and "手机号码" in _body(page)
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED
    client.force_login(clerk)
    client.post(f"/registry/{item.pk}/publish/")
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED and item.published_on is None

    anonymous = Client()
    urls = [
        f"/portal/002541000/items/{item.serial_key}/",
        f"/api/portal/items/{item.pk}",
        "/portal/002541000/",
        "/portal/002541000/catalogue/",
        f"/api/portal/search?q={ID}",
        f"/portal/search/?q={ID}",
        f"/api/portal/search?q={MOBILE}",
        "/api/portal/search?q=政务公开工作",
    ]
    urls += [f"/portal/002541000/items/{item.serial_key}/files/{a.pk}/" for a in item.attachments.all()]
    for url in urls:
        response = anonymous.get(url)
        text = _body(response).replace(ID, "") if "q=" in url else _body(response)  # the search repeats the query
        assert not any(secret in text for secret in SECRETS), url
        assert "关于做好政务公开工作的通知" not in text, url


def test_once_the_data_is_removed_the_item_passes(staff: dict[str, Any]) -> None:
    """The block is on the data, not the item: with the personal data gone, an image-only PDF (for the
    reviewer to look at) does not stop approval."""
    clerk, head = staff["clerk"], staff["head"]
    item = services.create_item(
        clerk, staff["hy"], category="work", title="通知", made_on=dt.date.today(), issuer=f"经办人 {ID}", body="正文"
    )
    services.add_attachment(clerk, item, "扫描件.pdf", scanned_pdf(pages=1))
    services.submit(clerk, item)
    services.send_back(head, item, "删除身份证号码")
    services.update_item(clerk, item, issuer="")
    services.submit(clerk, item)
    assert [f["kind"] for f in item.scan_findings] == ["manual"]
    services.approve(head, item)
    assert services.publish(clerk, item).status == Status.PUBLISHED


def test_publishing_scans_again(staff: dict[str, Any]) -> None:
    """Text changed after approval (an admin edit, a script) is scanned again before it goes public."""
    clerk, head = staff["clerk"], staff["head"]
    item = services.create_item(clerk, staff["hy"], category="work", title="通知", made_on=dt.date.today(), body="正文")
    services.submit(clerk, item)
    services.approve(head, item)
    Item.objects.filter(pk=item.pk).update(body=f"联系人手机 {MOBILE}")
    item.refresh_from_db()
    try:
        services.publish(clerk, item)
    except services.RegistryError as error:
        assert "手机号码" in str(error)
    else:
        raise AssertionError("published an item holding a mobile number")
    item.refresh_from_db()
    assert item.status == Status.APPROVED
