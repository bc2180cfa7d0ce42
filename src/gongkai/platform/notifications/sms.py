"""SMS through a pluggable backend (``GONGKAI_SMS_BACKEND``, a dotted class path): the project ships no
vendor's client and no credentials. A deployment writes a small subclass of ``SmsBackend`` for its
gateway; ``key`` is the message's dedupe key, for gateways that accept a client-side message id.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

log = logging.getLogger("gongkai.sms")


class SmsBackend:
    def send(self, phone: str, text: str, key: str) -> None:
        raise NotImplementedError


class LoggingBackend(SmsBackend):
    """Sends nothing: logs the text and appends it to <data dir>/sms.log (the demo's SMS outbox)."""

    def send(self, phone: str, text: str, key: str) -> None:
        masked = phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"
        log.info("SMS %s → %s: %s", key, masked, text)
        with (Path(settings.DATA_DIR) / "sms.log").open("a", encoding="utf-8") as out:
            out.write(f"{dt.datetime.now().isoformat(timespec='seconds')}\t{key}\t{masked}\t{text}\n")


@cache
def _backend(path: str) -> SmsBackend:
    return import_string(path)()


def backend() -> SmsBackend:
    return _backend(settings.SMS_BACKEND)


def quiet_until(now: dt.datetime) -> dt.datetime | None:
    """During the quiet hours (``GONGKAI_SMS_QUIET_HOURS``, e.g. "22-8", local time): when they end."""
    spec = str(settings.SMS_QUIET_HOURS or "").strip()
    if not spec:
        return None
    start, end = (int(part) for part in spec.split("-", 1))
    local = timezone.localtime(now)
    hour = local.hour
    quiet = (start <= hour or hour < end) if start > end else (start <= hour < end)
    if not quiet:
        return None
    day = local.date() + dt.timedelta(days=1) if hour >= end and start > end else local.date()
    return local.replace(year=day.year, month=day.month, day=day.day, hour=end, minute=0, second=0, microsecond=0)
