from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Application, Consultation


class ConsultationInline(admin.TabularInline):
    model = Consultation
    extra = 0
    can_delete = False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read only: cases change through the desk's service functions (and the audit trail)."""

    list_display = ("tracking_code", "agency", "status", "receipt_date", "due_date", "outcome")
    list_filter = ("status", "channel", "outcome")
    search_fields = ("tracking_code", "description")
    raw_id_fields = ("agency", "applicant_user")
    inlines = (ConsultationInline,)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
