"""The office's entries in its annual report (the narrative) and imports of earlier years.

Table 二 is not entered here: the registry counts it and takes the figures it cannot count
(``registry.figures``), so there is one place for each figure."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from ...report.model import Report
from ...report.templates import SECTIONS
from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_administer, may_change_agency_records
from ..agencies.models import Agency
from ..audit.labels import Action
from ..audit.services import record
from ..errors import RuleError
from ..locking import locked
from .models import AnnualReport, Source

SECTION_NUMBERS = tuple(s.number for s in SECTIONS)
# An uploaded report is read in a worker process (``ingest.limited``) under these limits: a hostile
# file costs the request at most this long, and the server no memory at all.
IMPORT_SECONDS = 60.0
IMPORT_MEMORY = 1024**3


class AnnualError(RuleError):
    code = "annual"


def _require_office(actor: Actor, agency: Agency) -> None:
    if not (may_change_agency_records(actor, agency) or may_administer(actor)):
        raise PermissionDenied(
            "只有本机关的政府信息公开工作机构可以编写年度报告 / only the agency's office writes its report"
        )


def save_entries(
    actor: Actor,
    agency: Agency,
    year: int,
    *,
    sections: dict[str, str] | None = None,
) -> AnnualReport:
    """The narrative sections (一 … 六) the office writes; each given text replaces that part's."""
    _require_office(actor, agency)
    with transaction.atomic():
        stored, _ = AnnualReport.objects.get_or_create(agency=agency, year=year)
        stored = locked(AnnualReport, stored.pk)  # two editors merge their sections one after the other
        if stored.source == Source.IMPORTED:
            raise AnnualError("导入的报告按原文保存，不能修改 / an imported report is kept as published")
        from ..oversight.filing import is_locked  # the one hook of 报送: submitted entries are frozen

        if is_locked(agency.pk, year):
            raise AnnualError(
                "报告已报送主管部门，退回前不能修改 / the report was submitted; it is locked until returned"
            )
        before = {"sections": stored.sections}
        if sections is not None:
            unknown = set(sections) - set(SECTION_NUMBERS)
            if unknown:
                raise AnnualError(f"没有这些部分 / no such sections: {sorted(unknown)}")
            stored.sections = {k: v for k, v in {**stored.sections, **sections}.items() if v}
        stored.updated_by = stored_user(actor)
        stored.save()
        record(
            actor,
            Action.ANNUAL_ENTRIES,
            stored,
            before=before,
            after={"sections": stored.sections},
            agency=agency,
        )
    return stored


def import_report(actor: Actor, agency: Agency, report: Report, source: str = "") -> AnnualReport:
    """Keep a published report of an earlier year, so that its carried-forward figures continue."""
    _require_office(actor, agency)
    with transaction.atomic():
        stored, created = AnnualReport.objects.get_or_create(agency=agency, year=report.year)
        stored = locked(AnnualReport, stored.pk)
        before = None if created else {"source": stored.source, "imported": stored.imported}
        stored.source = Source.IMPORTED
        stored.imported = report.to_dict()
        stored.imported_from = source[:300]
        stored.updated_by = stored_user(actor)
        stored.save()
        record(
            actor,
            Action.ANNUAL_IMPORT,
            stored,
            before=before,
            after={"source": stored.source, "file": source},
            agency=agency,
        )
    return stored


def read_report_file(path: Path) -> Report:
    """Report data JSON, or a published report (HTML, DOCX, PDF, text) read by ``gongkai.ingest``."""
    if path.suffix.lower() == ".json":
        return Report.load(path)
    from ...ingest.limited import Limits, read_one

    result = read_one(path, Limits(IMPORT_SECONDS, IMPORT_MEMORY))
    if result.report is None:
        raise AnnualError(result.error)
    return result.report
