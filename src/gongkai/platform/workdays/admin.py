from __future__ import annotations

from django.contrib import admin

from .models import ScheduleDay, YearSchedule


class ScheduleDayInline(admin.TabularInline):
    model = ScheduleDay
    extra = 0


@admin.register(YearSchedule)
class YearScheduleAdmin(admin.ModelAdmin):
    list_display = ("year", "document", "entered_at")
    inlines = (ScheduleDayInline,)
