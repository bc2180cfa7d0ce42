from __future__ import annotations

from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "gongkai.platform.oversight"
    label = "oversight"
    verbose_name = "监督检查"
