"""Recording appeals and their results: the handling office, audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from ..accounts.permissions import PermissionDenied, may_change
from ..audit.services import record, snapshot
from ..desk.models import Application
from ..desk.services import DeskConflict, DeskError, today
from ..locking import lock_unchanged
from .models import PENDING, RESULT_CHOICES, Appeal, AppealKind

_FIELDS = ("kind", "review_id", "body", "case_number", "filed_on", "result", "decided_on")


def file_appeal(actor: Any, case: Application, *, kind: str, filed_on: dt.date, body: str, case_number: str = "",
                review: Appeal | None = None) -> Appeal:
    if not may_change(actor, case):
        raise PermissionDenied("只有受理机关可以登记复议诉讼 / only the handling office records appeals")
    if kind not in AppealKind.values:
        raise DeskError(f"未知的类别 / unknown kind {kind!r}")
    if case.receipt_date is None:
        raise DeskError("尚未收到的申请不能被复议或起诉 / the application was never received")
    if filed_on > today() or filed_on < case.receipt_date:
        raise DeskError(f"日期不合理 / implausible date {filed_on}")
    if review is not None and (kind != AppealKind.LITIGATION or review.kind != AppealKind.REVIEW
                               or review.application_id != case.pk):
        raise DeskError("复议后起诉须指向同一申请的行政复议 / a suit after review points to a review of the same case")
    with transaction.atomic():
        appeal = Appeal.objects.create(application=case, agency=case.agency, kind=kind, filed_on=filed_on, body=body,
                                       case_number=case_number, review=review)
        record(actor, "appeals.file", appeal, after=snapshot(appeal, _FIELDS), agency=case.agency)
    return appeal


def record_result(actor: Any, appeal: Appeal, *, result: str, decided_on: dt.date | None) -> Appeal:
    if not may_change(actor, appeal):
        raise PermissionDenied("只有受理机关可以登记结果 / only the handling office records results")
    if result not in dict(RESULT_CHOICES):
        raise DeskError(f"未知的结果 / unknown result {result!r}")
    if result != PENDING and decided_on is None:
        raise DeskError("审结须有日期 / a decided appeal needs its date")
    if decided_on is not None and (decided_on < appeal.filed_on or decided_on > today()):
        raise DeskError(f"审结日期不合理 / implausible date {decided_on}")
    with transaction.atomic():
        lock_unchanged(appeal, _FIELDS, DeskConflict)
        before = snapshot(appeal, _FIELDS)
        appeal.result = result
        appeal.decided_on = decided_on if result != PENDING else None
        appeal.save()
        record(actor, "appeals.result", appeal, before=before, after=snapshot(appeal, _FIELDS))
    return appeal
