from __future__ import annotations

from django.contrib import admin

from ..audit.admin_base import AuditedAdmin
from .models import Agency


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ("name", "code", "kind", "parent", "depth")
    list_filter = ("kind", "depth")
    search_fields = ("name", "code")
    raw_id_fields = ("parent",)
