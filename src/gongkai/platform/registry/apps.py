from __future__ import annotations

from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "gongkai.platform.registry"
    label = "registry"
    verbose_name = "主动公开目录"
