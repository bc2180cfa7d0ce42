from __future__ import annotations

from django.contrib import admin

from .models import LetterTemplate


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = ("outcome", "agency", "title", "updated_at")
    list_filter = ("outcome",)
