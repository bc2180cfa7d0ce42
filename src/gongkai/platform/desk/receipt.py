"""条例 第三十一条: the day an application counts as received, by the way it arrived."""

from __future__ import annotations

import datetime as dt

from django.db import models

from ..errors import RuleError


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "当面提交"
    REGISTERED_POST = "registered_post", "邮寄（需签收）"
    ORDINARY_POST = "ordinary_post", "平信邮寄"
    ONLINE = "online", "互联网渠道"
    FAX = "fax", "政府信息公开工作机构的传真"


RULES: dict[str, str] = {
    Channel.IN_PERSON: "当面提交的，以提交之日为收到申请之日",
    Channel.REGISTERED_POST: "以邮寄方式提交、需要签收的，以行政机关签收之日为收到申请之日",
    Channel.ORDINARY_POST: "以平常信函等无需签收的邮寄方式提交的，以行政机关与申请人确认之日为收到申请之日",
    Channel.ONLINE: "通过互联网渠道提交的，以双方确认之日为收到申请之日",
    Channel.FAX: "通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日",
}


class ReceiptError(RuleError):
    code = "receipt"


def receipt_date(
    channel: str,
    *,
    submitted_on: dt.date | None = None,
    signed_on: dt.date | None = None,
    confirmed_on: dt.date | None = None,
) -> dt.date | None:
    """The statutory receipt date, or ``None`` while the event that fixes it has not happened yet."""
    if channel == Channel.IN_PERSON:
        if submitted_on is None:
            raise ReceiptError("当面提交须有提交日期 / an application handed in needs its date")
        return submitted_on
    if channel == Channel.REGISTERED_POST:
        return signed_on
    if channel in (Channel.ORDINARY_POST, Channel.ONLINE, Channel.FAX):
        return confirmed_on
    raise ReceiptError(f"未知的提交方式 / unknown channel {channel!r}")
