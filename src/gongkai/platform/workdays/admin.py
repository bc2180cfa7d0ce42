from __future__ import annotations

from django.contrib import admin

from ..audit.admin_base import ServiceOnlyAdmin, ServiceOnlyInline
from .models import ScheduleDay, YearSchedule


class ScheduleDayInline(ServiceOnlyInline):
    model = ScheduleDay


@admin.register(YearSchedule)
class YearScheduleAdmin(ServiceOnlyAdmin):
    """Entered on the calendar page, which recomputes every due date: read only here."""

    list_display = ("year", "document", "entered_at")
    inlines = (ScheduleDayInline,)
