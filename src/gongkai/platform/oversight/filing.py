"""报送: submit → accept or return (with comments) → publish. Every step audited on the filing,
so the agency and its supervisor read the same history (``audit.services.history``)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_administer, may_approve, may_change_agency_records, supervises
from ..agencies.models import Agency
from ..annual.compile import compile_report
from ..audit.labels import Action
from ..audit.services import record, snapshot
from ..locking import lock_unchanged
from .models import Filing, FilingStatus
from .services import OversightError, store_platform_report

_TRACKED = ("status", "comments")
_DECISIONS: dict[FilingStatus, Action] = {
    FilingStatus.ACCEPTED: Action.OVERSIGHT_FILING_ACCEPTED,
    FilingStatus.RETURNED: Action.OVERSIGHT_FILING_RETURNED,
}


def is_locked(agency_id: int, year: int) -> bool:
    """The agency's entries of ``year`` are frozen while its report waits at the supervisor's."""
    return Filing.objects.filter(agency_id=agency_id, year=year, status=FilingStatus.SUBMITTED).exists()


def may_review(user: Any, agency: Agency) -> bool:
    """The 主管部门's supervisors (a supervisor above the agency), or an administrator."""
    if may_administer(user):
        return True
    return agency.parent is not None and supervises(user, agency.parent)


def submit(actor: Actor, agency: Agency, year: int) -> Filing:
    """The agency's office submits the report the platform compiles now (tables from the cases)."""
    if not may_change_agency_records(actor, agency):
        raise PermissionDenied("只有该机关的经办人员可以报送 / only the agency's office may submit")
    if agency.parent is None:
        raise OversightError("没有上级机关，无需报送 / the agency has no parent to submit to")
    compiled = compile_report(agency, year)
    with transaction.atomic():
        filing = Filing.objects.filter(agency=agency, year=year).first()
        before = snapshot(filing, _TRACKED) if filing else {}
        if filing is not None:
            filing = lock_unchanged(filing, ("status",))
            if filing.status != FilingStatus.RETURNED:
                raise OversightError(
                    f"报告{filing.get_status_display()}，不能再次报送 / "
                    f"the report is {filing.status}; it cannot be submitted again"
                )
        else:
            filing = Filing(agency=agency, year=year)
        filing.data = compiled.report.to_dict()
        filing.status, filing.comments = FilingStatus.SUBMITTED, ""
        filing.submitted_by, filing.submitted_at = stored_user(actor), timezone.now()
        filing.save()
        record(
            actor,
            Action.OVERSIGHT_FILING_SUBMITTED,
            filing,
            before=before,
            after=snapshot(filing, _TRACKED),
            agency=agency,
            note=f"{len(compiled.findings)} 项校验发现 / findings",
        )
    return filing


def _decide(actor: Actor, filing: Filing, status: str, comments: str) -> Filing:
    if not may_review(actor, filing.agency):
        raise PermissionDenied("只有主管部门可以审核 / only the supervising agency may review")
    with transaction.atomic():
        filing = lock_unchanged(filing, ("status",))
        if filing.status != FilingStatus.SUBMITTED:
            raise OversightError(f"报告{filing.get_status_display()}，不在待审核状态 / not waiting for review")
        before = snapshot(filing, _TRACKED)
        filing.status, filing.comments = status, comments.strip()
        filing.decided_by, filing.decided_at = stored_user(actor), timezone.now()
        filing.save()
        record(
            actor,
            _DECISIONS[FilingStatus(status)],
            filing,
            before=before,
            after=snapshot(filing, _TRACKED),
            agency=filing.agency,
            note=comments.strip(),
        )
    return filing


def accept(actor: Actor, filing: Filing, comments: str = "") -> Filing:
    return _decide(actor, filing, FilingStatus.ACCEPTED, comments)


def return_filing(actor: Actor, filing: Filing, comments: str) -> Filing:
    """Back to the agency, unlocked, with what to change (required)."""
    if not comments.strip():
        raise OversightError("退回须写明意见 / returning needs comments")
    return _decide(actor, filing, FilingStatus.RETURNED, comments)


def publish(actor: Actor, filing: Filing) -> Filing:
    """The agency's head publishes the accepted report; it enters the store of published reports."""
    if not may_approve(actor, filing.agency):
        raise PermissionDenied("只有该机关负责人可以发布 / only the agency's head may publish")
    from ...report.model import Report

    with transaction.atomic():
        filing = lock_unchanged(filing, ("status",))
        if filing.status != FilingStatus.ACCEPTED:
            raise OversightError("只有审核通过的报告可以发布 / only an accepted report can be published")
        before = snapshot(filing, _TRACKED)
        filing.status = FilingStatus.PUBLISHED
        filing.save()
        version = store_platform_report(actor, filing.agency, filing.year, Report.from_dict(filing.data))
        record(
            actor,
            Action.OVERSIGHT_FILING_PUBLISHED,
            filing,
            before=before,
            after=snapshot(filing, _TRACKED),
            agency=filing.agency,
            note=f"version {version.pk}",
        )
    return filing
