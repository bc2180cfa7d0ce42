"""The agency tree: who sits under whom. Public (names and contacts of agencies are public)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Agency


def agency_list(request: HttpRequest) -> HttpResponse:
    roots = Agency.objects.filter(depth__lte=2).order_by("path")
    return render(request, "agencies/list.html", {"agencies": roots})


def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    context = {
        "agency": agency,
        "ancestors": agency.ancestors(),
        "children": agency.children.order_by("kind", "name"),
        "subtree_size": agency.subtree().count(),
    }
    return render(request, "agencies/detail.html", context)
