"""Annual reports over the JSON API: compiled data with findings, the office's entries, imports,
publishing on the portal and withdrawing."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, Router, Schema
from pydantic import ConfigDict

from ...report.model import Report
from ..accounts.permissions import may_view_agency_records
from ..agencies.models import Agency
from ..inputs import MAX_TEXT, Id, Input, Year
from . import publishing
from .compile import compile_report
from .models import ReportPublication
from .services import import_report, save_entries
from .views import _allowed

router = Router(tags=["年度报告 annual reports"])
# The address publishing had while the registry published reports, kept for existing clients.
legacy_router = Router(tags=["年度报告 annual reports"])


class CompiledOut(Schema):
    report: dict[str, Any]
    findings: list[dict[str, Any]]
    notes: list[str]
    errors: int


class WithdrawIn(Input):
    reason: str


class PublicationOut(Schema):
    id: int
    year: int
    published_at: str
    withdrawn: bool


class EntriesIn(Input):
    # Table 二 was once accepted here and then ignored (the compiled report takes it from the
    # registry): a client sending it is told where it goes instead of losing it in silence.
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_TEXT)
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


@router.put(
    "/{agency_id}/{year}/entries",
    response=CompiledOut,
    summary="填写正文各部分（本机关）",
    description="表二不在此填报：由主动公开目录统计，目录不能统计的数据用 "
    "PUT /api/registry/table/{agency_id}/{year} 填报。",
)
def put_entries(request: HttpRequest, agency_id: Id, year: Year, body: EntriesIn) -> dict[str, Any]:
    agency = get_object_or_404(Agency, pk=agency_id)
    save_entries(request.user, agency, year, sections=body.sections)
    return _compiled(agency, year, False)


def _publication(publication: ReportPublication) -> dict[str, Any]:
    return {
        "id": publication.pk,
        "year": publication.year,
        "published_at": publication.published_at.isoformat(),
        "withdrawn": publication.withdrawn,
    }


@router.post("/{agency_id}/{year}/publish", response=PublicationOut, summary="发布年度报告（校验通过后，负责人）")
def publish_report(request: HttpRequest, agency_id: Id, year: Year, confirmed: bool = False) -> dict[str, Any]:
    """Empty narrative parts or a missed deadline: refused until sent again with ``confirmed=true``."""
    agency = get_object_or_404(Agency, pk=agency_id)
    return _publication(publishing.publish_report(request.user, agency, year, confirmed=confirmed))


@router.post(
    "/{agency_id}/{year}/withdraw", response=PublicationOut, summary="从门户网站撤回年度报告（负责人，须说明理由）"
)
def withdraw_report(request: HttpRequest, agency_id: Id, year: Year, body: WithdrawIn) -> dict[str, Any]:
    agency = get_object_or_404(Agency, pk=agency_id)
    current = publishing.current_publication(agency, year)
    if current is None or not may_view_agency_records(request.user, agency):
        raise Http404
    return _publication(publishing.withdraw_report(request.user, current, body.reason))


@legacy_router.post(
    "/{agency_id}/{year}/publish", response=PublicationOut, summary="发布年度报告（旧地址）", deprecated=True
)
def publish_report_legacy(request: HttpRequest, agency_id: Id, year: Year, confirmed: bool = False) -> dict[str, Any]:
    return publish_report(request, agency_id, year, confirmed)
