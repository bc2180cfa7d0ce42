from __future__ import annotations

from django.contrib import admin

from ..audit.admin_base import ServiceOnlyAdmin
from .models import AnnualReport


@admin.register(AnnualReport)
class AnnualReportAdmin(ServiceOnlyAdmin):
    """Changed by the annual pages (save, import): read only here."""

    list_display = ("agency", "year", "source", "updated_at")
    list_filter = ("source", "year")
    raw_id_fields = ("agency",)
