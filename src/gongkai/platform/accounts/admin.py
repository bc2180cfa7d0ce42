from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import ApiToken, User


@admin.register(User)
class PlatformUserAdmin(UserAdmin):
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
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "label", "created", "last_used")
    readonly_fields = ("digest",)
