from __future__ import annotations

from django.contrib import admin

from ..audit.admin_base import ServiceOnlyAdmin
from .models import Appeal


@admin.register(Appeal)
class AppealAdmin(ServiceOnlyAdmin):
    """Filed and decided through the appeals pages (they feed table 四): read only here."""

    list_display = ("pk", "agency", "kind", "filed_on", "result", "decided_on")
    list_filter = ("kind", "result")
    raw_id_fields = ("application", "review")
