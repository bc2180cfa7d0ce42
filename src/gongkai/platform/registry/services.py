"""Every change to a registry item: permission, rule, change, audit entry — in one transaction.

The review before publishing (条例 第十七条): a drafter (the office's clerk) proposes an item with its
disclosure attribute; the reviewer (the office's head, never the drafter) checks it — helped by the
automatic scan for personal data and secrecy marks — and approves it or sends it back with a
comment; only an approved, proactively disclosed item can be published. Withdrawing a published
item takes it off the portal and out of the search index, and keeps its record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_approve, may_change_agency_records
from ..agencies.models import Agency
from ..audit.labels import Action
from ..audit.services import record, snapshot
from ..errors import RuleError
from ..locking import Conflict, lock_unchanged
from . import files, search
from .categories import CATEGORY_BY_KEY, DOCUMENT_CATEGORIES, INTERPRETATION
from .item_scan import scan_item
from .models import EDITABLE_STATUSES, Attachment, Attribute, IndexCounter, Item, Status
from .scan import blocking

TRACKED = (
    "status",
    "attribute",
    "attribute_reason",
    "published_on",
    "repealed_on",
    "amended_on",
    "expires_on",
    "review_comment",
    "withdrawn_reason",
)
EDITABLE_FIELDS = (
    "category",
    "title",
    "doc_number",
    "issuer",
    "summary",
    "body",
    "made_on",
    "expires_on",
    "interprets",
    "attribute",
    "attribute_reason",
)


class RegistryError(RuleError):
    """A step the rules do not allow now (message in Chinese and English)."""

    code = "registry"


class RegistryConflict(Conflict, RegistryError):
    """The item is not, or no longer, in a state that allows the step (HTTP 409)."""


def _hold(item: Item) -> None:
    """Inside the change's transaction: the item is still as the caller checked it, and stays so."""
    lock_unchanged(item, (*TRACKED, *EDITABLE_FIELDS), RegistryConflict)


def _step(actor: Actor, item: Item, action: Action, change: Callable[[], object], note: str = "") -> Item:
    """One step of the item's life, the one way every step is taken: hold the item as the caller
    checked it, ``change`` it (a refusal raised there leaves it as stored), save it and write the
    audit entry with the tracked fields before and after, in one transaction."""
    with transaction.atomic():
        _hold(item)
        before = snapshot(item, TRACKED)
        change()
        item.save()
        record(actor, action, item, before=before, after=snapshot(item, TRACKED), note=note)
    return item


def today() -> dt.date:
    return timezone.localdate()


def publish_by(item: Item) -> dt.date:
    """条例 第二十六条: proactively disclosed information is published within 20 working days of being made."""
    from ..workdays.calendar import WorkCalendar

    return WorkCalendar.from_database().add_workdays(item.made_on, 20)


def agency_key(agency: Agency) -> str:
    """The agency part of 索引号 and of portal addresses: its code, or ``id<pk>`` when it has none."""
    return agency.code or f"id{agency.pk}"


def next_serial(agency: Agency, year: int) -> int:
    """The next 索引号 serial of ``agency`` in ``year``; race-safe: the UPDATE locks the counter row
    until the caller's transaction ends (PostgreSQL: row lock; SQLite: the write lock)."""
    for _ in range(3):
        updated = IndexCounter.objects.filter(agency=agency, year=year).update(last=F("last") + 1)
        if updated:
            return IndexCounter.objects.get(agency=agency, year=year).last
        try:
            with transaction.atomic():
                IndexCounter.objects.create(agency=agency, year=year, last=0)
        except IntegrityError:
            pass  # another transaction made it first: take the UPDATE path again
    raise RegistryError("无法生成索引号，请重试 / could not allocate an index number, try again")


# -- helpers ---------------------------------------------------------------------------------------


def _require_drafter(actor: Actor, agency: Agency) -> None:
    if not may_change_agency_records(actor, agency):
        raise PermissionDenied("只有本机关政府信息公开工作机构的人员可以拟稿 / only the agency's office drafts items")


def _require_reviewer(actor: Actor, item: Item) -> None:
    if not may_approve(actor, item.agency):
        raise PermissionDenied("只有本机关政府信息公开工作机构负责人可以审核 / only the office's head reviews items")
    if item.drafted_by_id is not None and actor is not None and item.drafted_by_id == actor.pk:
        raise PermissionDenied("拟稿人不能审核自己拟的稿件 / the drafter may not review their own item")


