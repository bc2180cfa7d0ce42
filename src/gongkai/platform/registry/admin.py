from __future__ import annotations

from django.contrib import admin

from ..audit.admin_base import ServiceOnlyAdmin, ServiceOnlyInline
from .models import ActiveFigures, Attachment, Item


class AttachmentInline(ServiceOnlyInline):
    model = Attachment
    exclude = ("text",)


@admin.register(Item)
class ItemAdmin(ServiceOnlyAdmin):
    """Read only: an item changes through the registry (review, confidentiality scan, audit trail)."""

    list_display = ("index_number", "title", "category", "attribute", "status", "published_on")
    list_filter = ("status", "category", "attribute")
    search_fields = ("index_number", "title", "doc_number")
    raw_id_fields = ("agency", "interprets", "drafted_by", "reviewed_by")
    inlines = (AttachmentInline,)


@admin.register(ActiveFigures)
class ActiveFiguresAdmin(ServiceOnlyAdmin):
    list_display = ("agency", "year", "updated_at")
    raw_id_fields = ("agency",)
