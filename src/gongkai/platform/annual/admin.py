from __future__ import annotations

from django.contrib import admin

from ..audit.admin_base import ServiceOnlyAdmin
from .models import AnnualReport, ReportPublication


@admin.register(AnnualReport)
class AnnualReportAdmin(ServiceOnlyAdmin):
    """Changed by the annual pages (save, import): read only here."""

    list_display = ("agency", "year", "source", "updated_at")
    list_filter = ("source", "year")
    raw_id_fields = ("agency",)


@admin.register(ReportPublication)
class ReportPublicationAdmin(ServiceOnlyAdmin):
    """Published and withdrawn by the head on the annual report page: read only here."""

    list_display = ("agency", "year", "published_at", "withdrawn")
    raw_id_fields = ("agency",)
    exclude = ("html",)
