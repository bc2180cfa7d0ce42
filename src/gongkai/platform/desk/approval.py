"""拟办 → 审核 → 签发: the clerk drafts an answer or asks for an extension, the head signs or returns.

Signing makes the answer (``services.answer``) or the extension (``services.extend``) with what was
proposed, in the head's name, in the same transaction; every step is audited. A returned proposal
stays on the case with the head's comment; the clerk drafts again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_approve, may_change
from ..audit.labels import Action
from ..audit.services import record
from ..locking import lock_unchanged
from . import services, states
from .models import OUTCOME_LABELS, Application, Approval, ApprovalKind, ApprovalStatus

ANSWER_FIELDS = ("outcome", "reply_text", "withheld_reason", "legal_basis", "responsible_agency")


def _pending(case: Application, kind: str) -> Approval | None:
    return case.approvals.filter(kind=kind, status=ApprovalStatus.PENDING).first()


def pending(case: Application) -> list[Approval]:
    return list(case.approvals.filter(status=ApprovalStatus.PENDING).select_related("drafted_by"))


def _propose(
    actor: Actor, case: Application, kind: str, step: str, proposal: dict[str, Any], action: Action, note: str
) -> Approval:
    if not may_change(actor, case):
        raise PermissionDenied("只有受理机关可以拟办 / only the handling office drafts")
    with transaction.atomic():
        lock_unchanged(case, ("status",), services.DeskConflict)
        if not states.allows(case, step):
            raise services.DeskConflict(f"申请当前为“{case.get_status_display()}”，不能拟办 / not now")
        if _pending(case, kind) is not None:
            raise services.DeskConflict("已有待审核的拟办，请等待负责人审核 / a proposal is already pending")
        approval = Approval.objects.create(
            application=case, kind=kind, proposal=proposal, drafted_by=stored_user(actor)
        )
        record(actor, action, case, after={"status": case.status, "approval": approval.pk}, note=note)
    return approval


def draft_answer(
    actor: Actor,
    case: Application,
    *,
    outcome: str,
    reply_text: str = "",
    withheld_reason: str = "",
    legal_basis: str = "",
    responsible_agency: str = "",
) -> Approval:
    if outcome not in OUTCOME_LABELS:
        raise services.DeskError("请选择办理结果 / choose an outcome")
    proposal = {
        "outcome": outcome,
        "outcome_label": OUTCOME_LABELS[outcome],
        "reply_text": reply_text.strip(),
        "withheld_reason": withheld_reason.strip(),
        "legal_basis": legal_basis.strip(),
        "responsible_agency": responsible_agency.strip(),
    }
    return _propose(
        actor,
        case,
        ApprovalKind.ANSWER,
        "answer",
        proposal,
        Action.DESK_DRAFT_ANSWER,
        f"拟办：{OUTCOME_LABELS[outcome]}",
    )


def request_extension(actor: Actor, case: Application, *, days: int, reason: str) -> Approval:
    if case.extension_days:
        raise services.DeskError("答复期限已经延长过 / already extended")
    if not reason.strip():
        raise services.DeskError("请写明延期理由 / give the reason")
    return _propose(
        actor,
        case,
        ApprovalKind.EXTENSION,
        "extend",
        {"days": days, "reason": reason.strip()},
        Action.DESK_REQUEST_EXTENSION,
        f"申请延长 {days} 个工作日：{reason.strip()}",
    )


def _decide(actor: Actor, approval: Approval, status: str, comment: str) -> None:
    approval.status, approval.decided_by, approval.decided_at = status, stored_user(actor), timezone.now()
    approval.comment = comment.strip()
    approval.save()


def sign(actor: Actor, approval: Approval, *, on: dt.date, comment: str = "") -> Application:
    """签发: the head makes the proposed answer or extension, dated ``on``."""
    case = approval.application
    if not may_approve(actor, case.agency):
        raise PermissionDenied("只有公开办负责人可以签发 / only the head signs")
    with transaction.atomic():
        lock_unchanged(approval, ("status",), services.DeskConflict)
        if approval.status != ApprovalStatus.PENDING:
            raise services.DeskConflict("该拟办已审核 / already decided")
        p = approval.proposal
        if approval.kind == ApprovalKind.ANSWER:
            services.answer(actor, case, on=on, **{k: p.get(k, "") for k in ANSWER_FIELDS})
        else:
            services.extend(actor, case, days=int(p["days"]), reason=str(p["reason"]), on=on)
        _decide(actor, approval, ApprovalStatus.SIGNED, comment)
        note = f"{approval.get_kind_display()}：签发" + (f"。审核意见：{comment}" if comment else "")
        record(actor, Action.DESK_SIGN, case, after={"approval": approval.pk, "kind": approval.kind}, note=note)
    return case


def return_to_clerk(actor: Actor, approval: Approval, *, comment: str) -> Approval:
    """退回: with the head's comment (required: the clerk must know what to change)."""
    if not may_approve(actor, approval.application.agency):
        raise PermissionDenied("只有公开办负责人可以退回 / only the head returns")
    if not comment.strip():
        raise services.DeskError("退回须写明审核意见 / a return needs a comment")
    with transaction.atomic():
        lock_unchanged(approval, ("status",), services.DeskConflict)
        if approval.status != ApprovalStatus.PENDING:
            raise services.DeskConflict("该拟办已审核 / already decided")
        _decide(actor, approval, ApprovalStatus.RETURNED, comment)
        record(
            actor,
            Action.DESK_RETURN,
            approval.application,
            after={"approval": approval.pk, "kind": approval.kind},
            note=f"{approval.get_kind_display()}退回：{comment.strip()}",
        )
    return approval
