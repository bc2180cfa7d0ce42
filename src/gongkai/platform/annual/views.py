"""Annual report pages: the compiled tables with their checks, the office's entries, exports, imports,
and publishing on the portal (the head publishes; withdraws with a reason)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ...render.batch import render_document
from ...report.model import ReportDataError
from ...report.templates import SECTIONS, TABLES_BY_KEY, TEMPLATE_2021
from ..accounts.permissions import (
    PermissionDenied,
    may_administer,
    may_approve,
    may_change_agency_records,
    may_view_agency_records,
    role_of,
    scope,
    supervises,
)
from ..agencies.models import Agency
from ..audit.labels import labelled_history
from . import documents, publishing
from .compile import Compiled, compile_report
from .services import AnnualError, import_report, read_report_file, save_entries

FORMATS = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
}


def may_view_aggregate(user: Any, agency: Agency) -> bool:
    """Everything under ``agency``: its supervisors and administrators."""
    return may_administer(user) or supervises(user, agency)


def _allowed(user: Any, agency: Agency, aggregate: bool) -> bool:
    return may_view_aggregate(user, agency) if aggregate else may_view_agency_records(user, agency)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    agencies = scope(request.user, Agency.objects.all(), agency_prefix="").order_by("path")[:300]
    this_year = dt.date.today().year
    years = list(range(this_year, 2018, -1))
    # Reports are written in January on the year just ended: that is the one most often wanted.
    context = {"agencies": agencies, "years": years, "report_year": this_year - 1}
    return render(request, "annual/index.html", context)


def _compiled_or_404(request: HttpRequest, agency: Agency, year: int, aggregate: bool) -> Compiled:
    if not _allowed(request.user, agency, aggregate):
        raise Http404
    if not 2008 <= year <= 2200:
        raise Http404
    return compile_report(agency, year, aggregate=aggregate)


@login_required
def report_page(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_pk)
    aggregate = request.GET.get("aggregate") == "1"
    compiled = _compiled_or_404(request, agency, year, aggregate)
    report = compiled.report
    template = report.template
    office = not aggregate and may_change_agency_records(request.user, agency)
    context = {
        "agency": agency,
        "year": year,
        "aggregate": aggregate,
        "compiled": compiled,
        "report": report,
        "template": template,
        "office": office,
        "can_aggregate": may_view_aggregate(request.user, agency) and agency.children.exists(),
        "active_rows": [
            (row, [(f, report.active[row.key][f.key]) for f in row.fields]) for row in template.active_rows
        ],
        "request_rows": [(row, report.requests[row.key]) for row in template.request_rows],
        "columns": template.request_columns,
        "appeal_rows": [
            (g, [report.appeals[g.key][f.key] for f in template.appeal_fields]) for g in template.appeal_groups
        ],
        "appeal_fields": template.appeal_fields,
        "sections": [(s, (compiled.stored.sections if compiled.stored else {}).get(s.number, "")) for s in SECTIONS],
        "imported": compiled.stored is not None and compiled.stored.source == "imported",
        "active_url": reverse("registry:table", kwargs={"agency_pk": agency.pk, "year": year}),
        "tables": TABLES_BY_KEY,
    }
    if not aggregate:
        publications = publishing.publications(agency, year)
        context |= {
            "head": may_approve(request.user, agency),
            "publications": publications,
            "current": next((p for p in publications if not p.withdrawn), None),
            "publication_history": sorted(
                (e for p in publications for e in labelled_history(p)), key=lambda e: (e.at, e.id)
            ),
        }
    return render(request, "annual/report.html", context)


@login_required
def export(request: HttpRequest, agency_pk: int, year: int, fmt: str) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_pk)
    aggregate = request.GET.get("aggregate") == "1"
    compiled = _compiled_or_404(request, agency, year, aggregate)
    name = f"report-{agency.pk}-{year}{'-all' if aggregate else ''}"
    if fmt == "json":
        response: HttpResponse = JsonResponse(
            compiled.report.to_dict(), json_dumps_params={"ensure_ascii": False, "indent": 2}
        )
    elif fmt in documents.JOB_FORMATS:  # seconds of LibreOffice: a job renders it, the request never waits
        rendering = documents.rendering_for(agency, year, compiled.report.to_dict(), fmt, aggregate)
        title = f"{compiled.report.agency} {year} 年度报告"
        return documents.download(rendering, f"{name}.{fmt}", title, FORMATS[fmt])
    elif fmt in FORMATS:
        response = HttpResponse(_render(compiled, fmt), content_type=FORMATS[fmt])
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _render(compiled: Compiled, fmt: str) -> bytes:
    # Milliseconds (DOCX 7 ms warm): in the request. PDF is the job's (``documents``, ``tasks``).
    return render_document(compiled.report, fmt)


@login_required
def save(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_pk)
    if request.method != "POST":
        return redirect("annual:report", agency_pk=agency.pk, year=year)
    if not (may_change_agency_records(request.user, agency) or may_administer(request.user)):
        raise HttpForbidden
    # Table 二 is counted and entered on the registry's page (``active_url``); here, the narrative.
    sections = {s.number: request.POST.get(f"section-{s.number}", "") for s in SECTIONS}
    try:
        save_entries(request.user, agency, year, sections=sections)
    except PermissionDenied as error:
        raise HttpForbidden(str(error)) from None
    except AnnualError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "已保存")
    return redirect("annual:report", agency_pk=agency.pk, year=year)


@login_required
def import_view(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_pk)
    if not (may_change_agency_records(request.user, agency) or may_administer(request.user)):
        raise HttpForbidden
    upload = request.FILES.get("file") if request.method == "POST" else None
    if upload is not None:
        suffix = Path(upload.name or "report.json").suffix or ".json"
        with tempfile.TemporaryDirectory(prefix="gongkai-import-") as tmp:
            path = Path(tmp) / f"upload{suffix}"
            path.write_bytes(upload.read())
            try:
                report = read_report_file(path)
                stored = import_report(request.user, agency, report, source=upload.name or "")
            except (ReportDataError, AnnualError) as error:
                messages.error(request, f"{upload.name}: {error}")
            else:
                messages.success(request, f"已导入 {stored.year} 年度报告")
                return redirect("annual:report", agency_pk=agency.pk, year=stored.year)
    carried_forward = TEMPLATE_2021.request_row("carried_forward").label
    return render(
        request,
        "annual/import.html",
        {"agency": agency, "role": role_of(request.user), "carried_forward": carried_forward},
    )


def _agency_or_404(request: HttpRequest, agency_pk: int) -> Agency:
    agency = get_object_or_404(Agency, pk=agency_pk)
    if not may_view_agency_records(request.user, agency):
        raise Http404
    return agency


@login_required
@require_POST
def publish(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    agency = _agency_or_404(request, agency_pk)
    try:
        publishing.publish_report(request.user, agency, year, confirmed=request.POST.get("confirmed") == "1")
    except PermissionDenied as error:
        raise HttpForbidden(str(error).partition(" / ")[0]) from None
    except publishing.NeedsConfirmation as pending:
        return render(
            request, "annual/confirm_publish.html", {"agency": agency, "year": year, "concerns": pending.concerns}
        )
    except AnnualError as error:
        messages.error(request, str(error).partition(" / ")[0])
    else:
        messages.success(request, f"{year} 年度报告已在门户网站发布")
    return redirect("annual:report", agency_pk=agency.pk, year=year)


@login_required
@require_POST
def withdraw(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    """The head takes the report on ``year`` off the portal, with a reason (it is corrected, then
    published again); the publication stays on record, withdrawn."""
    agency = _agency_or_404(request, agency_pk)
    current = publishing.current_publication(agency, year)
    if current is None:
        messages.error(request, f"{year} 年度报告未在门户网站发布，无需撤回")
        return redirect("annual:report", agency_pk=agency.pk, year=year)
    try:
        publishing.withdraw_report(request.user, current, request.POST.get("reason", ""))
    except PermissionDenied as error:
        raise HttpForbidden(str(error).partition(" / ")[0]) from None
    except AnnualError as error:
        messages.error(request, str(error).partition(" / ")[0])
    else:
        messages.success(request, f"{year} 年度报告已从门户网站撤回，发布记录保留")
    return redirect("annual:report", agency_pk=agency.pk, year=year)
