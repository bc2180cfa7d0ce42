from __future__ import annotations

from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "gongkai.platform.desk"
    label = "desk"
    verbose_name = "依申请公开"
