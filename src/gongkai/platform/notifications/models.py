"""One message to one recipient on one channel: the in-app inbox, e-mail or SMS.

``dedupe_key`` is unique: whatever asks for a message (an event's job retried after a worker died, a
digest scheduled twice) asks with the same key and finds the message already there, so nothing is
sent twice. ``status`` is the delivery's own small state machine: pending → sending → sent, with held
(SMS quiet hours), failed (after the retries) and unconfirmed (a worker died while the message was
with the mail server or SMS gateway: never resent on its own, an administrator checks it).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models


class Channel(models.TextChoices):
    INBOX = "inbox", "站内消息"
    EMAIL = "email", "电子邮件"
    SMS = "sms", "短信"


class Status(models.TextChoices):
    PENDING = "pending", "待发送"
    HELD = "held", "静默时段暂缓"
    SENDING = "sending", "发送中"
    SENT = "sent", "已发送"
    FAILED = "failed", "发送失败"
    UNCONFIRMED = "unconfirmed", "结果不明，待核实"


class Message(models.Model):
    dedupe_key = models.CharField("去重键", max_length=200, unique=True)
    event = models.CharField("事由", max_length=80, db_index=True)  # desk.ask_clarification, digest …
    channel = models.CharField("渠道", max_length=10, choices=Channel.choices)
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="收件用户",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
    )
    recipient_address = models.CharField("收件地址", max_length=200, blank=True)  # e-mail or phone number
    recipient_label = models.CharField("收件人", max_length=200)  # 申请人 / 经办人 张三 …
    subject = models.CharField("标题", max_length=300)
    body = models.TextField("正文")
    link = models.CharField("链接", max_length=500, blank=True)
    attach_letter = models.BooleanField("附答复告知书", default=False)
    case = models.ForeignKey(
        "desk.Application", verbose_name="申请", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField("状态", max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    not_before = models.DateTimeField("最早发送时间", null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)
    error = models.TextField("错误", blank=True)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)

    objects: ClassVar[models.Manager[Message]] = models.Manager()

    class Meta:
        verbose_name = "消息"
        verbose_name_plural = "消息"
        ordering = ("-created_at", "-id")
        indexes = (
            models.Index(fields=["recipient_user", "channel", "read_at"], name="notif_inbox"),
            models.Index(fields=["status", "not_before"], name="notif_waiting"),
            models.Index(fields=["channel", "-created_at"], name="notif_outbox"),
        )

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient_label}：{self.subject}"
