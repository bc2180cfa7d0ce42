"""Pages of the store: import files, follow a batch, match the waiting files, a report's history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..accounts.models import Role
from ..accounts.permissions import PermissionDenied, may_administer, role_of
from ..agencies.models import Agency
from .jobs import run_job
from .models import FileStatus, ImportBatch, ImportFile, PublishedReport
from .services import OversightError, counts, create_batch, match_file, may_oversee, run_batch
from .sources import Entry, collect_uploads, read_mapping


def _regions(user: Any) -> list[Agency]:
    """The agencies a user oversees from: an administrator's roots, a supervisor's own agency."""
    if may_administer(user):
        return list(Agency.objects.filter(parent__isnull=True))
    if role_of(user) == Role.SUPERVISOR and user.agency_id:
        return [user.agency]
    return []


@login_required
def index(request: HttpRequest) -> HttpResponse:
    regions = _regions(request.user)
    if not regions:
        raise HttpForbidden
    roots = [r.pk for r in regions]
    batches = ImportBatch.objects.filter(root__in=roots).select_related("root")[:50]
    waiting = ImportFile.objects.filter(batch__root__in=roots, status=FileStatus.UNMATCHED).count()
    return render(request, "oversight/index.html", {"regions": regions, "batches": batches, "waiting": waiting})


@login_required
@require_POST
def import_files(request: HttpRequest) -> HttpResponse:
    root = get_object_or_404(Agency, pk=request.POST.get("root") or 0)
    if not may_oversee(request.user, root):
        raise HttpForbidden
    mapping_file = request.FILES.get("mapping")
    mapping = read_mapping(mapping_file.read().decode("utf-8-sig", "replace")) if mapping_file else None
    uploads = [(f.name or "file", f.read()) for f in request.FILES.getlist("files")]
    if not uploads:
        messages.error(request, "请选择要导入的文件 / choose files to import")
        return redirect("oversight:index")
    entries: list[Entry] = list(collect_uploads(uploads, mapping))
    batch = create_batch(request.user, root, entries, label=request.POST.get("label", "")[:300])
    run_job(run_batch, batch.pk)
    return redirect("oversight:batch", batch_pk=batch.pk)


def _batch_or_404(request: HttpRequest, batch_pk: int) -> ImportBatch:
    batch = get_object_or_404(ImportBatch.objects.select_related("root"), pk=batch_pk)
    if not may_oversee(request.user, batch.root):
        raise Http404
    return batch


@login_required
def batch_page(request: HttpRequest, batch_pk: int) -> HttpResponse:
    batch = _batch_or_404(request, batch_pk)
    files = batch.files.select_related("agency", "version").order_by("status", "pk")
    agencies = Agency.objects.subtree(batch.root).only("pk", "name", "depth")
    labels = dict(FileStatus.choices)
    tally = [(labels[status], n, status) for status, n in counts(batch).items()]
    return render(request, "oversight/batch.html", {"batch": batch, "files": files, "tally": tally,
                                                    "agencies": agencies})


@login_required
@require_POST
def resume(request: HttpRequest, batch_pk: int) -> HttpResponse:
    batch = _batch_or_404(request, batch_pk)
    run_job(run_batch, batch.pk)
    return redirect("oversight:batch", batch_pk=batch.pk)


@login_required
@require_POST
def match(request: HttpRequest, file_pk: int) -> HttpResponse:
    file = get_object_or_404(ImportFile.objects.select_related("batch__root"), pk=file_pk)
    if not may_oversee(request.user, file.batch.root):
        raise Http404
    agency = get_object_or_404(Agency, pk=request.POST.get("agency") or 0)
    try:
        year = int(request.POST.get("year", ""))
        match_file(request.user, file, agency, year)
    except ValueError as error:
        if not isinstance(error, OversightError):
            error = OversightError("年度应为数字 / the year must be a number")
        messages.error(request, f"{file.name}: {error}")
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{file.name} 已匹配到 {agency.name} {year} 年度")
    return redirect("oversight:batch", batch_pk=file.batch_id)


@login_required
def report_page(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = get_object_or_404(PublishedReport.objects.select_related("agency", "current"), pk=report_pk)
    if not may_oversee(request.user, report.agency):
        raise Http404
    versions = report.versions.order_by("-created_at", "-pk")
    return render(request, "oversight/report.html", {"report": report, "versions": versions})