def _require_status(item: Item, *allowed: str) -> None:
    if item.status not in allowed:
        names = "、".join(Status(s).label for s in allowed)
        raise RegistryConflict(
            f"“{item.title}”当前为“{item.get_status_display()}”，此操作只适用于：{names} / "
            f"not allowed while the item is {item.status}"
        )


def _clean(agency: Agency, fields: dict[str, Any], item: Item | None = None) -> dict[str, Any]:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise RegistryError(f"不能修改这些字段 / fields not editable: {sorted(unknown)}")
    merged = {name: getattr(item, name) for name in EDITABLE_FIELDS} if item else {}
    merged.update(fields)
    category = merged.get("category") or ""
    if category not in CATEGORY_BY_KEY:
        raise RegistryError(f"没有这个分类 / no such category: {category!r}")
    if not (merged.get("title") or "").strip():
        raise RegistryError("名称不能为空 / the title is required")
    made_on = merged.get("made_on")
    if not isinstance(made_on, dt.date):
        raise RegistryError("请填写成文日期 / the date made is required")
    if made_on > today():
        raise RegistryError("成文日期不能晚于今天 / the date made cannot be in the future")
    expires_on = merged.get("expires_on")
    if expires_on is not None and expires_on < made_on:
        raise RegistryError("有效期不能早于成文日期 / it cannot expire before it was made")
    attribute = merged.get("attribute") or Attribute.PROACTIVE
    if attribute not in Attribute.values:
        raise RegistryError(f"没有这个公开属性 / no such disclosure attribute: {attribute!r}")
    if attribute != Attribute.PROACTIVE and not (merged.get("attribute_reason") or "").strip():
        raise RegistryError("依申请公开或不予公开须说明理由 / a reason is required unless proactively disclosed")
    interprets = merged.get("interprets")
    if category == INTERPRETATION:
        if interprets is None:
            raise RegistryError("政策解读须关联所解读的文件 / an interpretation must link the document it explains")
        if interprets.category == INTERPRETATION:
            raise RegistryError("政策解读不能解读另一篇解读 / an interpretation explains a document, not another one")
    elif interprets is not None:
        raise RegistryError("只有政策解读可以关联被解读的文件 / only an interpretation links a document")
    if interprets is not None and item is not None and interprets.pk == item.pk:
        raise RegistryError("不能解读自己 / an item cannot interpret itself")
    clean = dict(fields)
    if "issuer" in clean or item is None:  # an empty 发文机关 is the agency itself
        clean["issuer"] = (clean.get("issuer") or "").strip() or agency.name
    clean["attribute"] = attribute
    for text in ("title", "doc_number", "issuer"):
        if text in clean and isinstance(clean[text], str):
            clean[text] = clean[text].strip()
    return clean


def _scan(item: Item) -> list[dict[str, object]]:
    return scan_item(item)


def _refuse_blocking(item: Item, findings: list[dict[str, object]], attribute: str | None = None) -> None:
    """Refuse a 主动公开 item (``attribute``: the one about to be given, else the item's) with findings."""
    found = blocking(findings)
    if found and (attribute or item.attribute) == Attribute.PROACTIVE:
        kinds = "、".join(dict.fromkeys(str(f["label"]) for f in found))
        places = "、".join(dict.fromkeys(str(f["where"]) for f in found))
        raise RegistryError(
            f"“{item.title}”的{places}含有{kinds}，请退回拟稿人删除或遮盖后再审核 / "
            "personal data or secrecy marks found: send it back to be removed"
        )


def index_text(item: Item) -> str:
    """What the search finds an item by: 索引号, 文号, 名称, 概述, 正文 and its attachments' text."""
    parts = [item.index_number, item.doc_number, item.title, item.summary, item.body]
    parts += [a.text for a in item.attachments.all()]
    return "\n".join(p for p in parts if p)


# -- drafting ----------------------------------------------------------------------------------------


