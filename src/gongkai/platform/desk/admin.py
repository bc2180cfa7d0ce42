from __future__ import annotations

from django.contrib import admin

from ..audit.admin_base import ServiceOnlyAdmin, ServiceOnlyInline
from .models import Application, Consultation


class ConsultationInline(ServiceOnlyInline):
    model = Consultation


@admin.register(Application)
class ApplicationAdmin(ServiceOnlyAdmin):
    """Read only: cases change through the desk's service functions (and the audit trail)."""

    list_display = ("tracking_code", "agency", "status", "receipt_date", "due_date", "outcome")
    list_filter = ("status", "channel", "outcome")
    search_fields = ("tracking_code", "description")
    raw_id_fields = ("agency", "applicant_user")
    inlines = (ConsultationInline,)
