"""The office's pages of the registry: drafting, review, publication, the life of documents, table 二.

Thin: each action calls one function of ``services`` (or ``figures``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ...report.templates import TABLES_BY_KEY, template_for_year
from ..accounts.permissions import (
    PermissionDenied,
    may_approve,
    may_change_agency_records,
    may_view_agency_records,
    role_of,
    scope,
)
from ..agencies.models import Agency
from ..audit.labels import labelled_history
from . import figures, services
from .categories import CATEGORY_BY_KEY, GUIDE
from .files import AttachmentError
from .forms import ApproveForm, DateNoteForm, ItemForm, PublishForm, ReasonForm, ReturnForm
from .guide import as_text, default_guide
from .models import EDITABLE_STATUSES, ActiveFigures, Attachment, Item, Status
from .tables import COUNTED_ROWS, active_table


def _item_for(request: HttpRequest, pk: int) -> Item:
    item = get_object_or_404(Item.objects.select_related("agency", "interprets"), pk=pk)
    if not may_view_agency_records(request.user, item.agency):
        raise Http404  # the same answer as an item that does not exist
    return item


@login_required
def item_list(request: HttpRequest) -> HttpResponse:
    items = scope(request.user, Item.objects.select_related("agency"))
    status = request.GET.get("status", "")
    if status in Status.values:
        items = items.filter(status=status)
    if q := request.GET.get("q", "").strip():
        items = items.filter(title__icontains=q)
    page = Paginator(items.order_by("-updated_at", "-id"), 50).get_page(request.GET.get("page"))
    agency = getattr(request.user, "agency", None) if role_of(request.user) in ("clerk", "head") else None
    return render(
        request,
        "registry/list.html",
        {
            "page": page,
            "statuses": Status.choices,
            "status": status,
            "q": q,
            "can_draft": agency is not None and may_change_agency_records(request.user, agency),
            "agency": agency,
            "year": dt.date.today().year,
        },
    )


def _fields(form: ItemForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}


@login_required
def item_new(request: HttpRequest) -> HttpResponse:
    agency = getattr(request.user, "agency", None)
    if agency is None or not may_change_agency_records(request.user, agency):
        raise HttpForbidden("只有公开办人员可以拟稿")
    initial: dict[str, Any] = {"made_on": dt.date.today()}
    if request.GET.get("category") == GUIDE:  # the 公开指南 starts from the default text for this kind of agency
        initial |= {
            "category": GUIDE,
            "title": f"{agency.name}政府信息公开指南",
            "body": as_text(default_guide(agency)),
        }
    form = ItemForm(request.POST or None, agency=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.create_item(request.user, agency, **_fields(form))
        except services.RegistryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"已保存草稿，索引号 {item.index_number}")
            return redirect("registry:detail", pk=item.pk)
    return render(request, "registry/edit.html", {"form": form, "agency": agency, "item": None})


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_for(request, pk)
    if not may_change_agency_records(request.user, item.agency) or item.status not in EDITABLE_STATUSES:
        raise HttpForbidden("此事项当前不能修改")
    initial = {name: getattr(item, name) for name in services.EDITABLE_FIELDS}
    form = ItemForm(request.POST or None, agency=item.agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_item(request.user, item, **_fields(form))
        except services.RegistryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已保存")
            return redirect("registry:detail", pk=item.pk)
    return render(request, "registry/edit.html", {"form": form, "agency": item.agency, "item": item})


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_for(request, pk)
    office = may_change_agency_records(request.user, item.agency)
    reviewer = may_approve(request.user, item.agency) and item.drafted_by_id != request.user.pk
    return render(
        request,
        "registry/detail.html",
        {
            "item": item,
            "category": CATEGORY_BY_KEY.get(item.category),
            "office": office,
            "reviewer": reviewer,
            "head": may_approve(request.user, item.agency),
            "editable": office and item.status in EDITABLE_STATUSES,
            "attachments": item.attachments.all(),
            "history": labelled_history(item),
            "return_form": ReturnForm(),
            "approve_form": ApproveForm(
                initial={"attribute": item.attribute, "attribute_reason": item.attribute_reason}
            ),
            "date_form": DateNoteForm(initial={"on": dt.date.today()}),
            "reason_form": ReasonForm(),
            "publish_form": PublishForm(),
            "interpretations": item.interpretations.all(),
            "is_document": item.is_document,
            "publish_by": services.publish_by(item) if item.attribute == "proactive" else None,
            "today": dt.date.today(),
            "portal_url": f"/portal/{services.agency_key(item.agency)}/items/{item.serial_key}/",
        },
    )


def _run(request: HttpRequest, item: Item, action: str) -> str:
    post = request.POST
    actions: dict[str, Callable[[], Any]] = {
        "submit": lambda: services.submit(request.user, item),
        "return": lambda: services.send_back(request.user, item, post.get("comment", "")),
        "approve": lambda: services.approve(
            request.user,
            item,
            post.get("comment", ""),
            attribute=post.get("attribute") or None,
            reason=post.get("attribute_reason"),
        ),
        "publish": lambda: services.publish(request.user, item, _date(post.get("on")) or None),
        "withdraw": lambda: services.withdraw(request.user, item, post.get("reason", "")),
        "repeal": lambda: services.repeal(
            request.user, item, _date(post.get("on")) or dt.date.today(), post.get("note", "")
        ),
        "amend": lambda: services.amend(
            request.user, item, _date(post.get("on")) or dt.date.today(), post.get("note", "")
        ),
    }
    if action == "attach":
        upload = request.FILES.get("file")
        if upload is None:
            raise services.RegistryError("请选择文件 / choose a file")
        services.add_attachment(request.user, item, upload.name or "file", upload.read())
        return "已上传附件"
    if action not in actions:
        raise Http404
    actions[action]()
    return {
        "submit": "已提交审核",
        "return": "已退回拟稿人",
        "approve": "审核通过",
        "publish": "已发布",
        "withdraw": "已撤回",
        "repeal": "已登记废止",
        "amend": "已登记修订",
    }[action]


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise services.RegistryError(f"日期格式不对：{value} / not a date (YYYY-MM-DD)") from None


@login_required
@require_POST
def item_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    item = _item_for(request, pk)
    try:
        done = _run(request, item, action)
    except PermissionDenied as error:
        raise HttpForbidden(str(error)) from None
    except (services.RegistryError, AttachmentError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("registry:detail", pk=item.pk)


@login_required
@require_POST
def detach(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = get_object_or_404(Attachment.objects.select_related("item__agency"), pk=pk)
    if not may_view_agency_records(request.user, attachment.item.agency):
        raise Http404
    try:
        services.remove_attachment(request.user, attachment)
    except PermissionDenied as error:
        raise HttpForbidden(str(error)) from None
    except services.RegistryError as error:
        messages.error(request, str(error))
    return redirect("registry:detail", pk=attachment.item_id)


@login_required
def attachment_file(request: HttpRequest, pk: int) -> FileResponse:
    """Staff read any attachment of their agencies (the public one goes through the portal)."""
    attachment = get_object_or_404(Attachment.objects.select_related("item__agency"), pk=pk)
    if not may_view_agency_records(request.user, attachment.item.agency):
        raise Http404
    return FileResponse(
        attachment.file.open("rb"), content_type=attachment.content_type, as_attachment=True, filename=attachment.name
    )


@login_required
def table(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    """Table 二 of a year: counted rows from the registry, entered rows with their sources."""
    agency = get_object_or_404(Agency, pk=agency_pk)
    if not may_view_agency_records(request.user, agency) or not 2008 <= year <= 2200:
        raise Http404
    office = may_change_agency_records(request.user, agency)
    if request.method == "POST":
        if not office:
            raise HttpForbidden
        template = template_for_year(year)
        values = {
            row.key: {f.key: request.POST.get(f"{row.key}-{f.key}", "") for f in row.fields}
            for row in template.active_rows
            if row.key not in COUNTED_ROWS
        }
        sources = {row.key: request.POST.get(f"{row.key}-source", "") for row in template.active_rows}
        try:
            figures.save_figures(request.user, agency, year, values, sources)
        except services.RegistryError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "已保存")
        return redirect("registry:table", agency_pk=agency.pk, year=year)
    template = template_for_year(year)
    active = active_table(agency, year, template)
    stored = ActiveFigures.objects.filter(agency=agency, year=year).first()
    rows = [
        {
            "row": row,
            "counted": row.key in COUNTED_ROWS,
            "cells": [(f, active[row.key][f.key]) for f in row.fields],
            "source": (stored.sources if stored else {}).get(row.key, ""),
        }
        for row in template.active_rows
    ]
    return render(
        request,
        "registry/table.html",
        {
            "agency": agency,
            "year": year,
            "template": template,
            "rows": rows,
            "office": office,
            "table": TABLES_BY_KEY["active"],
            "head": may_approve(request.user, agency),
        },
    )
