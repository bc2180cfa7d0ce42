"""The request desk over the JSON API: the same service functions and permissions as the pages.

Personal data (ID number, phone, address, e-mail) is returned only to the handling office and the
applicant themselves (``personal`` is null otherwise), and never by the public endpoints.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.responses import Status

from ..accounts.permissions import may_approve, may_change, may_see_personal_data, may_view, role_of
from ..agencies.models import Agency
from ..inputs import Id, Input, Limit, Offset, Year, column
from ..letters.responses import letter_response
from ..security import ScopedThrottle
from . import approval, queries, services, states
from .models import Application, Approval, ApprovalStatus, Consultation

router = Router(tags=["依申请公开 desk"])
# The public endpoints are rate limited per client address (settings.GONGKAI_RATES).
public_router = Router(tags=["公众 public"], throttle=ScopedThrottle("public_read"))


class Personal(Schema):
    id_number: str
    phone: str
    address: str
    email: str


class DueOut(Schema):
    due: dt.date | None
    state: str
    steps: list[str]
    warning: str | None


class CaseOut(Schema):
    id: int
    tracking_code: str
    agency_id: int
    agency_name: str
    applicant_type: str
    description: str
    channel: str
    submitted_on: dt.date
    receipt_date: dt.date | None
    status: str
    status_label: str
    due_date: dt.date | None
    extension_days: int
    outcome: str
    decided_on: dt.date | None


class ConsultationOut(Schema):
    id: int
    kind: str
    party: str
    started_on: dt.date
    deadline: dt.date
    answered_on: dt.date | None


class StepOut(Schema):
    name: str
    label: str
    who: str


class ApprovalOut(Schema):
    id: int
    kind: str
    status: str
    proposal: dict[str, Any]
    comment: str


class CaseDetailOut(CaseOut):
    applicant_name: str
    personal: Personal | None
    form_wanted: str
    clarification_sent_on: dt.date | None
    clarification_deadline: dt.date | None
    clarification_request: str
    clarified_on: dt.date | None
    clarified_description: str
    fee_method: str
    fee_amount: int
    fee_deadline: dt.date | None
    fee_paid_on: dt.date | None
    reply_text: str
    consultations: list[ConsultationOut]
    due: DueOut
    steps: list[StepOut]
    approvals: list[ApprovalOut]  # 拟办 → 审核 → 签发: the office's proposals (empty for anyone else)


def _row(case: Application) -> dict[str, Any]:
    return {
        "id": case.pk,
        "tracking_code": case.tracking_code,
        "agency_id": case.agency_id,
        "agency_name": case.agency.name,
        "applicant_type": case.applicant_type,
        "description": case.description,
        "channel": case.channel,
        "submitted_on": case.submitted_on,
        "receipt_date": case.receipt_date,
        "status": case.status,
        "status_label": case.get_status_display(),
        "due_date": case.due_date,
        "extension_days": case.extension_days,
        "outcome": case.outcome,
        "decided_on": case.decided_on,
    }


def detail(request: HttpRequest, case: Application) -> dict[str, Any]:
    consultations = list(case.consultations.all())
    due = services.clock.compute(services.timeline(case, consultations), services.work_calendar(), services.today())
    personal = None
    internal = may_change(request.user, case) or role_of(request.user) in ("supervisor", "admin")
    if may_see_personal_data(request.user, case):
        personal = {"id_number": case.id_number, "phone": case.phone, "address": case.address, "email": case.email}
    return {
        **_row(case),
        "applicant_name": case.applicant_name,
        "personal": personal,
        "form_wanted": case.form_wanted,
        "clarification_sent_on": case.clarification_sent_on,
        "clarification_deadline": case.clarification_deadline,
        "clarification_request": case.clarification_request,
        "clarified_on": case.clarified_on,
        "clarified_description": case.clarified_description,
        "fee_method": case.fee_method,
        "fee_amount": case.fee_amount,
        "fee_deadline": case.fee_deadline,
        "fee_paid_on": case.fee_paid_on,
        "reply_text": case.reply_text,
        # A third party's name is the office's and the supervisors' only (never the applicant's).
        "consultations": [
            {
                "id": c.pk,
                "kind": c.kind,
                "party": c.party if internal else "",
                "started_on": c.started_on,
                "deadline": c.deadline,
                "answered_on": c.answered_on,
            }
            for c in consultations
        ],
        "due": {"due": due.due, "state": due.state, "steps": due.steps, "warning": due.warning if internal else None},
        "approvals": [
            {"id": a.pk, "kind": a.kind, "status": a.status, "proposal": a.proposal, "comment": a.comment}
            for a in (case.approvals.order_by("id") if may_change(request.user, case) else [])
        ],
        # What the requester may do now: the states table's answer, as the case page shows it.
        "steps": [
            {"name": s.name, "label": s.label, "who": s.who}
            for s in states.offered(
                case,
                services.today(),
                office=may_change(request.user, case),
                head=may_approve(request.user, case.agency),
            )
        ],
    }


def _case(request: HttpRequest, case_id: Id) -> Application:
    case = get_object_or_404(Application.objects.select_related("agency"), pk=case_id)
    if not may_view(request.user, case):
        raise Http404  # the same answer as a case that does not exist
    return case


@router.get("/", response=list[CaseOut], summary="申请列表（按权限范围）")
def list_cases(
    request: HttpRequest,
    tab: str = "all",
    agency: Id | None = None,
    year: Year | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    cases = queries.in_tab(queries.visible_cases(request.user), tab, services.today())
    cases = queries.narrowed(cases, agency, year)
    limit = max(1, min(limit, 500))
    rows = queries.list_rows(cases).order_by("-submitted_on", "-id")[offset : offset + limit]
    return [_row(c) for c in rows]


class ApplicantIn(Input):
    applicant_type: str = Field("natural_person", max_length=column(Application, "applicant_type"))
    applicant_name: str = Field(max_length=column(Application, "applicant_name"))
    id_number: str = Field("", max_length=column(Application, "id_number"))
    phone: str = Field("", max_length=column(Application, "phone"))
    address: str = Field("", max_length=column(Application, "address"))
    email: str = Field("", max_length=column(Application, "email"))


class RegisterIn(ApplicantIn):
    agency_id: int
    channel: str
    submitted_on: dt.date
    signed_on: dt.date | None = None
    confirmed_on: dt.date | None = None
    description: str
    form_wanted: str = Field("", max_length=column(Application, "form_wanted"))


@router.post("/", response={201: CaseDetailOut}, summary="登记申请（受理机关）")
def register(request: HttpRequest, body: RegisterIn) -> Status[dict[str, Any]]:
    agency = get_object_or_404(Agency, pk=body.agency_id)
    case = services.register(
        request.user,
        agency,
        channel=body.channel,
        submitted_on=body.submitted_on,
        signed_on=body.signed_on,
        confirmed_on=body.confirmed_on,
        applicant=body.dict(),
        description=body.description,
        form_wanted=body.form_wanted,
    )
    return Status(201, detail(request, case))


@router.get("/{case_id}", response=CaseDetailOut, summary="一件申请，含答复期限及其计算过程")
def get_case(request: HttpRequest, case_id: Id) -> dict[str, Any]:
    return detail(request, _case(request, case_id))


class OnIn(Input):
    on: dt.date


class ClarificationIn(OnIn):
    request: str
    deadline: dt.date | None = None


class ConsultationIn(OnIn):
    kind: str
    party: str = Field(max_length=column(Consultation, "party"))


class ConsultationEndIn(OnIn):
    opinion: str = ""


class ExtensionIn(OnIn):
    days: int
    reason: str


class FeeIn(OnIn):
    method: str
    pages: int | None = None
    received_on: dt.date | None = None


class AnswerIn(OnIn):
    outcome: str
    reply_text: str = ""
    legal_basis: str = Field("", max_length=column(Application, "legal_basis"))
    responsible_agency: str = Field("", max_length=column(Application, "responsible_agency"))
    withheld_reason: str = Field("", max_length=5000)


class WithdrawIn(OnIn):
    note: str = ""


def _done(request: HttpRequest, case: Application) -> dict[str, Any]:
    case.refresh_from_db()
    return detail(request, case)


@router.post("/{case_id}/confirm-receipt", response=CaseDetailOut, summary="确认收到（平信、网络、传真）")
def confirm_receipt(request: HttpRequest, case_id: Id, body: OnIn) -> dict[str, Any]:
    return _done(request, services.confirm_receipt(request.user, _case(request, case_id), body.on))


@router.post("/{case_id}/clarification", response=CaseDetailOut, summary="要求补正")
def clarification(request: HttpRequest, case_id: Id, body: ClarificationIn) -> dict[str, Any]:
    case = services.ask_clarification(request.user, _case(request, case_id), body.on, body.request, body.deadline)
    return _done(request, case)


class ClarifiedIn(Input):
    on: dt.date
    content: str


@router.post("/{case_id}/clarified", response=CaseDetailOut, summary="收到补正（期限重新计算）")
def clarified(request: HttpRequest, case_id: Id, body: ClarifiedIn) -> dict[str, Any]:
    return _done(request, services.receive_clarification(request.user, _case(request, case_id), body.on, body.content))


@router.post("/{case_id}/close-no-clarification", response=CaseDetailOut, summary="逾期不补正，不再处理")
def close_no_clarification(request: HttpRequest, case_id: Id, body: OnIn) -> dict[str, Any]:
    return _done(request, services.close_for_no_clarification(request.user, _case(request, case_id), body.on))


@router.post("/{case_id}/consultations", response=CaseDetailOut, summary="征求第三方或其他机关意见")
def consult(request: HttpRequest, case_id: Id, body: ConsultationIn) -> dict[str, Any]:
    case = _case(request, case_id)
    services.start_consultation(request.user, case, kind=body.kind, party=body.party, on=body.on)
    return _done(request, case)


@router.post("/{case_id}/consultations/{consultation_id}/end", response=CaseDetailOut, summary="收到意见")
def consulted(request: HttpRequest, case_id: Id, consultation_id: Id, body: ConsultationEndIn) -> dict[str, Any]:
    case = _case(request, case_id)
    consultation = get_object_or_404(Consultation, pk=consultation_id, application=case)
    return _done(request, services.end_consultation(request.user, consultation, body.on, body.opinion))


@router.post("/{case_id}/extension", response=CaseDetailOut, summary="延长答复期限（负责人；经办人请用延期申请）")
def extension(request: HttpRequest, case_id: Id, body: ExtensionIn) -> dict[str, Any]:
    case = services.extend(request.user, _case(request, case_id), days=body.days, reason=body.reason, on=body.on)
    return _done(request, case)


@router.post("/{case_id}/fee", response=CaseDetailOut, summary="发出收费通知")
def fee_notice(request: HttpRequest, case_id: Id, body: FeeIn) -> dict[str, Any]:
    case = services.issue_fee_notice(
        request.user,
        _case(request, case_id),
        method=body.method,
        on=body.on,
        pages=body.pages,
        received_on=body.received_on,
    )
    return _done(request, case)


@router.post("/{case_id}/payment", response=CaseDetailOut, summary="登记缴费")
def payment(request: HttpRequest, case_id: Id, body: OnIn) -> dict[str, Any]:
    return _done(request, services.record_payment(request.user, _case(request, case_id), body.on))


@router.post("/{case_id}/close-unpaid", response=CaseDetailOut, summary="逾期未缴费，不再处理")
def close_unpaid(request: HttpRequest, case_id: Id, body: OnIn) -> dict[str, Any]:
    return _done(request, services.close_for_unpaid_fee(request.user, _case(request, case_id), body.on))


@router.post("/{case_id}/answer", response=CaseDetailOut, summary="答复（负责人签发；经办人请用拟办）")
def answer(request: HttpRequest, case_id: Id, body: AnswerIn) -> dict[str, Any]:
    case = services.answer(
        request.user,
        _case(request, case_id),
        outcome=body.outcome,
        on=body.on,
        reply_text=body.reply_text,
        legal_basis=body.legal_basis,
        responsible_agency=body.responsible_agency,
        withheld_reason=body.withheld_reason,
    )
    return _done(request, case)


class DraftIn(Input):
    outcome: str
    reply_text: str = ""
    legal_basis: str = Field("", max_length=column(Application, "legal_basis"))
    responsible_agency: str = Field("", max_length=column(Application, "responsible_agency"))
    withheld_reason: str = Field("", max_length=5000)


class ExtensionRequestIn(Input):
    days: int
    reason: str


class SignIn(OnIn):
    comment: str = ""


class ReturnIn(Input):
    comment: str


@router.post("/{case_id}/draft", response=CaseDetailOut, summary="拟办答复（经办人，提交负责人签发）")
def draft(request: HttpRequest, case_id: Id, body: DraftIn) -> dict[str, Any]:
    case = _case(request, case_id)
    approval.draft_answer(request.user, case, **body.dict())
    return _done(request, case)


@router.post("/{case_id}/extension-request", response=CaseDetailOut, summary="申请延长答复期限（提交负责人审核）")
def extension_request(request: HttpRequest, case_id: Id, body: ExtensionRequestIn) -> dict[str, Any]:
    case = _case(request, case_id)
    approval.request_extension(request.user, case, days=body.days, reason=body.reason)
    return _done(request, case)


def _pending(request: HttpRequest, case_id: Id, approval_id: Id) -> Approval:
    return get_object_or_404(
        Approval.objects.select_related("application__agency"),
        pk=approval_id,
        application=_case(request, case_id),
        status=ApprovalStatus.PENDING,
    )


@router.post("/{case_id}/approvals/{approval_id}/sign", response=CaseDetailOut, summary="签发（负责人）")
def sign(request: HttpRequest, case_id: Id, approval_id: Id, body: SignIn) -> dict[str, Any]:
    proposal = _pending(request, case_id, approval_id)
    return _done(request, approval.sign(request.user, proposal, on=body.on, comment=body.comment))


@router.post("/{case_id}/approvals/{approval_id}/return", response=CaseDetailOut, summary="退回拟办（负责人）")
def return_draft(request: HttpRequest, case_id: Id, approval_id: Id, body: ReturnIn) -> dict[str, Any]:
    proposal = _pending(request, case_id, approval_id)
    approval.return_to_clerk(request.user, proposal, comment=body.comment)
    return _done(request, proposal.application)


@router.post("/{case_id}/withdraw", response=CaseDetailOut, summary="撤回申请")
def withdraw(request: HttpRequest, case_id: Id, body: WithdrawIn) -> dict[str, Any]:
    return _done(request, services.withdraw(request.user, _case(request, case_id), body.on, body.note))


@router.post("/{case_id}/close", response=CaseDetailOut, summary="办结归档")
def close(request: HttpRequest, case_id: Id, body: OnIn) -> dict[str, Any]:
    return _done(request, services.close(request.user, _case(request, case_id), body.on))


@router.get("/{case_id}/letter", summary="答复告知书（fmt=docx 或 pdf）")
def letter(request: HttpRequest, case_id: Id, fmt: str = "docx") -> HttpResponse:
    return letter_response(_case(request, case_id), fmt)


# ---------------------------------------------------------------------------------------------
# Public: no sign-in, no personal data
# ---------------------------------------------------------------------------------------------


class ApplyIn(ApplicantIn):
    agency_id: int
    description: str
    form_wanted: str = Field("电子邮件", max_length=column(Application, "form_wanted"))
    id_kind: str = Field("resident_id", max_length=20)
    token: str = Field("", max_length=64, description="一次性提交令牌：同一令牌再次提交，返回第一次建立的申请")


class TrackOut(Schema):
    tracking_code: str
    agency_name: str
    status: str
    status_label: str
    submitted_on: dt.date
    receipt_date: dt.date | None
    due_date: dt.date | None
    due_steps: list[str]
    clarification_request: str
    fee_amount: int
    outcome: str
    outcome_label: str
    decided_on: dt.date | None
    letter_url: str | None


def track_data(case: Application) -> dict[str, Any]:
    due = services.due_of(case)
    return {
        "tracking_code": case.tracking_code,
        "agency_name": case.agency.name,
        "status": case.status,
        "status_label": case.get_status_display(),
        "submitted_on": case.submitted_on,
        "receipt_date": case.receipt_date,
        "due_date": due.due,
        "due_steps": due.steps,
        "clarification_request": case.clarification_request,
        "fee_amount": case.fee_amount,
        "outcome": case.outcome,
        "outcome_label": case.outcome_label,
        "decided_on": case.decided_on,
        "letter_url": f"/letters/track/{case.tracking_code}.docx" if case.outcome else None,
    }


@public_router.post(
    "/applications",
    response={201: TrackOut},
    auth=None,
    summary="在线提交申请（无需登录）",
    throttle=ScopedThrottle("public_apply"),
)
def apply(request: HttpRequest, body: ApplyIn) -> Status[dict[str, Any]]:
    agency = get_object_or_404(Agency, pk=body.agency_id)
    case = services.submit_online(
        request.user,
        agency,
        applicant=body.dict(),
        description=body.description,
        form_wanted=body.form_wanted,
        token=body.token,
    )
    return Status(201, track_data(case))


@public_router.get("/track/{code}", response=TrackOut, auth=None, summary="凭查询码查看进度")
def track(request: HttpRequest, code: str) -> dict[str, Any]:
    case = get_object_or_404(Application.objects.select_related("agency"), tracking_code=code.strip().upper())
    return track_data(case)