def create_item(actor: Actor, agency: Agency, **fields: Any) -> Item:
    """A new draft in ``agency``'s catalogue, with its 索引号 (``code/year-serial``)."""
    _require_drafter(actor, agency)
    clean = _clean(agency, fields)
    with transaction.atomic():
        year = clean["made_on"].year
        serial = next_serial(agency, year)
        item = Item(
            agency=agency,
            index_year=year,
            index_serial=serial,
            index_number=f"{agency_key(agency)}/{year}-{serial}",
            drafted_by=stored_user(actor),
            **clean,
        )
        item.save()
        record(actor, Action.REGISTRY_CREATE, item, after=snapshot(item, ("index_number", *TRACKED)))
    return item


def update_item(actor: Actor, item: Item, **fields: Any) -> Item:
    _require_drafter(actor, item.agency)
    _require_status(item, *EDITABLE_STATUSES)
    clean = _clean(item.agency, fields, item)
    with transaction.atomic():
        _hold(item)
        names = [n for n in clean if n in EDITABLE_FIELDS]
        before = snapshot(item, names)
        for name, value in clean.items():
            setattr(item, name, value)
        item.save()
        record(actor, Action.REGISTRY_UPDATE, item, before=before, after=snapshot(item, names))
    return item


def add_attachment(actor: Actor, item: Item, name: str, data: bytes) -> Attachment:
    _require_drafter(actor, item.agency)
    _require_status(item, *EDITABLE_STATUSES)
    content_type = files.check(name, data)
    with transaction.atomic():
        _hold(item)
        attachment = Attachment(
            item=item, name=name[:200], content_type=content_type, size=len(data), text=files.extract_text(name, data)
        )
        attachment.file.save(name, ContentFile(data), save=False)
        try:
            attachment.save()
            record(actor, Action.REGISTRY_ATTACH, item, after={"attachment": attachment.name, "size": attachment.size})
        except BaseException:
            attachment.file.delete(save=False)  # the row is rolled back: leave no orphan file behind
            raise
    return attachment


def remove_attachment(actor: Actor, attachment: Attachment) -> None:
    item = attachment.item
    _require_drafter(actor, item.agency)
    _require_status(item, *EDITABLE_STATUSES)
    with transaction.atomic():
        _hold(item)
        record(actor, Action.REGISTRY_DETACH, item, before={"attachment": attachment.name})
        attachment.file.delete(save=False)
        attachment.delete()


def submit(actor: Actor, item: Item) -> Item:
    """The drafter proposes the item for review; the automatic scan runs for the reviewer."""
    _require_drafter(actor, item.agency)
    _require_status(item, *EDITABLE_STATUSES)
    with transaction.atomic():
        _hold(item)  # before the scan: no attachment can come in between the scan and the submission
        before = snapshot(item, TRACKED)
        item.scan_findings = _scan(item)
        item.status = Status.SUBMITTED
        item.save()
        record(
            actor,
            Action.REGISTRY_SUBMIT,
            item,
            before=before,
            after=snapshot(item, TRACKED),
            note=f"自动扫描发现 {len(item.scan_findings)} 处需注意的内容" if item.scan_findings else "",
        )
    return item


# -- review ------------------------------------------------------------------------------------------


def send_back(actor: Actor, item: Item, comment: str) -> Item:
    """The reviewer returns the item to the drafter, saying what to fix."""
    _require_reviewer(actor, item)
    _require_status(item, Status.SUBMITTED)
    if not comment.strip():
        raise RegistryError("退回须写明修改意见 / say what to fix when sending an item back")
    return _step(actor, item, Action.REGISTRY_RETURN, lambda: _reviewed(actor, item, Status.RETURNED, comment), comment)


def _reviewed(actor: Actor, item: Item, status: Status, comment: str) -> None:
    item.status = status
    item.review_comment = comment.strip()
    item.reviewed_by = stored_user(actor)
    item.reviewed_at = timezone.now()


def approve(
    actor: Actor, item: Item, comment: str = "", attribute: str | None = None, reason: str | None = None
) -> Item:
    """The reviewer confirms the item and its disclosure attribute (he may change the attribute)."""
    _require_reviewer(actor, item)
    _require_status(item, Status.SUBMITTED)

    def change() -> None:
        # Everything is checked before the item changes: a refusal leaves the caller's item as stored.
        new_attribute, new_reason = item.attribute, item.attribute_reason
        if attribute is not None:
            if attribute not in Attribute.values:
                raise RegistryError(f"没有这个公开属性 / no such disclosure attribute: {attribute!r}")
            new_attribute = attribute
            if reason is not None:
                new_reason = reason
            if attribute != Attribute.PROACTIVE and not new_reason.strip():
                raise RegistryError("依申请公开或不予公开须说明理由 / a reason is required")
        findings = _scan(item)  # the text the reviewer approves, not the one once scanned
        _refuse_blocking(item, findings, new_attribute)
        item.attribute, item.attribute_reason, item.scan_findings = new_attribute, new_reason, findings
        _reviewed(actor, item, Status.APPROVED, comment)

    return _step(actor, item, Action.REGISTRY_APPROVE, change, note=comment)


