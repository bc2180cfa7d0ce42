"""Store messages once (by their dedupe key) and deliver them at most once.

Delivery claims the message first (pending → sending, one UPDATE: only one worker wins), then hands
it to the mail backend or SMS gateway, then marks it sent and writes it into the case's history. A
worker killed while a message was with the mail server leaves it ``sending``: ``sweep_stale`` marks
it ``unconfirmed`` for an administrator rather than risk sending it twice. A failure to send puts it
back to pending with a later ``not_before`` (the periodic tick retries), failed after ``MAX_ATTEMPTS``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from ..audit.labels import Action
from ..audit.services import record
from . import sms
from .drafts import Draft
from .models import Channel, Message, Status

log = logging.getLogger("gongkai.notifications")
MAX_ATTEMPTS = 5
STALE_AFTER = dt.timedelta(minutes=15)  # longer than any SMTP or gateway call (their timeouts: 30 s)


def store(drafts: Iterable[Draft]) -> list[Message]:
    """The messages of ``drafts``, created once: a draft whose key exists already is the stored one."""
    stored = []
    for draft in drafts:
        fields = {
            "event": draft.event,
            "channel": draft.channel,
            "recipient_user": draft.recipient_user,
            "recipient_address": draft.recipient_address,
            "recipient_label": draft.recipient_label[:200],
            "subject": draft.subject[:300],
            "body": draft.body,
            "link": draft.link,
            "case": draft.case,
            "agency": draft.agency,
            "attach_letter": draft.attach_letter,
        }
        try:
            with transaction.atomic():
                message, _ = Message.objects.get_or_create(dedupe_key=draft.key, defaults=fields)
        except IntegrityError:  # another worker stored it at the same moment
            message = Message.objects.get(dedupe_key=draft.key)
        stored.append(message)
    return stored


def _claim(message: Message, now: dt.datetime) -> bool:
    ready = Q(status__in=(Status.PENDING, Status.HELD)) & (Q(not_before__isnull=True) | Q(not_before__lte=now))
    return bool(
        Message.objects.filter(ready, pk=message.pk).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def _letter(message: Message) -> tuple[str, bytes, str] | None:
    """The reply letter as issued, for an answer's e-mail: its PDF (stored by the letter's job, or
    converted here, in the worker), the DOCX where LibreOffice is missing."""
    from ..letters.issue import latest, pdf_of
    from ..letters.models import LetterKind

    case = message.case
    if case is None or not case.outcome:
        return None
    letter = latest(case, LetterKind.REPLY)
    if letter is None:
        return None
    try:
        return f"答复告知书-{case.tracking_code}.pdf", pdf_of(letter), "application/pdf"
    except Exception as error:  # no LibreOffice here: the DOCX is the same letter
        log.warning("letter PDF for %s: %s; attaching the DOCX", case.tracking_code, error)
        return (
            f"答复告知书-{case.tracking_code}.docx",
            bytes(letter.docx),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )


def _send(message: Message) -> None:
    if message.channel == Channel.EMAIL:
        body = message.body + (f"\n\n{message.link}" if message.link else "")
        email = EmailMessage(
            message.subject,
            body,
            to=[message.recipient_address],
            headers={"Message-ID": f"<{message.dedupe_key.replace(':', '.')}@gongkai>"},
        )
        if message.attach_letter and (letter := _letter(message)) is not None:
            email.attach(*letter)
        email.send()
    elif message.channel == Channel.SMS:
        sms.backend().send(message.recipient_address, message.body, message.dedupe_key)
    # the inbox: the stored message is the delivery


def _history(message: Message) -> None:
    """The case's history shows every message sent about it (the address is not repeated there)."""
    case = message.case
    if case is None:
        return
    record(
        None,
        Action.NOTIFY_SENT,
        case,
        agency=message.agency,
        after={"channel": message.channel, "to": message.recipient_label, "subject": message.subject},
        note=f"{message.get_channel_display()} → {message.recipient_label}：{message.subject}",
    )


def deliver(message: Message, now: dt.datetime | None = None) -> str:
    """Send one message unless it was sent, is being sent, or must wait. Returns its status."""
    now = now or timezone.now()
    if message.channel == Channel.SMS and message.status == Status.PENDING and (until := sms.quiet_until(now)):
        Message.objects.filter(pk=message.pk, status=Status.PENDING).update(status=Status.HELD, not_before=until)
        return Status.HELD
    if not _claim(message, now):
        message.refresh_from_db(fields=["status"])
        return message.status
    message.refresh_from_db()
    try:
        _send(message)
    except Exception as error:
        log.warning("message %s: %s", message.dedupe_key, error)
        failed = message.attempts >= MAX_ATTEMPTS
        Message.objects.filter(pk=message.pk).update(
            status=Status.FAILED if failed else Status.PENDING,
            error=str(error)[:2000],
            not_before=now + dt.timedelta(minutes=5 * 2**message.attempts),
        )
        return Status.FAILED if failed else Status.PENDING
    with transaction.atomic():
        Message.objects.filter(pk=message.pk).update(status=Status.SENT, sent_at=timezone.now(), error="")
        _history(message)
    return Status.SENT


def deliver_waiting(now: dt.datetime | None = None) -> int:
    """Messages left pending (a retry's time came, quiet hours ended, a lost job): send them now."""
    now = now or timezone.now()
    waiting = Message.objects.filter(
        Q(status__in=(Status.PENDING, Status.HELD)), Q(not_before__isnull=True) | Q(not_before__lte=now)
    ).order_by("id")[:500]
    return sum(deliver(message, now) == Status.SENT for message in waiting)


def sweep_stale(now: dt.datetime | None = None) -> int:
    """Claimed long ago and never marked sent: the worker died mid-send. Not resent: checked by a person."""
    now = now or timezone.now()
    return Message.objects.filter(status=Status.SENDING, claimed_at__lt=now - STALE_AFTER).update(
        status=Status.UNCONFIRMED, error="发送进程中断，是否已发出不明 / the worker died while sending"
    )


def mark_read(user: Any, ids: Iterable[int]) -> int:
    return Message.objects.filter(
        recipient_user=user, channel=Channel.INBOX, pk__in=list(ids), read_at__isnull=True
    ).update(read_at=timezone.now())
