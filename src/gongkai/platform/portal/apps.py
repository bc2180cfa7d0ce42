from __future__ import annotations

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gongkai.platform.portal"
    label = "portal"
    verbose_name = "政府信息公开门户"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from ..agencies.models import Agency
        from .queries import forget_agency

        post_save.connect(forget_agency, sender=Agency, dispatch_uid="portal.forget_agency_saved")
        post_delete.connect(forget_agency, sender=Agency, dispatch_uid="portal.forget_agency_deleted")
