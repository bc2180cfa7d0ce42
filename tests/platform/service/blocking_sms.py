"""An SMS backend for the worker tests (GONGKAI_SMS_BACKEND): a gateway that hangs while the file
``block`` exists in the data directory (so the test can kill the worker mid-send), and otherwise
records each message it was given in ``sms-sent.log``."""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings

from gongkai.platform.notifications.sms import SmsBackend


class BlockingSms(SmsBackend):
    def send(self, phone: str, text: str, key: str) -> None:
        data = Path(settings.DATA_DIR)
        if (data / "block").exists():
            (data / "sms-started").write_text(key)
            time.sleep(600)
        with (data / "sms-sent.log").open("a", encoding="utf-8") as log:
            log.write(key + "\n")
