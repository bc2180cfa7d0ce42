from __future__ import annotations

from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "gongkai.platform.agencies"
    label = "agencies"
    verbose_name = "机关"
