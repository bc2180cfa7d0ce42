from __future__ import annotations

from django.apps import AppConfig


class AnnualConfig(AppConfig):
    name = "gongkai.platform.annual"
    label = "annual"
    verbose_name = "年度报告"
