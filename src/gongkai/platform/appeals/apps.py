from __future__ import annotations

from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "gongkai.platform.appeals"
    label = "appeals"
    verbose_name = "行政复议和行政诉讼"
