"""Recording appeals and their results: the handling office, audited."""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction

from ..accounts.models import Actor
from ..accounts.permissions import PermissionDenied, may_change
from ..audit.labels import Action
from ..audit.services import record, snapshot
from ..desk import services as desk_services
from ..desk.models import Application
from ..desk.services import DeskConflict, DeskError
from ..locking import lock_unchanged
from .models import PENDING, RESULT_CHOICES, Appeal, AppealKind

_FIELDS = ("kind", "review_id", "body", "case_number", "filed_on", "result", "decided_on", "withdrawn_on")

# 案号 as offices type them: 嘉政复〔2026〕123号, 嘉政复[2026]123号, 嘉政复（2026）123 号 are one number.
_BRACKETS = str.maketrans(
    {"[": "〔", "]": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕", "【": "〔", "】": "〕", "［": "〔", "］": "〕"}
)


def normalized_case_number(number: str) -> str:
    return re.sub(r"\s+", "", number).translate(_BRACKETS).upper()


def _check(
    case: Application,
    kind: str,
    filed_on: dt.date,
    case_number: str,
    review: Appeal | None,
    appeal: Appeal | None = None,
) -> None:
    """What makes an appeal plausible: a real decision (or a missed deadline) before it, one 案号 once."""
    if kind not in AppealKind.values:
        raise DeskError(f"未知的类别 / unknown kind {kind!r}")
    if case.receipt_date is None:
        raise DeskError("尚未收到的申请不能被复议或起诉 / the application was never received")
    if filed_on > desk_services.today():
        raise DeskError(f"申请（起诉）日期 {filed_on} 晚于今天 / {filed_on} is in the future")
    if case.decided_on is not None and filed_on < case.decided_on:
        raise DeskError(
            f"申请（起诉）日期 {filed_on} 早于所针对的答复（{case.decided_on}），请核对 / "
            f"filed on {filed_on}, before the answer of {case.decided_on} it challenges"
        )
    # Not answered yet: an appeal may still challenge a step (a fee notice, a refusal to extend the
    # time, inaction past the deadline), never before the application arrived.
    if case.decided_on is None and filed_on < case.receipt_date:
        raise DeskError(f"申请（起诉）日期 {filed_on} 早于收到申请之日 / filed before the application arrived")
    if review is not None and (
        kind != AppealKind.LITIGATION or review.kind != AppealKind.REVIEW or review.application_id != case.pk
    ):
        raise DeskError("复议后起诉须指向同一申请的行政复议 / a suit after review points to a review of the same case")
    if review is not None and filed_on < review.filed_on:
        raise DeskError("复议后起诉的日期不能早于行政复议 / a suit after review follows the review")
    number = normalized_case_number(case_number)
    if number:
        others = Appeal.active.filter(agency_id=case.agency_id, kind=kind).exclude(case_number="")
        if appeal is not None:
            others = others.exclude(pk=appeal.pk)
        for other in others.only("pk", "case_number"):
            if normalized_case_number(other.case_number) == number:
                raise DeskError(
                    f"案号 {case_number} 已登记（编号 {other.pk}），请勿重复登记；登记有误的请更正 / "
                    f"case number {case_number} is already recorded (appeal {other.pk})"
                )


def file_appeal(
    actor: Actor,
    case: Application,
    *,
    kind: str,
    filed_on: dt.date,
    body: str,
    case_number: str = "",
    review: Appeal | None = None,
) -> Appeal:
    if not may_change(actor, case):
        raise PermissionDenied("只有受理机关可以登记复议诉讼 / only the handling office records appeals")
    if not body.strip():
        raise DeskError("请填写复议机关或人民法院 / name the review body or court")
    with transaction.atomic():
        # One office files at a time per case: two clerks cannot both pass the duplicate check.
        Application.objects.select_for_update().filter(pk=case.pk).first()
        _check(case, kind, filed_on, case_number, review)
        appeal = Appeal.objects.create(
            application=case,
            agency=case.agency,
            kind=kind,
            filed_on=filed_on,
            body=body.strip(),
            case_number=case_number.strip(),
            review=review,
        )
        record(actor, Action.APPEALS_FILE, appeal, after=snapshot(appeal, _FIELDS), agency=case.agency)
    return appeal


def correct_appeal(
    actor: Actor, appeal: Appeal, *, reason: str, kind: str, filed_on: dt.date, body: str, case_number: str = ""
) -> Appeal:
    """Correct what was registered wrongly; the audit entry keeps the old values and the reason."""
    if not may_change(actor, appeal):
        raise PermissionDenied("只有受理机关可以更正 / only the handling office corrects appeals")
    if appeal.withdrawn_on is not None:
        raise DeskConflict("已撤销的登记不能更正 / a withdrawn appeal cannot be corrected")
    if not reason.strip():
        raise DeskError("请说明更正原因 / give the reason for the correction")
    if not body.strip():
        raise DeskError("请填写复议机关或人民法院 / name the review body or court")
    if appeal.decided_on is not None and filed_on > appeal.decided_on:
        raise DeskError("申请（起诉）日期不能晚于审结日期 / filed after it was decided")
    with transaction.atomic():
        lock_unchanged(appeal, _FIELDS, DeskConflict)
        _check(appeal.application, kind, filed_on, case_number, appeal.review, appeal)
        before = snapshot(appeal, _FIELDS)
        appeal.kind, appeal.filed_on, appeal.body = kind, filed_on, body.strip()
        appeal.case_number = case_number.strip()
        appeal.save()
        record(
            actor, Action.APPEALS_CORRECT, appeal, before=before, after=snapshot(appeal, _FIELDS), note=reason.strip()
        )
    return appeal


def withdraw_appeal(actor: Actor, appeal: Appeal, *, reason: str, on: dt.date | None = None) -> Appeal:
    """Take back a registration (entered twice, in error, or withdrawn by the appellant): kept, not counted."""
    if not may_change(actor, appeal):
        raise PermissionDenied("只有受理机关可以撤销登记 / only the handling office withdraws appeals")
    if not reason.strip():
        raise DeskError("请说明撤销原因 / give the reason")
    if appeal.lawsuits.filter(withdrawn_on__isnull=True).exists():
        raise DeskError("该复议之后的诉讼仍在登记中，请先撤销诉讼 / withdraw the lawsuit after this review first")
    with transaction.atomic():
        lock_unchanged(appeal, _FIELDS, DeskConflict)
        if appeal.withdrawn_on is not None:
            raise DeskConflict("该登记已撤销 / already withdrawn")
        before = snapshot(appeal, _FIELDS)
        appeal.withdrawn_on = on or desk_services.today()
        appeal.withdrawal_reason = reason.strip()
        appeal.save()
        record(
            actor, Action.APPEALS_WITHDRAW, appeal, before=before, after=snapshot(appeal, _FIELDS), note=reason.strip()
        )
    return appeal


def record_result(actor: Actor, appeal: Appeal, *, result: str, decided_on: dt.date | None) -> Appeal:
    if not may_change(actor, appeal):
        raise PermissionDenied("只有受理机关可以登记结果 / only the handling office records results")
    if appeal.withdrawn_on is not None:
        raise DeskConflict("已撤销的登记不能登记结果 / a withdrawn appeal has no result")
    if result not in dict(RESULT_CHOICES):
        raise DeskError(f"未知的结果 / unknown result {result!r}")
    if result != PENDING and decided_on is None:
        raise DeskError("审结须有日期 / a decided appeal needs its date")
    if decided_on is not None and (decided_on < appeal.filed_on or decided_on > desk_services.today()):
        raise DeskError(f"审结日期不合理 / implausible date {decided_on}")
    with transaction.atomic():
        lock_unchanged(appeal, _FIELDS, DeskConflict)
        before = snapshot(appeal, _FIELDS)
        appeal.result = result
        appeal.decided_on = decided_on if result != PENDING else None
        appeal.save()
        record(actor, Action.APPEALS_RESULT, appeal, before=before, after=snapshot(appeal, _FIELDS))
    return appeal
