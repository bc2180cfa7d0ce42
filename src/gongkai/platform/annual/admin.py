from __future__ import annotations

from django.contrib import admin

from .models import AnnualReport


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "source", "updated_at")
    list_filter = ("source", "year")
    raw_id_fields = ("agency",)
