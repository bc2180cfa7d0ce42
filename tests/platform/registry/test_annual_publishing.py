"""Publishing the annual report on the portal, and withdrawing it (``annual.publishing``): the head
only, checks first, confirmation for an empty or late report, a reason to withdraw, the record kept."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.accounts.permissions import PermissionDenied
from gongkai.platform.annual import publishing
from gongkai.platform.annual.compile import compile_report
from gongkai.platform.annual.models import AnnualReport, ReportPublication
from gongkai.platform.annual.services import AnnualError
from gongkai.platform.audit.models import AuditEntry

from .helpers import publish_document

PORTAL = "/portal/002541000/reports"


def _login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_publish_annual_report_only_when_checks_pass(staff: dict[str, Any], client: Client) -> None:
    hy = staff["hy"]
    publish_document(staff, dt.date(2021, 3, 1), dt.date(2021, 3, 5), title="关于推进政务公开的意见")
    with pytest.raises(PermissionDenied):
        publishing.publish_report(staff["clerk"], hy, 2021)  # the head publishes
    with pytest.raises(publishing.NeedsConfirmation) as held:  # no narrative yet, and long after 2022-01-31
        publishing.publish_report(staff["head"], hy, 2021)
    assert any("没有文字说明" in c for c in held.value.concerns)
    assert any("2022年1月31日 已过" in c for c in held.value.concerns)
    assert not ReportPublication.objects.exists()
    publication = publishing.publish_report(staff["head"], hy, 2021, confirmed=True)
    assert publication.data["active"]["normative_documents"]["made"] == 1
    assert "行政规范性文件" in publication.html and "<table" in publication.html
    response = client.get(f"{PORTAL}/2021/")
    assert response.status_code == 200 and "2021" in response.content.decode()
    assert f"{PORTAL}/2021/" in client.get(f"{PORTAL}/").content.decode()
    # publishing again replaces it; the earlier publication is kept, withdrawn
    publishing.publish_report(staff["head"], hy, 2021, confirmed=True)
    assert ReportPublication.objects.filter(agency=hy, year=2021).count() == 2
    assert ReportPublication.objects.filter(agency=hy, year=2021, withdrawn=False).count() == 1


def test_a_report_with_errors_cannot_be_published(staff: dict[str, Any]) -> None:
    """An imported earlier year whose 现行有效 the registry does not continue: the series check fails."""
    from gongkai.platform.annual.services import import_report
    from gongkai.report.model import Report
    from gongkai.report.templates import TEMPLATE_2021

    earlier = Report.empty(staff["hy"].name, 2021, TEMPLATE_2021)
    earlier.active["normative_documents"] = {"made": 5, "repealed": 0, "in_force": 40}
    import_report(staff["clerk"], staff["hy"], earlier, source="2021年报.json")
    publish_document(staff, dt.date(2022, 3, 1), dt.date(2022, 3, 5))
    compiled = compile_report(staff["hy"], 2022)
    assert compiled.errors
    with pytest.raises(AnnualError, match="错误"):
        publishing.publish_report(staff["head"], staff["hy"], 2022, confirmed=True)
    assert not ReportPublication.objects.filter(agency=staff["hy"], year=2022).exists()


def test_the_head_is_asked_to_confirm_a_late_or_empty_report_in_the_page(staff: dict[str, Any]) -> None:
    hy = staff["hy"]
    head = _login(staff["head"])
    page = head.post(f"/annual/{hy.pk}/2021/publish/").content.decode()
    assert "确认发布" in page and "没有文字说明" in page and "已过" in page and "我已了解，仍然发布" in page
    assert not ReportPublication.objects.exists()
    head.post(f"/annual/{hy.pk}/2021/publish/", {"confirmed": "1"})
    assert ReportPublication.objects.filter(agency=hy, year=2021, withdrawn=False).count() == 1
    # Every part written and within the deadline: nothing to confirm.
    AnnualReport.objects.update_or_create(
        agency=hy, year=2025, defaults={"sections": {n: "本部分说明。" for n in ("一", "二", "三", "四", "五", "六")}}
    )
    compiled = compile_report(hy, 2025).report
    assert publishing.publication_concerns(compiled, 2025, dt.date(2026, 1, 20)) == []
    assert len(publishing.publication_concerns(compiled, 2025, dt.date(2026, 2, 2))) == 1


def test_the_head_withdraws_a_published_report_with_a_reason_and_the_record_stays(
    staff: dict[str, Any], client: Client
) -> None:
    """A report found wrong comes off the portal while it is corrected, then is published again."""
    hy = staff["hy"]
    first = publishing.publish_report(staff["head"], hy, 2021, confirmed=True)
    assert client.get(f"{PORTAL}/2021/").status_code == 200
    with pytest.raises(PermissionDenied):
        publishing.withdraw_report(staff["clerk"], first, "数据有误")
    with pytest.raises(PermissionDenied):
        publishing.withdraw_report(staff["cn_head"], first, "数据有误")  # another agency's head
    with pytest.raises(AnnualError, match="理由"):
        publishing.withdraw_report(staff["head"], first, "  ")
    assert client.get(f"{PORTAL}/2021/").status_code == 200  # refused: still published

    publishing.withdraw_report(staff["head"], first, "表三数据有误，更正后重新发布")
    first.refresh_from_db()
    assert first.withdrawn and first.html  # kept, as it was published
    assert client.get(f"{PORTAL}/2021/").status_code == 404
    assert f"{PORTAL}/2021/" not in client.get(f"{PORTAL}/").content.decode()
    entry = AuditEntry.objects.get(action="annual.withdraw_report")
    assert entry.actor == staff["head"] and entry.note == "表三数据有误，更正后重新发布"
    assert entry.object_type == "annual.reportpublication" and entry.object_id == str(first.pk)
    with pytest.raises(AnnualError, match="已撤回"):
        publishing.withdraw_report(staff["head"], first, "再次")  # once: the second is refused, not audited
    assert AuditEntry.objects.filter(action="annual.withdraw_report").count() == 1

    corrected = publishing.publish_report(staff["head"], hy, 2021, confirmed=True)
    assert client.get(f"{PORTAL}/2021/").status_code == 200
    assert publishing.publications(hy, 2021) == [corrected, first]


def test_the_annual_page_shows_publishing_and_withdrawing_to_the_head_only(staff: dict[str, Any]) -> None:
    hy = staff["hy"]
    head, clerk = _login(staff["head"]), _login(staff["clerk"])
    page = head.get(f"/annual/{hy.pk}/2021/").content.decode()
    assert "尚未发布" in page and f'action="/annual/{hy.pk}/2021/publish/"' in page
    assert "/withdraw/" not in page  # nothing to withdraw yet
    head.post(f"/annual/{hy.pk}/2021/publish/", {"confirmed": "1"})
    page = head.get(f"/annual/{hy.pk}/2021/").content.decode()
    assert f'action="/annual/{hy.pk}/2021/withdraw/"' in page and "撤回理由" in page
    assert "发布年度报告" in page and "annual.publish_report" not in page  # the history, in words
    assert "/publish/" not in clerk.get(f"/annual/{hy.pk}/2021/").content.decode()  # the clerk sees no button

    assert clerk.post(f"/annual/{hy.pk}/2021/withdraw/", {"reason": "有误"}).status_code == 403
    assert _login(staff["cn_head"]).post(f"/annual/{hy.pk}/2021/withdraw/", {"reason": "有误"}).status_code == 404
    head.post(f"/annual/{hy.pk}/2021/withdraw/", {"reason": ""})  # no reason: refused, with the message
    assert ReportPublication.objects.get(agency=hy, year=2021).withdrawn is False
    response = head.post(f"/annual/{hy.pk}/2021/withdraw/", {"reason": "含不应公开的个人信息"}, follow=True)
    assert "已从门户网站撤回" in response.content.decode()
    assert ReportPublication.objects.get(agency=hy, year=2021).withdrawn is True
    page = head.get(f"/annual/{hy.pk}/2021/").content.decode()
    assert "尚未发布" in page and "撤回年度报告 · 含不应公开的个人信息" in page


def test_publishing_and_withdrawing_over_the_api(staff: dict[str, Any]) -> None:
    hy = staff["hy"]
    head = _login(staff["head"])
    held = head.post(f"/api/reports/{hy.pk}/2021/publish")
    assert held.status_code == 400 and held.json()["code"] == "annual" and "确认" in held.json()["detail"]
    done = head.post(f"/api/reports/{hy.pk}/2021/publish?confirmed=true")
    assert done.status_code == 200 and done.json()["year"] == 2021 and done.json()["withdrawn"] is False
    # The address the registry served publishing at still answers, as before.
    again = head.post(f"/api/registry/reports/{hy.pk}/2021/publish?confirmed=true")
    assert again.status_code == 200 and again.json()["id"] != done.json()["id"]
    body = json.dumps({"reason": ""})
    assert head.post(f"/api/reports/{hy.pk}/2021/withdraw", body, content_type="application/json").status_code == 400
    body = json.dumps({"reason": "数据有误"})
    withdrawn = head.post(f"/api/reports/{hy.pk}/2021/withdraw", body, content_type="application/json")
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn"] is True
    assert head.post(f"/api/reports/{hy.pk}/2021/withdraw", body, content_type="application/json").status_code == 404
    clerk = _login(staff["clerk"])
    assert clerk.post(f"/api/reports/{hy.pk}/2021/publish?confirmed=true").status_code == 403
