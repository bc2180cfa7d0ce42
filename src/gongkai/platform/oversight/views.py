"""Pages of the store: import files, follow a batch, match the waiting files, a report's history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ...report.checks import RULES
from ..accounts.models import Role
from ..accounts.permissions import PermissionDenied, may_administer, may_approve, role_of
from ..agencies.models import Agency
from ..audit.services import history
from ..locking import Conflict
from . import filing as filings
from .checking import hierarchy_job
from .checking import report_of as readable_report
from .dashboard import dashboard, today_year
from .export import table_response
from .indicators import INDICATORS, INDICATORS_BY_KEY, MIN_SAMPLE, agency_rows, ranked, region_rows, region_totals
from .jobs import run_job, start_import
from .models import FileStatus, Filing, FindingStatus, ImportBatch, ImportFile, PublishedReport, ReportFinding
from .services import (
    DECISIONS,
    OversightError,
    answer,
    counts,
    create_batch,
    decide,
    match_file,
    may_import,
    may_oversee,
    progress_of,
    report_cells,
    send_back,
    stalled,
)
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
    return render(
        request,
        "oversight/index.html",
        {"regions": regions, "batches": batches, "waiting": waiting, "year": today_year()},
    )


@login_required
@require_POST
def import_files(request: HttpRequest) -> HttpResponse:
    root = get_object_or_404(Agency, pk=request.POST.get("root") or 0)
    if not may_import(request.user, root):
        raise HttpForbidden
    mapping_file = request.FILES.get("mapping")
    mapping = read_mapping(mapping_file.read().decode("utf-8-sig", "replace")) if mapping_file else None
    uploads = [(f.name or "file", f.read()) for f in request.FILES.getlist("files")]
    if not uploads:
        messages.error(request, "请选择要导入的文件 / choose files to import")
        return redirect("oversight:index")
    entries: list[Entry] = list(collect_uploads(uploads, mapping))
    batch = create_batch(request.user, root, entries, label=request.POST.get("label", "")[:300])
    start_import(batch.pk)  # a background job: this page answers at once, the batch page follows it
    if not may_oversee(request.user, root):  # an agency re-submitting: back to its list, with the outcome
        labels = dict(FileStatus.choices)
        tally = counts(batch)
        if tally[FileStatus.PENDING]:
            messages.info(request, f"重新提交：已收到 {sum(tally.values())} 个文件，正在后台导入")
        else:
            messages.info(request, "重新提交：" + " · ".join(f"{labels[k]} {n}" for k, n in tally.items() if n))
        return redirect("oversight:answers")
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
    progress = progress_of(batch)
    return render(
        request,
        "oversight/batch.html",
        {
            "batch": batch,
            "files": files,
            "tally": tally,
            "agencies": agencies,
            "progress": progress,
            "running": progress["done"] < progress["total"],
            "stalled": stalled(batch),
        },
    )


@login_required
@require_POST
def resume(request: HttpRequest, batch_pk: int) -> HttpResponse:
    """Queue an interrupted batch again (its pending files only); a batch still moving is left alone."""
    batch = _batch_or_404(request, batch_pk)
    if stalled(batch):
        start_import(batch.pk)
        messages.success(request, "已继续导入 / import resumed")
    elif batch.finished_at is None:
        messages.info(request, "该批次正在导入中 / the batch is still being imported")
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


# ---------------------------------------------------------------------------------------------
# Dashboard, findings, the report with its cells
# ---------------------------------------------------------------------------------------------


def _root_or_404(request: HttpRequest, root_pk: int) -> Agency:
    root = get_object_or_404(Agency, pk=root_pk)
    if not may_oversee(request.user, root):
        raise Http404
    return root


@login_required
def dashboard_page(request: HttpRequest, root_pk: int, year: int) -> HttpResponse:
    root = _root_or_404(request, root_pk)
    board = dashboard(root, year)
    titles = {name: rule.title_zh for name, rule in RULES.items()}
    for row in board.by_rule:
        row["title"] = titles.get(row["rule"], row["rule"])
    for branch in board.branches:  # the drawn map: one bar per branch, on time | late | missing
        whole = branch["agencies"] or 1
        on_time = branch["published"] - branch["late"]
        branch["bar"] = [
            ("on-time", "按时或日期不明", on_time, round(100 * on_time / whole, 1)),
            ("late", "逾期", branch["late"], round(100 * branch["late"] / whole, 1)),
            ("missing", "未发布", branch["missing"], round(100 * branch["missing"] / whole, 1)),
        ]
    return render(
        request,
        "oversight/dashboard.html",
        {"board": board, "root": root, "year": year, "years": range(year + 1, year - 5, -1)},
    )


@login_required
def findings_page(request: HttpRequest, root_pk: int, year: int) -> HttpResponse:
    root = _root_or_404(request, root_pk)
    found = ReportFinding.objects.filter(agency__path__startswith=root.path, year=year, active=True)
    rule = request.GET.get("rule", "")
    if rule:
        found = found.filter(rule=rule)
    status = request.GET.get("status", "")
    if status:
        found = found.filter(status=status)
    return render(
        request,
        "oversight/findings.html",
        {
            "root": root,
            "year": year,
            "rule": rule,
            "findings": found.select_related("agency")[:500],
            "statuses": FindingStatus.choices,
            "decisions": [(s.value, s.label) for s in DECISIONS],
        },
    )


@login_required
@require_POST
def decide_view(request: HttpRequest, finding_pk: int) -> HttpResponse:
    finding = get_object_or_404(ReportFinding.objects.select_related("agency"), pk=finding_pk)
    if not may_oversee(request.user, finding.agency):
        raise Http404
    try:
        if request.POST.get("status") == FindingStatus.SENT_BACK:
            send_back(request.user, [finding], request.POST.get("reason", ""))
        else:
            decide(request.user, finding, request.POST.get("status", ""), request.POST.get("reason", ""))
    except (OversightError, PermissionDenied, Conflict) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "已记录处理结果")
    if request.POST.get("next"):
        return redirect(_safe_next(request))
    return redirect("oversight:report", report_pk=finding.report_id)


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    return target if target.startswith("/oversight/") else "/oversight/"


@login_required
def answers_page(request: HttpRequest) -> HttpResponse:
    """The agency's side: findings its supervisors sent back, to answer."""
    user: Any = request.user
    if not user.agency_id or role_of(user) not in (Role.CLERK, Role.HEAD):
        raise HttpForbidden
    found = (
        ReportFinding.objects.filter(agency_id=user.agency_id)
        .exclude(status=FindingStatus.OPEN)
        .select_related("agency")[:300]
    )
    return render(request, "oversight/answers.html", {"findings": found, "agency": user.agency})


