from __future__ import annotations

from django.contrib import admin

from .models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("created_at", "channel", "recipient_label", "subject", "status", "sent_at")
    list_filter = ("channel", "status", "event")
    search_fields = ("subject", "dedupe_key")
    readonly_fields = tuple(f.name for f in Message._meta.fields)
