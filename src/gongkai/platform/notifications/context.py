"""Template context: the number of unread messages, for the menu (one indexed count)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .models import Channel, Message


def unread(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_messages": Message.objects.filter(
            recipient_user=user, channel=Channel.INBOX, read_at__isnull=True
        ).count()
    }
