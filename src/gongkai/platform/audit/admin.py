from __future__ import annotations

from django.contrib import admin

from .admin_base import ServiceOnlyAdmin
from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ServiceOnlyAdmin):
    """Read only: the trail is written by ``record`` and never edited."""

    list_display = ("at", "actor_label", "action", "object_type", "object_label", "ip")
    list_filter = ("action", "object_type")
    search_fields = ("object_label", "actor_label", "object_id")
