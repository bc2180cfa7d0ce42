from __future__ import annotations

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "gongkai.platform.notifications"
    label = "notifications"
    verbose_name = "消息通知"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the audit trail's receiver)
