"""Annual reports over the JSON API: compiled data with findings, the office's entries, imports."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, Router, Schema

from ...report.model import Report
from ..agencies.models import Agency
from ..inputs import Id, Input, Year
from .compile import compile_report
from .services import import_report, save_entries
from .views import _allowed

router = Router(tags=["年度报告 annual reports"])


class CompiledOut(Schema):
    report: dict[str, Any]
    findings: list[dict[str, Any]]
    notes: list[str]
    errors: int


class EntriesIn(Input):
    active: dict[str, dict[str, Any]] | None = None
    active_source: str | None = None
    sections: dict[str, str] | None = None


def _compiled(agency: Agency, year: Year, aggregate: bool) -> dict[str, Any]:
    compiled = compile_report(agency, year, aggregate=aggregate)
    return {
        "report": compiled.report.to_dict(),
        "findings": [f.to_dict() for f in compiled.findings],
        "notes": compiled.notes,
        "errors": len(compiled.errors),
    }


@router.post("/import/{agency_id}", response=CompiledOut, summary="导入以前年度的报告数据 JSON")
def post_import(request: HttpRequest, agency_id: Id, body: Body[dict[str, Any]]) -> dict[str, Any]:
    agency = get_object_or_404(Agency, pk=agency_id)
    report = Report.from_dict(body, source="api")
    import_report(request.user, agency, report, source="api")
    return _compiled(agency, report.year, False)


@router.get("/{agency_id}/{year}", response=CompiledOut, summary="年度报告数据（表三、表四由办理记录统计）及校验结果")
def get_report(request: HttpRequest, agency_id: Id, year: Year, aggregate: bool = False) -> dict[str, Any]:
    agency = get_object_or_404(Agency, pk=agency_id)
    if not _allowed(request.user, agency, aggregate):
        raise Http404
    return _compiled(agency, year, aggregate)


@router.put("/{agency_id}/{year}/entries", response=CompiledOut, summary="填报表二和正文（本机关）")
def put_entries(request: HttpRequest, agency_id: Id, year: Year, body: EntriesIn) -> dict[str, Any]:
    agency = get_object_or_404(Agency, pk=agency_id)
    save_entries(
        request.user, agency, year, active=body.active, active_source=body.active_source, sections=body.sections
    )
    return _compiled(agency, year, False)