# -- publication and life ------------------------------------------------------------------------------


def publish(actor: Actor, item: Item, on: dt.date | None = None) -> Item:
    """Put an approved, proactively disclosed item on the portal and into the search index."""
    if not may_change_agency_records(actor, item.agency):
        raise PermissionDenied("只有本机关政府信息公开工作机构可以发布 / only the agency's office publishes")
    _require_status(item, Status.APPROVED)
    if item.attribute != Attribute.PROACTIVE:
        raise RegistryError(
            f"“{item.title}”的公开属性为{item.get_attribute_display()}，不在网站发布 / "
            "only proactively disclosed items are published"
        )
    on = on or today()
    if on > today() or on < item.made_on:
        raise RegistryError("发布日期须在成文日期和今天之间 / the publication date must be between made and today")
    _refuse_blocking(item, _scan(item))  # once more: nothing changed since approval may slip through

    def change() -> None:
        item.status, item.published_on = Status.PUBLISHED, on
        search.index_texts([(item.pk, index_text(item))])

    return _step(actor, item, Action.REGISTRY_PUBLISH, change)


def withdraw(actor: Actor, item: Item, reason: str) -> Item:
    """Take a published item off the portal; its record (and its place in table 二) stays."""
    if not may_approve(actor, item.agency):
        raise PermissionDenied("只有本机关政府信息公开工作机构负责人可以撤回 / only the office's head withdraws")
    _require_status(item, Status.PUBLISHED)
    if not reason.strip():
        raise RegistryError("撤回须说明理由 / a reason is required")

    def change() -> None:
        item.status, item.withdrawn_reason = Status.WITHDRAWN, reason.strip()
        search.remove([item.pk])

    return _step(actor, item, Action.REGISTRY_WITHDRAW, change, note=reason)


def _require_document(item: Item) -> None:
    if item.category not in DOCUMENT_CATEGORIES:
        raise RegistryError(
            "只有规章和规范性文件记录修订和废止 / only rules and normative documents are amended or repealed here"
        )
    _require_status(item, Status.PUBLISHED, Status.WITHDRAWN)


def repeal(actor: Actor, item: Item, on: dt.date, note: str = "") -> Item:
    """The document is repealed (废止) on ``on``: it leaves 现行有效 and counts in that year's 本年废止."""
    if not may_change_agency_records(actor, item.agency):
        raise PermissionDenied("只有本机关政府信息公开工作机构可以登记废止 / only the agency's office records this")
    _require_document(item)
    if item.repealed_on is not None:
        raise RegistryError(f"已于 {item.repealed_on} 废止 / already repealed")
    assert item.published_on is not None
    if on < item.published_on or on > today():
        raise RegistryError("废止日期须在发布日期和今天之间 / the repeal date must be between publication and today")
    if item.expires_on is not None and item.expires_on < on:
        raise RegistryError(f"已于 {item.expires_on} 到期失效，无需废止 / it already expired")

    def change() -> None:
        item.repealed_on = on

    return _step(actor, item, Action.REGISTRY_REPEAL, change, note=note)


def amend(actor: Actor, item: Item, on: dt.date, note: str) -> Item:
    """The document was amended (修订) on ``on``; it stays in force."""
    if not may_change_agency_records(actor, item.agency):
        raise PermissionDenied("只有本机关政府信息公开工作机构可以登记修订 / only the agency's office records this")
    _require_document(item)
    assert item.published_on is not None
    if on < item.published_on or on > today():
        raise RegistryError("修订日期须在发布日期和今天之间 / the amendment date must be between publication and today")
    if not note.strip():
        raise RegistryError("请说明修订内容 / say what was amended")

    def change() -> None:
        item.amended_on = on

    return _step(actor, item, Action.REGISTRY_AMEND, change, note=note)
