from __future__ import annotations

from django.contrib import admin

from .models import Appeal


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ("pk", "agency", "kind", "filed_on", "result", "decided_on")
    list_filter = ("kind", "result")
    raw_id_fields = ("application", "review")
