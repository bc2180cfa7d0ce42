"""The 消息 inbox (every signed-in user) and the outbox (administrators: what was, or would have been,
sent by e-mail and SMS — with the addresses masked, since the administrator is not the handling office)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ..accounts.permissions import may_administer
from .models import Channel, Message
from .services import mark_read


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    messages = Message.objects.filter(recipient_user=request.user.pk, channel=Channel.INBOX)
    messages = messages.order_by("-created_at", "-id")
    page = Paginator(messages, 50).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@login_required
@require_POST
def read(request: HttpRequest) -> HttpResponse:
    ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()]
    mark_read(request.user, ids)
    return redirect("notifications:inbox")


def mask(address: str) -> str:
    """z***@example.cn, 138****5678: enough to tell messages apart, not enough to contact anyone."""
    if "@" in address:
        name, domain = address.split("@", 1)
        return f"{name[:1]}***@{domain}"
    return address[:3] + "****" + address[-4:] if len(address) >= 7 else "****"


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    if not may_administer(request.user):
        raise PermissionDenied
    channel = request.GET.get("channel", "")
    messages = Message.objects.exclude(channel=Channel.INBOX).select_related("case", "agency")
    if channel in (Channel.EMAIL, Channel.SMS):
        messages = messages.filter(channel=channel)
    page = Paginator(messages.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    for message in page:
        message.masked = mask(message.recipient_address)  # type: ignore[attr-defined]
    return render(request, "notifications/outbox.html", {"page": page, "channel": channel})