@login_required
@require_POST
def answer_view(request: HttpRequest, finding_pk: int) -> HttpResponse:
    finding = get_object_or_404(ReportFinding.objects.select_related("agency"), pk=finding_pk)
    try:
        answer(request.user, finding, request.POST.get("answer", ""))
    except (OversightError, PermissionDenied, Conflict) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "已答复")
    return redirect("oversight:answers")


@login_required
def report_page(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = get_object_or_404(PublishedReport.objects.select_related("agency", "current"), pk=report_pk)
    if not may_oversee(request.user, report.agency):
        raise Http404
    versions = report.versions.order_by("-created_at", "-pk")
    cells = report_cells(report)
    findings = report.findings.order_by("-active", "rule")
    return render(
        request,
        "oversight/report.html",
        {
            "report": report,
            "versions": versions,
            "cells": cells,
            "findings": findings,
            "decisions": [(s.value, s.label) for s in DECISIONS],
        },
    )


# ---------------------------------------------------------------------------------------------
# 报送: both sides of one list
# ---------------------------------------------------------------------------------------------


@login_required
def filings_page(request: HttpRequest) -> HttpResponse:
    """The office sees its own filings and submits; a supervisor those of the agencies below."""
    user: Any = request.user
    role = role_of(user)
    if role in (Role.CLERK, Role.HEAD) and user.agency_id:
        rows = Filing.objects.filter(agency_id=user.agency_id)
    elif role == Role.SUPERVISOR and user.agency_id:
        rows = Filing.objects.filter(agency__path__startswith=user.agency.path).exclude(agency_id=user.agency_id)
    elif may_administer(user):
        rows = Filing.objects.all()
    else:
        raise HttpForbidden
    rows = rows.select_related("agency", "submitted_by", "decided_by").order_by("status", "agency__path", "-year")
    listed = [
        {
            "filing": f,
            "history": list(history(f)),
            "may_review": filings.may_review(user, f.agency),
            "may_publish": may_approve(user, f.agency),
        }
        for f in rows[:200]
    ]
    return render(
        request,
        "oversight/filings.html",
        {"rows": listed, "may_submit": role in (Role.CLERK, Role.HEAD), "year": today_year()},
    )


@login_required
@require_POST
def filing_action(request: HttpRequest, action: str, filing_pk: int = 0) -> HttpResponse:
    comments = request.POST.get("comments", "")
    try:
        if action == "submit":
            user: Any = request.user
            if not user.agency_id:
                raise HttpForbidden
            filings.submit(user, user.agency, int(request.POST.get("year", "0")))
        else:
            filing = get_object_or_404(Filing.objects.select_related("agency__parent"), pk=filing_pk)
            if action == "accept":
                filings.accept(request.user, filing, comments)
            elif action == "return":
                filings.return_filing(request.user, filing, comments)
            elif action == "publish":
                filings.publish(request.user, filing)
            else:
                raise Http404
    except (OversightError, PermissionDenied, Conflict) as error:
        messages.error(request, str(error))
    except ValueError:
        messages.error(request, "年度应为数字 / the year must be a number")
    else:
        messages.success(request, "已完成")
    return redirect("oversight:filings")


# ---------------------------------------------------------------------------------------------
# Comparison and indicators
# ---------------------------------------------------------------------------------------------

_PERCENT = ("share_granted", "share_partly", "share_refused", "correction_rate", "on_time_rate")


def _cell(row: dict[str, Any], key: str) -> Any:
    value = row.get(key)
    if value is None:
        return ""
    return round(value * 100, 1) if key in _PERCENT else value


def _indicator_table(rows: list[dict[str, Any]], first: tuple[str, str]) -> tuple[list[str], list[list[Any]]]:
    headers = [first[1], "发布日期", *[i.title + ("（%）" if i.key in _PERCENT else "") for i in INDICATORS]]
    body = [[row[first[0]], row["published_on"] or "", *[_cell(row, i.key) for i in INDICATORS]] for row in rows]
    return headers, body


@login_required
def compare_page(request: HttpRequest, root_pk: int, year: int) -> HttpResponse:
    """The region's agencies side by side; ``?rank=`` ranks them (small samples left out)."""
    root = _root_or_404(request, root_pk)
    rows = region_rows(root, year)
    rank = request.GET.get("rank", "")
    left_out: list[dict[str, Any]] = []
    if rank in INDICATORS_BY_KEY:
        rows, left_out = ranked(rows, rank)
    headers, body = _indicator_table(rows + left_out, ("agency__name", "机关"))
    if rank in INDICATORS_BY_KEY:
        headers.insert(0, "名次")
        body = [[row.get("rank", "样本不足"), *line] for row, line in zip(rows + left_out, body, strict=True)]
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        return table_response(f"{root.name}{year}年度指标", headers, body, fmt)
    return render(
        request,
        "oversight/compare.html",
        {
            "root": root,
            "year": year,
            "headers": headers,
            "body": body,
            "indicators": INDICATORS,
            "rank": rank,
            "totals": region_totals(root, year),
            "minimum": MIN_SAMPLE,
            "chart": _bars(rows, rank) if rank in INDICATORS_BY_KEY else [],
        },
    )


def _bars(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """The ranked indicator as a bar chart (widths in % of the largest), the first 30 agencies."""
    shown = rows[:30]
    top = max((r[key] for r in shown), default=0) or 1
    return [{"name": r["agency__name"], "value": _cell(r, key), "width": round(100 * r[key] / top, 1)} for r in shown]


@login_required
def agency_years_page(request: HttpRequest, agency_pk: int) -> HttpResponse:
    """One agency over the years."""
    agency = _root_or_404(request, agency_pk)
    headers, body = _indicator_table(agency_rows(agency), ("year", "年度"))
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        return table_response(f"{agency.name}历年指标", headers, body, fmt)
    return render(
        request,
        "oversight/agency_years.html",
        {"agency": agency, "headers": headers, "body": body, "indicators": INDICATORS, "trend": _trend(agency)},
    )


def _trend(agency: Agency) -> str:
    """The agency's applications and appeals over the years, drawn by the renderer's trend chart (the
    one its illustrated reports carry) from the current version of each year's published report."""
    from ...render.charts import CJKFontMissing, trend_chart
    from ...render.to_html import chart_figure

    published = PublishedReport.objects.filter(agency=agency).select_related("current").order_by("year")
    reports = [r for p in published if (r := readable_report(p)) is not None]
    if len(reports) < 2:
        return ""
    try:
        return chart_figure(trend_chart(reports))
    except CJKFontMissing as error:
        return f'<p class="error">{error}</p>'  # said, not drawn as boxes


@login_required
@require_POST
def hierarchy_view(request: HttpRequest, root_pk: int, year: int) -> HttpResponse:
    """Check each government of the region against the sum of its children's reports (a background
    job; each import re-checks the governments it touches on its own)."""
    root = _root_or_404(request, root_pk)
    run_job(hierarchy_job, root.pk, year)
    messages.success(request, "已在后台核对本区域各政府的报告与其下级报告之和，结果见检查发现")
    return redirect("oversight:dashboard", root_pk=root.pk, year=year)


@login_required
def queue_page(request: HttpRequest) -> HttpResponse:
    """Every file waiting to be matched in the regions the user oversees, across batches."""
    regions = _regions(request.user)
    if not regions:
        raise HttpForbidden
    waiting = (
        ImportFile.objects.filter(batch__root__in=[r.pk for r in regions], status=FileStatus.UNMATCHED)
        .select_related("batch__root")
        .order_by("batch", "pk")[:300]
    )
    agencies = (
        Agency.objects.filter(path__startswith=regions[0].path).only("pk", "name")
        if len(regions) == 1
        else Agency.objects.only("pk", "name")
    )
    return render(request, "oversight/queue.html", {"files": waiting, "agencies": agencies[:5000]})
