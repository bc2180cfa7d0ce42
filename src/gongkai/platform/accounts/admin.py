from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from ..audit.admin_base import AuditedAdmin
from .models import ApiToken, User


@admin.register(User)
class PlatformUserAdmin(AuditedAdmin, UserAdmin):
    list_display = ("username", "display_name", "role", "agency", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("username", "display_name")
    raw_id_fields = ("agency",)
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("角色 / role", {"fields": ("role", "agency", "display_name", "applicant_type")}),
        ("个人信息 / personal data", {"fields": ("id_number", "phone", "address")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    """Tokens are made by their users; admin may only see and revoke (delete) them, audited."""

    list_display = ("user", "label", "created", "last_used")
    readonly_fields = ("digest",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
