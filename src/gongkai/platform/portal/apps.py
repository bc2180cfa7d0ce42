from __future__ import annotations

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gongkai.platform.portal"
    label = "portal"
    verbose_name = "政府信息公开门户"
