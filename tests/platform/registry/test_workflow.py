"""The review before publishing (条例 第十七条), step by step through the service functions."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.db import connection

from gongkai.platform.accounts.permissions import PermissionDenied
from gongkai.platform.audit.services import history
from gongkai.platform.registry import search, services
from gongkai.platform.registry.models import Attribute, Item, Status
from gongkai.platform.registry.services import RegistryError

from .helpers import publish_item

TODAY = dt.date.today()


def _draft(staff: dict[str, Any], **fields: Any) -> Item:
    fields.setdefault("category", "normative")
    fields.setdefault("title", "海盐县人民政府关于进一步深化“最多跑一次”改革的实施意见")
    fields.setdefault("doc_number", "盐政发〔2021〕12号")
    fields.setdefault("made_on", TODAY - dt.timedelta(days=3))
    fields.setdefault("body", "为深化政务公开，推进“最多跑一次”改革，现提出如下意见。")
    return services.create_item(staff["clerk"], staff["hy"], **fields)


def test_full_workflow_propose_return_fix_approve_publish_withdraw(staff: dict[str, Any]) -> None:
    clerk, head = staff["clerk"], staff["head"]
    item = _draft(staff, body="联系人：张三，手机 13912345678。推进“最多跑一次”改革。")
    assert item.index_number == f"002541000/{item.made_on.year}-1"
    assert item.status == Status.DRAFT and item.issuer == "海盐县人民政府"

    services.submit(clerk, item)
    assert item.status == Status.SUBMITTED
    kinds = {f["kind"] for f in item.scan_findings}
    assert "mobile" in kinds
    assert "13912345678" not in str(item.scan_findings)  # the finding itself masks the number

    # The reviewer cannot approve while personal data is in the text; he sends it back.
    with pytest.raises(RegistryError, match="手机号码"):
        services.approve(head, item)
    with pytest.raises(RegistryError):
        services.send_back(head, item, "  ")
    services.send_back(head, item, "请删除联系人手机号码")
    assert item.status == Status.RETURNED and item.review_comment == "请删除联系人手机号码"
    with pytest.raises(RegistryError):
        services.publish(clerk, item)

    services.update_item(clerk, item, body="推进“最多跑一次”改革，方便群众办事。")
    services.submit(clerk, item)
    assert not item.scan_findings
    services.approve(head, item, "同意主动公开")
    assert item.status == Status.APPROVED and item.reviewed_by == head

    services.publish(clerk, item)
    assert item.status == Status.PUBLISHED and item.published_on == TODAY
    assert search.search("最多跑一次").ids == [item.pk]

    services.withdraw(head, item, "误发")
    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN and item.published_on == TODAY  # the record stays
    assert search.search("最多跑一次").ids == []

    actions = [e.action for e in history(item)]
    assert actions == [
        "registry.create",
        "registry.submit",
        "registry.return",
        "registry.update",
        "registry.submit",
        "registry.approve",
        "registry.publish",
        "registry.withdraw",
    ]
    returned = next(e for e in history(item) if e.action == "registry.return")
    assert returned.actor == head and returned.before["status"] == "submitted"
    assert returned.after["status"] == "returned"


def test_only_the_office_drafts_and_only_its_head_reviews(staff: dict[str, Any]) -> None:
    for outsider in ("cn_clerk", "jx_supervisor", "applicant", "admin"):
        with pytest.raises(PermissionDenied):
            _draft({**staff, "clerk": staff[outsider]})
    item = _draft(staff)
    services.submit(staff["clerk"], item)
    for not_reviewer in ("clerk", "cn_head", "jx_supervisor", "admin"):
        with pytest.raises(PermissionDenied):
            services.approve(staff[not_reviewer], item)
    # A head who drafted an item cannot review it: review needs a second person.
    own = services.create_item(staff["head"], staff["hy"], category="work", title="工作动态", made_on=TODAY)
    services.submit(staff["head"], own)
    with pytest.raises(PermissionDenied, match="拟稿人"):
        services.approve(staff["head"], own)


def test_nothing_is_published_without_approval(staff: dict[str, Any]) -> None:
    item = _draft(staff)
    with pytest.raises(RegistryError):
        services.publish(staff["clerk"], item)
    services.submit(staff["clerk"], item)
    with pytest.raises(RegistryError):
        services.publish(staff["clerk"], item)
    with pytest.raises(RegistryError):  # submitted items are frozen until reviewed
        services.update_item(staff["clerk"], item, title="改名")


def test_attribute_other_than_proactive_needs_a_reason_and_is_never_published(staff: dict[str, Any]) -> None:
    with pytest.raises(RegistryError, match="理由"):
        _draft(staff, attribute=Attribute.NOT_PUBLIC)
    item = _draft(
        staff,
        attribute=Attribute.NOT_PUBLIC,
        attribute_reason="属于内部事务信息（条例第十六条）",
        body="内部管理流程，联系人手机 13912345678",
    )
    services.submit(staff["clerk"], item)
    services.approve(staff["head"], item)  # not for publication: the personal data does not block the record
    with pytest.raises(RegistryError, match="不在网站发布"):
        services.publish(staff["clerk"], item)
    # The reviewer may change the attribute while approving, with a reason.
    other = _draft(staff, title="某事项办理流程")
    services.submit(staff["clerk"], other)
    with pytest.raises(RegistryError):
        services.approve(staff["head"], other, attribute=Attribute.ON_REQUEST, reason="")
    services.approve(staff["head"], other, attribute=Attribute.ON_REQUEST, reason="涉及第三方")
    assert other.attribute == Attribute.ON_REQUEST


def test_interpretation_links_the_document_it_explains(staff: dict[str, Any]) -> None:
    document = publish_item(staff["clerk"], staff["head"], staff["hy"], category="normative", title="实施意见")
    with pytest.raises(RegistryError, match="关联"):
        services.create_item(staff["clerk"], staff["hy"], category="interpretation", title="解读", made_on=TODAY)
    with pytest.raises(RegistryError, match="只有政策解读"):
        services.create_item(
            staff["clerk"], staff["hy"], category="work", title="动态", made_on=TODAY, interprets=document
        )
    reading = publish_item(
        staff["clerk"],
        staff["head"],
        staff["hy"],
        category="interpretation",
        title="《实施意见》政策解读",
        interprets=document,
    )
    assert list(document.interpretations.all()) == [reading]


def test_index_numbers_are_per_agency_and_year(staff: dict[str, Any]) -> None:
    a = _draft(staff, made_on=dt.date(2021, 3, 1))
    b = _draft(staff, made_on=dt.date(2021, 5, 1))
    c = _draft(staff, made_on=dt.date(2022, 1, 5))
    other = services.create_item(staff["cn_clerk"], staff["cn"], category="work", title="x", made_on=TODAY)
    assert (a.index_number, b.index_number, c.index_number) == (
        "002541000/2021-1",
        "002541000/2021-2",
        "002541000/2022-1",
    )
    assert other.index_number == f"id{staff['cn'].pk}/{TODAY.year}-1"  # an agency without a code


def test_dates_are_checked(staff: dict[str, Any]) -> None:
    with pytest.raises(RegistryError, match="成文日期"):
        _draft(staff, made_on=TODAY + dt.timedelta(days=1))
    item = publish_item(
        staff["clerk"], staff["head"], staff["hy"], category="normative", title="办法", on=TODAY - dt.timedelta(days=10)
    )
    with pytest.raises(RegistryError):
        services.repeal(staff["clerk"], item, TODAY - dt.timedelta(days=20))
    services.repeal(staff["clerk"], item, TODAY)
    with pytest.raises(RegistryError, match="已于"):
        services.repeal(staff["clerk"], item, TODAY)
    work = publish_item(staff["clerk"], staff["head"], staff["hy"], title="动态")
    with pytest.raises(RegistryError, match="规章和规范性文件"):
        services.repeal(staff["clerk"], work, TODAY)


@pytest.mark.postgres_only  # the SQLite test database is in memory, one connection
@pytest.mark.django_db(transaction=True)
def test_index_numbers_are_unique_under_concurrent_drafting(staff: dict[str, Any]) -> None:
    """Several offices' workers drafting at once never get the same 索引号."""
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                services.create_item(staff["clerk"], staff["hy"], category="work", title="并发", made_on=TODAY)
        except BaseException as error:  # surfaced below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    serials = sorted(Item.objects.filter(agency=staff["hy"]).values_list("index_serial", flat=True))
    assert serials == list(range(1, 21))


def test_publication_deadline_counts_working_days_on_the_real_calendar(staff: dict[str, Any]) -> None:
    """条例 第二十六条: 20 working days from the day made — across the 2020 National Day holiday, with the
    make-up working days of 27 September (Sunday) and 10 October (Saturday)."""
    item = _draft(staff, made_on=dt.date(2020, 9, 25))
    assert services.publish_by(item) == dt.date(2020, 10, 29)
