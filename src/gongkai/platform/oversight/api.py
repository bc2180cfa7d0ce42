"""Oversight over the JSON API: a region's dashboard, the findings work list and its decisions, the
store of published reports (each report's cells and where each was printed), and the indicators.

The same permission as the pages: a supervisor sees and decides only within their own subtree
(``may_oversee``), an administrator everywhere. Outside it the API answers as the pages do, 404: a
region's reports and findings are not for others to see, nor whether they exist (the API's rule for
what a user may not see); a decision the rules refuse answers 400, one the user may not take 403.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from ...report.checks import RULES
from ..agencies.models import Agency
from ..inputs import Id, Input, Limit, Offset, Year
from .dashboard import dashboard
from .indicators import INDICATORS, INDICATORS_BY_KEY, MIN_SAMPLE, agency_rows, ranked, region_rows, region_totals
from .models import FindingStatus, PublishedReport, ReportFinding
from .services import DECISIONS, OversightError, decide, may_oversee, report_cells, send_back

router = Router(tags=["监督 oversight"])


def _oversee(request: HttpRequest, agency: Agency) -> None:
    if not may_oversee(request.user, agency):
        raise Http404("不在您监督的范围内 / not within the region you oversee")


def _region(request: HttpRequest, root_id: int) -> Agency:
    root = get_object_or_404(Agency, pk=root_id)
    _oversee(request, root)
    return root


# ---------------------------------------------------------------------------------------------
# Dashboard
# ---------------------------------------------------------------------------------------------


class AgencyRef(Schema):
    id: int
    name: str


class RuleCount(Schema):
    rule: str
    title: str
    severity: str
    count: int
    open: int


class Branch(Schema):
    agency: AgencyRef
    agencies: int
    published: int
    late: int
    missing: int
    open_findings: int


class LateReport(Schema):
    report_id: int
    agency: AgencyRef
    published_on: dt.date | None


class DashboardOut(Schema):
    region: AgencyRef
    year: int
    agencies: int
    published: int
    on_time: int
    late: int
    undated: int
    missing: int
    by_rule: list[RuleCount]
    branches: list[Branch]
    missing_list: list[AgencyRef] = Field(description="未发布的机关（前 200 个）")
    late_list: list[LateReport] = Field(description="逾期发布的报告（前 200 个）")


def _ref(agency: Agency) -> dict[str, Any]:
    return {"id": agency.pk, "name": agency.name}


@router.get(
    "/regions/{root_id}/{year}/dashboard", response=DashboardOut, summary="区域年度概览：发布、逾期、未发布、发现"
)
def get_dashboard(request: HttpRequest, root_id: Id, year: Year) -> dict[str, Any]:
    root = _region(request, root_id)
    board = dashboard(root, year)
    titles = {name: rule.title_zh for name, rule in RULES.items()}
    return {
        "region": _ref(root),
        "year": year,
        **{k: getattr(board, k) for k in ("agencies", "published", "on_time", "late", "undated", "missing")},
        "by_rule": [{**row, "title": titles.get(row["rule"], row["rule"])} for row in board.by_rule],
        "branches": [{**row, "agency": _ref(row["agency"])} for row in board.branches],
        "missing_list": [_ref(a) for a in board.missing_list],
        "late_list": [
            {"report_id": r.pk, "agency": _ref(r.agency), "published_on": r.published_on} for r in board.late_list
        ],
    }


# ---------------------------------------------------------------------------------------------
# Findings and decisions
# ---------------------------------------------------------------------------------------------


class FindingOut(Schema):
    id: int
    report_id: int
    agency: AgencyRef
    year: int
    rule: str
    severity: str
    place: str
    values: dict[str, Any]
    message_zh: str
    message_en: str
    active: bool
    status: str
    reason: str
    answer: str
    decided_at: dt.datetime | None


def _finding(f: ReportFinding) -> dict[str, Any]:
    return {
        "id": f.pk,
        "report_id": f.report_id,
        "agency": _ref(f.agency),
        "year": f.year,
        "rule": f.rule,
        "severity": f.severity,
        "place": f.place,
        "values": f.values,
        "message_zh": f.message_zh,
        "message_en": f.message_en,
        "active": f.active,
        "status": f.status,
        "reason": f.reason,
        "answer": f.answer,
        "decided_at": f.decided_at,
    }


@router.get(
    "/regions/{root_id}/{year}/findings",
    response=list[FindingOut],
    summary="检查发现工作清单（可按规则、状态、机关筛选）",
)
def list_findings(
    request: HttpRequest,
    root_id: Id,
    year: Year,
    rule: str = "",
    status: str = "",
    agency_id: Id | None = None,
    include_inactive: bool = False,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    root = _region(request, root_id)
    found = ReportFinding.objects.filter(agency__path__startswith=root.path, year=year)
    if not include_inactive:
        found = found.filter(active=True)
    if rule:
        found = found.filter(rule=rule[:60])
    if status:
        found = found.filter(status=status[:20])
    if agency_id is not None:
        found = found.filter(agency_id=agency_id)
    found = found.select_related("agency").order_by("agency__path", "rule", "place", "pk")
    return [_finding(f) for f in found[offset : offset + min(limit, 500)]]


class DecisionIn(Input):
    status: str = Field(
        description="confirmed（确认）· dismissed（排除，须说明理由）· rectified（已整改）"
        " · open（重新打开）· sent_back（退回机关）"
    )
    reason: str = Field("", max_length=2000)


@router.post(
    "/findings/{finding_id}/decision",
    response=FindingOut,
    summary="处理一项发现：确认、排除（附理由）、已整改、退回机关",
)
def post_decision(request: HttpRequest, finding_id: Id, body: DecisionIn) -> dict[str, Any]:
    finding = get_object_or_404(ReportFinding.objects.select_related("agency"), pk=finding_id)
    _oversee(request, finding.agency)
    if body.status == FindingStatus.SENT_BACK:
        send_back(request.user, [finding], body.reason)
    elif body.status in DECISIONS:
        decide(request.user, finding, body.status, body.reason)
    else:
        raise OversightError(f"未知的处理结果 {body.status} / unknown decision {body.status}")
    finding.refresh_from_db()
    return _finding(finding)


# ---------------------------------------------------------------------------------------------
# The store of published reports
# ---------------------------------------------------------------------------------------------


class VersionOut(Schema):
    id: int
    file_name: str
    format: str
    source: str
    sha256: str
    published_on: dt.date | None
    created_at: dt.datetime
    superseded_at: dt.datetime | None


class ReportRow(Schema):
    id: int
    agency: AgencyRef
    year: int
    published_on: dt.date | None
    current: VersionOut | None
    versions: int
    open_findings: int


class Cell(Schema):
    key: str = Field(description="表.行[列]，如 requests.granted[6]")
    value: int | str | None
    where: str = Field(description="在原文件中的位置（读取时记录）/ where the reader found it")


class ReportOut(ReportRow):
    cells: list[Cell]
    history: list[VersionOut]
    findings: list[FindingOut]


def _version(v: Any) -> dict[str, Any] | None:
    if v is None:
        return None
    return {
        "id": v.pk,
        "file_name": v.file_name,
        "format": v.format,
        "source": v.source,
        "sha256": v.sha256,
        "published_on": v.published_on,
        "created_at": v.created_at,
        "superseded_at": v.superseded_at,
    }


def _row(p: PublishedReport, versions: int, open_findings: int) -> dict[str, Any]:
    return {
        "id": p.pk,
        "agency": _ref(p.agency),
        "year": p.year,
        "published_on": p.published_on,
        "current": _version(p.current),
        "versions": versions,
        "open_findings": open_findings,
    }


@router.get(
    "/regions/{root_id}/{year}/reports", response=list[ReportRow], summary="已发布年度报告库：区域内某年度的报告"
)
def list_reports(
    request: HttpRequest, root_id: Id, year: Year, limit: Limit = 100, offset: Offset = 0
) -> list[dict[str, Any]]:
    from django.db.models import Count, Q

    root = _region(request, root_id)
    reports = (
        PublishedReport.objects.filter(agency__path__startswith=root.path, year=year)
        .select_related("agency", "current")
        .defer("current__data")
        .annotate(
            n_versions=Count("versions", distinct=True),
            n_open=Count("findings", filter=Q(findings__active=True, findings__status="open"), distinct=True),
        )
        .order_by("agency__path")
    )
    return [_row(p, p.n_versions, p.n_open) for p in reports[offset : offset + min(limit, 500)]]


@router.get("/reports/{report_id}", response=ReportOut, summary="一份已发布报告：各单元格及其出处、版本历史、发现")
def get_published_report(request: HttpRequest, report_id: Id) -> dict[str, Any]:
    report = get_object_or_404(PublishedReport.objects.select_related("agency", "current"), pk=report_id)
    _oversee(request, report.agency)
    history = list(report.versions.order_by("-created_at", "-pk"))
    findings = list(report.findings.select_related("agency").order_by("-active", "rule", "place"))
    return {
        **_row(report, len(history), sum(f.active and f.status == "open" for f in findings)),
        "cells": report_cells(report),
        "history": [_version(v) for v in history],
        "findings": [_finding(f) for f in findings],
    }


# ---------------------------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------------------------


class IndicatorDefinition(Schema):
    key: str
    title: str
    definition: str
    sample: str = Field(description="排名时须达到最小样本的数字 / the figure a ranking's minimum sample applies to")


class IndicatorRow(Schema):
    report_id: int
    agency: AgencyRef
    year: int
    published_on: dt.date | None
    figures: dict[str, int | None]
    indicators: dict[str, float | int | None]
    rank: int | None = None


class IndicatorsOut(Schema):
    definitions: list[IndicatorDefinition]
    minimum_sample: int
    totals: dict[str, float | int | None] | None = None
    rows: list[IndicatorRow]
    left_out: list[IndicatorRow] = Field(description="排名时因样本不足或无数值未参加排名的机关")


_FIGURE_KEYS = ("received", "processed", "granted", "partly", "refused", "appeals_decided", "appeals_corrected")


def _indicator_row(row: dict[str, Any], year: int) -> dict[str, Any]:
    return {
        "report_id": row["pk"],
        "agency": {"id": row["agency_id"], "name": row["agency__name"]},
        "year": row.get("year", year),
        "published_on": row["published_on"],
        "figures": {k: row.get(k) for k in _FIGURE_KEYS},
        "indicators": {i.key: row.get(i.key) for i in INDICATORS} | {"answered": row.get("answered")},
        "rank": row.get("rank"),
    }


def _definitions() -> list[dict[str, Any]]:
    return [{"key": i.key, "title": i.title, "definition": i.definition, "sample": i.sample} for i in INDICATORS]


@router.get(
    "/regions/{root_id}/{year}/indicators",
    response=IndicatorsOut,
    summary="区域内各机关的指标并列；rank= 按某指标排名（样本不足者不排名）",
)
def region_indicators(request: HttpRequest, root_id: Id, year: Year, rank: str = "") -> dict[str, Any]:
    root = _region(request, root_id)
    rows = region_rows(root, year)
    left_out: list[dict[str, Any]] = []
    if rank:
        if rank not in INDICATORS_BY_KEY:
            raise OversightError(f"未知的指标 {rank[:60]} / unknown indicator {rank[:60]}")
        rows, left_out = ranked(rows, rank)
    return {
        "definitions": _definitions(),
        "minimum_sample": MIN_SAMPLE,
        "totals": region_totals(root, year),
        "rows": [_indicator_row(r, year) for r in rows],
        "left_out": [_indicator_row(r, year) for r in left_out],
    }


@router.get("/agencies/{agency_id}/indicators", response=IndicatorsOut, summary="一个机关历年的指标")
def agency_indicators(request: HttpRequest, agency_id: Id) -> dict[str, Any]:
    agency = _region(request, agency_id)
    return {
        "definitions": _definitions(),
        "minimum_sample": MIN_SAMPLE,
        "rows": [_indicator_row(r, r["year"]) for r in agency_rows(agency)],
        "left_out": [],
    }
