from __future__ import annotations

from django.contrib import admin

from .models import ActiveFigures, Attachment, Item, ReportPublication


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ("name", "content_type", "size")


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    # Read-mostly: state changes go through the services (review, audit trail), not the admin.
    list_display = ("index_number", "title", "category", "attribute", "status", "published_on")
    list_filter = ("status", "category", "attribute")
    search_fields = ("index_number", "title", "doc_number")
    raw_id_fields = ("agency", "interprets", "drafted_by", "reviewed_by")
    readonly_fields = ("status", "published_on", "reviewed_by", "reviewed_at", "scan_findings")
    inlines = (AttachmentInline,)


@admin.register(ActiveFigures)
class ActiveFiguresAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "updated_at")
    raw_id_fields = ("agency",)


@admin.register(ReportPublication)
class ReportPublicationAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "published_at", "withdrawn")
    raw_id_fields = ("agency",)
    exclude = ("html",)
